package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/**
 * Decodes GRE headers (RFC 2784 §2.1, RFC 2890 §2, RFC 2637 §4.1). Stateless; never throws on bad
 * input. The checksum is not verified.
 */
public final class GreDecoder {
  /** GRE protocol type of transparent Ethernet bridging: the payload is an Ethernet frame. */
  public static final int TRANSPARENT_ETHERNET = 0x6558;
  /** GRE protocol type of ERSPAN types I and II. */
  public static final int ERSPAN_I_II = 0x88BE;
  /** GRE protocol type of ERSPAN type III. */
  public static final int ERSPAN_III = 0x22EB;

  private GreDecoder() {}

  /**
   * Decodes the GRE header at {@code off} into {@code out}; returns false (after reporting an
   * anomaly) when there is no usable header.
   */
  public static boolean decode(
      byte[] b, int off, int len, GreHeader out, Frame frame, AnomalyLog anomalies) {
    // C (1) | R (1) | K (1) | S (1) | s (1) | Recur (3) | A (1) | Flags (4) | Ver (3)
    // Protocol Type (16)
    // [Checksum (16) | Reserved1 (16)]          if C (or R, RFC 1701)
    // [Key (32)]                                if K (version 1: payload length (16) | call ID (16))
    // [Sequence Number (32)]                    if S
    // [Acknowledgment Number (32)]              if A (version 1 only)
    if (len < 4) {
      GreProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=4 have=" + len);
      return false;
    }
    int flags = u16(b, off);
    boolean checksum = (flags & 0x8000) != 0;
    boolean routing = (flags & 0x4000) != 0;
    out.hasKey = (flags & 0x2000) != 0;
    out.hasSequence = (flags & 0x1000) != 0;
    boolean acknowledgment = (flags & 0x0080) != 0;
    out.version = flags & 0x7;
    out.protocol = u16(b, off + 2);
    if (out.version > 1 || routing) {
      GreProblem.UNSUPPORTED_HEADER.report(
          anomalies, frame, "version=" + out.version + " routing=" + routing);
      return false;
    }
    int size = 4 + (checksum ? 4 : 0) + (out.hasKey ? 4 : 0) + (out.hasSequence ? 4 : 0)
        + (out.version == 1 && acknowledgment ? 4 : 0);
    if (len < size) {
      GreProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=" + size + " have=" + len);
      return false;
    }
    int pos = off + 4 + (checksum ? 4 : 0);
    out.key = 0;
    out.sequence = 0;
    if (out.hasKey) {
      out.key = u32(b, pos);
      pos += 4;
    }
    if (out.hasSequence) {
      out.sequence = u32(b, pos);
    }
    out.payloadOffset = off + size;
    out.payloadLength = len - size;
    return true;
  }

  static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  static long u32(byte[] b, int i) {
    return ((long) u16(b, i) << 16) | u16(b, i + 2);
  }
}
