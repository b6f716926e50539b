package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/**
 * Decodes ICMP (RFC 792) and ICMPv6 (RFC 4443 §3) error messages: destination unreachable, time
 * exceeded, parameter problem and (ICMPv6) packet too big, with the addresses and ports of the
 * packet they quote. Informational messages (echo, neighbour discovery, ...) are not errors and
 * give false without an anomaly. Never throws; keeps one scratch header for the quoted packet,
 * so use one instance per thread.
 */
public final class IcmpDecoder {
  private static final int HEADER = 8;

  private final Ipv6Decoder ipv6;
  private final IpHeader quoted = new IpHeader();

  /** A decoder whose quoted IPv6 headers are walked with the limits of {@code config}. */
  public IcmpDecoder(IpConfig config) {
    this.ipv6 = new Ipv6Decoder(config);
  }

  /**
   * Decodes the ICMP ({@code icmpVersion} 4) or ICMPv6 (6) message at {@code off}; returns true
   * when it is an error message, with what it quotes in {@code out}.
   */
  public boolean decode(
      int icmpVersion,
      byte[] b,
      int off,
      int len,
      IcmpMessage out,
      Frame frame,
      AnomalyLog anomalies) {
    out.reset(icmpVersion);
    // Type (8) | Code (8) | Checksum (16) | unused, pointer or MTU (32) | quoted packet
    if (len < HEADER) {
      IcmpProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=8 have=" + len);
      return false;
    }
    out.type = b[off] & 0xff;
    out.code = b[off + 1] & 0xff;
    if (!isError(icmpVersion, out.type)) {
      return false;
    }
    int pos = off + HEADER;
    int quoteLength = len - HEADER;
    if (quoteLength == 0) {
      // RFC 792 asks for the quote, but some routers send none
      return true;
    }
    int version = (b[pos] & 0xff) >>> 4;
    boolean header =
        version == 4
            ? Ipv4Decoder.decodeQuoted(b, pos, quoteLength, quoted, frame)
            : version == 6 && ipv6.decodeQuoted(b, pos, quoteLength, quoted, frame);
    if (!header) {
      IcmpProblem.QUOTED_PACKET_TRUNCATED.report(
          anomalies, frame, "quoted_version=" + version + " have=" + quoteLength);
      return true;
    }
    out.quotedAddressLength = quoted.addressLength;
    System.arraycopy(quoted.src, 0, out.quotedSrc, 0, quoted.addressLength);
    System.arraycopy(quoted.dst, 0, out.quotedDst, 0, quoted.addressLength);
    if (quoted.protocol < 0) {
      IcmpProblem.QUOTED_PACKET_TRUNCATED.report(
          anomalies, frame, "quoted_version=" + version + " have=" + quoteLength + " at=headers");
      return true;
    }
    out.quotedProtocol = quoted.protocol;
    // a quote holds at least the first 8 bytes of the transport header (RFC 792): the ports
    // of UDP and TCP are its first 4; later fragments carry no transport header at all
    boolean firstFragment = quoted.fragmentOffset == 0;
    int rest = off + len - quoted.payloadOffset;
    if ((quoted.protocol == 17 || quoted.protocol == 6) && firstFragment && rest >= 4) {
      out.quotedSrcPort = Ipv4Decoder.u16(b, quoted.payloadOffset);
      out.quotedDstPort = Ipv4Decoder.u16(b, quoted.payloadOffset + 2);
    }
    return true;
  }

  private static boolean isError(int icmpVersion, int type) {
    if (icmpVersion == 4) {
      // 3 destination unreachable, 11 time exceeded, 12 parameter problem
      return type == 3 || type == 11 || type == 12;
    }
    // 1 destination unreachable, 2 packet too big, 3 time exceeded, 4 parameter problem
    return type >= 1 && type <= 4;
  }
}
