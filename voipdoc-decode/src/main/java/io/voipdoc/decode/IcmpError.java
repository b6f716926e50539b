package io.voipdoc.decode;

import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * An ICMP or ICMPv6 error message and the packet it quotes: "destination unreachable" for a SIP or
 * RTP packet often explains a failed call.
 *
 * @param icmpVersion 4 for ICMP, 6 for ICMPv6
 * @param type ICMP type (3 = destination unreachable for ICMP, 1 for ICMPv6, ...)
 * @param code ICMP code (3 = port unreachable for ICMP, 4 for ICMPv6, ...)
 * @param quotedProtocol IP protocol of the quoted packet, or -1 when no packet is quoted
 * @param quotedSrc source address of the quoted packet, when quoted
 * @param quotedDst destination address of the quoted packet, when quoted
 * @param quotedSrcPort source port of the quoted UDP/TCP packet, or -1
 * @param quotedDstPort destination port of the quoted UDP/TCP packet, or -1
 */
public record IcmpError(
    int icmpVersion,
    int type,
    int code,
    int quotedProtocol,
    @Nullable InetAddress quotedSrc,
    @Nullable InetAddress quotedDst,
    int quotedSrcPort,
    int quotedDstPort) {

  /** Whether this is a port unreachable error (ICMP 3/3 or ICMPv6 1/4). */
  public boolean portUnreachable() {
    return icmpVersion == 4 ? type == 3 && code == 3 : type == 1 && code == 4;
  }

  /** Whether this is a host or network unreachable error. */
  public boolean hostUnreachable() {
    return icmpVersion == 4 ? type == 3 && (code == 0 || code == 1) : type == 1 && code == 3;
  }
}
