package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Decodes UDP headers (RFC 768). Stateless; never throws on bad input. */
public final class UdpDecoder {
  private static final int HEADER = 8;

  private UdpDecoder() {}

  /**
   * Decodes the UDP header at {@code off}, where {@code len} bytes of IP payload are present;
   * returns false (after reporting an anomaly) when there is no usable header. The payload is
   * bounded by the UDP length and by the bytes present.
   */
  public static boolean decode(
      byte[] b, int off, int len, TransportHeader out, Frame frame, AnomalyLog anomalies) {
    // Source Port (16) | Destination Port (16) | Length (16, header included) | Checksum (16)
    if (len < HEADER) {
      UdpProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=8 have=" + len);
      return false;
    }
    out.srcPort = Ipv4Decoder.u16(b, off);
    out.dstPort = Ipv4Decoder.u16(b, off + 2);
    out.seq = 0;
    out.ack = 0;
    out.flags = 0;
    int length = Ipv4Decoder.u16(b, off + 4);
    if (length == 0) {
      // RFC 2675 §4: a UDP length of 0 means "as long as the IP payload" (jumbograms); seen
      // also in reassembled datagrams just under 64 KiB
      length = len;
    }
    if (length < HEADER) {
      UdpProblem.LENGTH_INVALID.report(anomalies, frame, "length=" + length);
      return false;
    }
    if (length > len) {
      if (!frame.truncated()) {
        UdpProblem.LENGTH_EXCEEDS_IP.report(
            anomalies, frame, "length=" + length + " ip_payload=" + len);
      }
      length = len;
    }
    out.payloadOffset = off + HEADER;
    out.payloadLength = length - HEADER;
    return true;
  }
}
