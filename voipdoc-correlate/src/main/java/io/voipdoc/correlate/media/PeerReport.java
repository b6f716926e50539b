package io.voipdoc.correlate.media;

import io.voipdoc.capture.FrameRef;

/**
 * What the receiver of a stream reported about it in RTCP (a report block of an SR or RR, RFC 3550
 * §6.4.1), converted to everyday units.
 *
 * @param fractionLost fraction lost since the previous report, 0..1
 * @param cumulativeLost packets lost since the start (negative with duplicates)
 * @param jitterMs interarrival jitter in ms (the stream's clock rate), or -1 when unknown
 * @param roundTripMs round-trip time from LSR/DLSR (RFC 3550 §6.4.1) measured with capture times,
 *     or -1 when no matching SR was seen
 * @param frame the RTCP packet that carried it
 */
public record PeerReport(
    double fractionLost, int cumulativeLost, double jitterMs, double roundTripMs, FrameRef frame) {}
