package io.voipdoc.decode.rtp;

import java.util.List;
import java.util.Set;

/**
 * The packets of one RTCP datagram in order, and the problems found (RFC 3550 §6.1).
 *
 * @param packets the packets decoded, up to the first damaged one
 * @param problems damage found; empty for a clean compound
 */
public record RtcpCompound(List<RtcpPacket> packets, Set<RtpProblem> problems) {}
