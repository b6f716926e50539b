package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/**
 * Decodes ERSPAN headers (Cisco's Encapsulated Remote SPAN, draft-foschiano-erspan-03 §4) and
 * finds the mirrored Ethernet frame. Stateless; never throws on bad input.
 *
 * <p>The type follows from the GRE header: protocol 0x88BE without a sequence number is type I
 * (no ERSPAN header at all), 0x88BE with one is type II, 0x22EB is type III.
 */
public final class ErspanDecoder {
  private static final int TYPE_II_HEADER = 8;
  private static final int TYPE_III_HEADER = 12;
  private static final int PLATFORM_SUBHEADER = 8;

  private ErspanDecoder() {}

  /**
   * Returns where the mirrored Ethernet frame starts in {@code b}, or -1 (after reporting an
   * anomaly) when the header is damaged or describes something other than Ethernet.
   *
   * @param gre the GRE header that carried this payload
   */
  public static int decode(
      GreHeader gre, byte[] b, int off, int len, Frame frame, AnomalyLog anomalies) {
    if (gre.protocol == GreDecoder.ERSPAN_I_II && !gre.hasSequence) {
      return off;
    }
    boolean typeIii = gre.protocol == GreDecoder.ERSPAN_III;
    int size = typeIii ? TYPE_III_HEADER : TYPE_II_HEADER;
    if (len < size) {
      ErspanProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=" + size + " have=" + len);
      return -1;
    }
    // Type II (§4.2):  Ver (4) = 1 | VLAN (12) | COS (3) | En (2) | T (1) | Session ID (10)
    //                  Reserved (12) | Index (20)
    // Type III (§4.3): Ver (4) = 2 | VLAN (12) | COS (3) | BSO (2) | T (1) | Session ID (10)
    //                  Timestamp (32)
    //                  SGT (16) | P (1) | FT (5) | Hw ID (6) | D (1) | Gra (2) | O (1)
    //                  [platform specific subheader (64)] if O
    int version = (b[off] & 0xff) >>> 4;
    int expected = typeIii ? 2 : 1;
    if (version != expected) {
      ErspanProblem.UNSUPPORTED_HEADER.report(
          anomalies, frame, "version=" + version + " expected=" + expected);
      return -1;
    }
    if (!typeIii) {
      return off + size;
    }
    int word = GreDecoder.u16(b, off + 10);
    int frameType = (word >>> 10) & 0x1f;
    if (frameType != 0) {
      ErspanProblem.UNSUPPORTED_HEADER.report(anomalies, frame, "frame_type=" + frameType);
      return -1;
    }
    if ((word & 1) != 0) {
      size += PLATFORM_SUBHEADER;
      if (len < size) {
        ErspanProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=" + size + " have=" + len);
        return -1;
      }
    }
    return off + size;
  }
}
