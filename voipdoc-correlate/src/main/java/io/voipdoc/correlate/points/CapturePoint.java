package io.voipdoc.correlate.points;

import io.voipdoc.capture.FrameRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One capture point: one input, and what of the matched kinds it saw.
 *
 * @param input the input's name
 * @param first its first recognised message, or null when it had none
 * @param last its last recognised message, or null when it had none
 * @param sip SIP messages seen
 * @param stun STUN messages seen
 * @param rtp RTP packets seen
 * @param rtpStreams its RTP streams, in order first seen (at most the configured number of flows)
 */
public record CapturePoint(
    String input,
    @Nullable FrameRef first,
    @Nullable FrameRef last,
    long sip,
    long stun,
    long rtp,
    List<PointStream> rtpStreams) {

  /** Capture time covered, first to last recognised message, in seconds (0 without any). */
  public double seconds() {
    return first == null || last == null
        ? 0
        : (last.timestampNanos() - first.timestampNanos()) / 1e9;
  }
}
