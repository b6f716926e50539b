package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/**
 * Decodes IPv4 headers (RFC 791 §3.1). Stateless; never throws on bad input. The header checksum
 * is not verified: captures taken on the sending host often carry checksums the NIC fills in
 * later, and a wrong checksum does not change what the packet says.
 */
public final class Ipv4Decoder {
  private static final int MIN_HEADER = 20;

  private Ipv4Decoder() {}

  /**
   * Decodes the IPv4 header at {@code off} into {@code out}; returns false (after reporting an
   * anomaly) when there is no usable header. The payload is bounded by the smaller of the total
   * length and the captured bytes.
   */
  public static boolean decode(
      byte[] b, int off, int len, IpHeader out, Frame frame, AnomalyLog anomalies) {
    return decode(b, off, len, out, frame, anomalies, false);
  }

  /**
   * Decodes the header of a packet quoted in an ICMP error: the quote is cut on purpose, so a
   * total length beyond it is not damage. Returns false when the header itself is incomplete.
   */
  static boolean decodeQuoted(byte[] b, int off, int len, IpHeader out, Frame frame) {
    return decode(b, off, len, out, frame, null, true);
  }

  private static boolean decode(
      byte[] b,
      int off,
      int len,
      IpHeader out,
      Frame frame,
      @org.jspecify.annotations.Nullable AnomalyLog anomalies,
      boolean quoted) {
    out.reset(4);
    // Version (4) | IHL (4) | DSCP (6) | ECN (2) | Total Length (16)
    // Identification (16) | Flags (3: reserved, DF, MF) | Fragment Offset (13, in 8 bytes)
    // TTL (8) | Protocol (8) | Header Checksum (16)
    // Source Address (32)
    // Destination Address (32)
    // Options (IHL * 4 - 20)
    if (len < MIN_HEADER) {
      if (anomalies != null) {
        IpHeaderProblem.HEADER_TRUNCATED.report(anomalies, frame, "version=4 need=20 have=" + len);
      }
      return false;
    }
    int version = (b[off] & 0xff) >>> 4;
    if (version != 4) {
      if (anomalies != null) {
        IpHeaderProblem.VERSION_MISMATCH.report(anomalies, frame, "expected=4 found=" + version);
      }
      return false;
    }
    int headerLength = (b[off] & 0x0f) * 4;
    if (headerLength < MIN_HEADER) {
      if (anomalies != null) {
        IpHeaderProblem.HEADER_LENGTH_INVALID.report(anomalies, frame, "ihl=" + headerLength / 4);
      }
      return false;
    }
    if (headerLength > len) {
      if (anomalies != null) {
        IpHeaderProblem.HEADER_TRUNCATED.report(
            anomalies, frame, "version=4 need=" + headerLength + " have=" + len);
      }
      return false;
    }
    int totalLength = u16(b, off + 2);
    int available = len;
    if (totalLength == 0 && !quoted) {
      // Seen in captures taken on a host with TCP segmentation offload: the stack leaves the
      // total length to the NIC. The captured bytes are the packet.
      totalLength = len;
    }
    if (totalLength < headerLength) {
      if (anomalies != null) {
        IpHeaderProblem.TOTAL_LENGTH_INVALID.report(
            anomalies, frame, "total_length=" + totalLength + " header_length=" + headerLength);
      }
      return false;
    }
    if (totalLength > len) {
      if (anomalies != null && !frame.truncated()) {
        IpHeaderProblem.LENGTH_EXCEEDS_CAPTURE.report(
            anomalies, frame, "version=4 claimed=" + totalLength + " captured=" + len);
      }
    } else {
      available = totalLength;
    }
    out.dscp = (b[off + 1] & 0xff) >>> 2;
    out.id = u16(b, off + 4);
    int flagsOffset = u16(b, off + 6);
    out.moreFragments = (flagsOffset & 0x2000) != 0;
    out.fragmentOffset = (flagsOffset & 0x1fff) * 8;
    out.fragment = out.moreFragments || out.fragmentOffset != 0;
    out.ttl = b[off + 8] & 0xff;
    out.protocol = b[off + 9] & 0xff;
    System.arraycopy(b, off + 12, out.src, 0, 4);
    System.arraycopy(b, off + 16, out.dst, 0, 4);
    out.payloadOffset = off + headerLength;
    out.payloadLength = available - headerLength;
    return true;
  }

  static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }
}
