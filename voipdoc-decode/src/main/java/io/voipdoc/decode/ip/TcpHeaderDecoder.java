package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/**
 * Decodes TCP headers (RFC 9293 §3.1), skipping options by the data offset. Stateless; never
 * throws on bad input. Stream reassembly is the job of {@code io.voipdoc.decode.tcp}.
 */
public final class TcpHeaderDecoder {
  private static final int MIN_HEADER = 20;

  private TcpHeaderDecoder() {}

  /**
   * Decodes the TCP header at {@code off}, where {@code len} bytes of IP payload are present;
   * returns false (after reporting an anomaly) when there is no usable header.
   */
  public static boolean decode(
      byte[] b, int off, int len, TransportHeader out, Frame frame, AnomalyLog anomalies) {
    // Source Port (16) | Destination Port (16)
    // Sequence Number (32)
    // Acknowledgment Number (32)
    // Data Offset (4) | Reserved (4) | CWR ECE URG ACK PSH RST SYN FIN | Window (16)
    // Checksum (16) | Urgent Pointer (16)
    // Options (Data Offset * 4 - 20)
    if (len < MIN_HEADER) {
      TcpHeaderProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=20 have=" + len);
      return false;
    }
    int headerLength = ((b[off + 12] & 0xff) >>> 4) * 4;
    if (headerLength < MIN_HEADER) {
      TcpHeaderProblem.DATA_OFFSET_INVALID.report(
          anomalies, frame, "data_offset=" + headerLength / 4);
      return false;
    }
    if (headerLength > len) {
      TcpHeaderProblem.HEADER_TRUNCATED.report(
          anomalies, frame, "need=" + headerLength + " have=" + len);
      return false;
    }
    out.srcPort = Ipv4Decoder.u16(b, off);
    out.dstPort = Ipv4Decoder.u16(b, off + 2);
    out.seq = u32(b, off + 4);
    out.ack = u32(b, off + 8);
    out.flags = b[off + 13] & 0xff;
    out.payloadOffset = off + headerLength;
    out.payloadLength = len - headerLength;
    return true;
  }

  static long u32(byte[] b, int i) {
    return ((long) Ipv4Decoder.u16(b, i) << 16) | Ipv4Decoder.u16(b, i + 2);
  }
}
