package io.voipdoc.correlate.points;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;

/**
 * Packets of one flow that passed one capture point and never reached the next one, although
 * that point was capturing and saw other traffic of the same endpoint: they were lost or dropped
 * between the two.
 *
 * @param kind what kind of packets
 * @param from the last point that saw them
 * @param to the point that should have seen them next
 * @param source sender, as seen at {@code from}
 * @param destination receiver, as seen at {@code from}
 * @param ssrc the RTP SSRC, or -1 for SIP and STUN
 * @param what for SIP the method (requests) or status and method (responses), else empty
 * @param packets how many vanished
 * @param firstAtFrom the first of them at {@code from}
 * @param lastAtFrom the last of them at {@code from}
 */
public record Vanished(
    PacketKind kind,
    String from,
    String to,
    Endpoint source,
    Endpoint destination,
    long ssrc,
    String what,
    long packets,
    FrameRef firstAtFrom,
    FrameRef lastAtFrom) {}
