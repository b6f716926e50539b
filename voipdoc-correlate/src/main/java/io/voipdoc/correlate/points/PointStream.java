package io.voipdoc.correlate.points;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;

/**
 * One RTP stream (SSRC on one address pair) as one capture point saw it.
 *
 * @param ssrc the synchronisation source
 * @param source sender, as seen at this point
 * @param destination receiver, as seen at this point
 * @param packets packets of the stream at this point
 * @param firstFrame its first packet at this point
 */
public record PointStream(
    long ssrc, Endpoint source, Endpoint destination, long packets, FrameRef firstFrame) {}
