package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Decodes VXLAN headers (RFC 7348 §5). Stateless; never throws on bad input. */
public final class VxlanDecoder {
  /** The IANA port (RFC 7348 §5). */
  public static final int PORT = 4789;
  /** The port Linux used before IANA assigned one, still the kernel's default. */
  public static final int LINUX_PORT = 8472;

  private static final int HEADER = 8;

  private VxlanDecoder() {}

  /**
   * Returns where the inner Ethernet frame starts in {@code b}, or -1 (after reporting an
   * anomaly) when the header is short or its I flag is not set.
   */
  public static int decode(byte[] b, int off, int len, Frame frame, AnomalyLog anomalies) {
    // Flags (8: R R R R I R R R) | Reserved (24)
    // VXLAN Network Identifier (24) | Reserved (8)
    if (len < HEADER) {
      VxlanProblem.HEADER_TRUNCATED.report(anomalies, frame, "need=8 have=" + len);
      return -1;
    }
    if ((b[off] & 0x08) == 0) {
      VxlanProblem.VNI_FLAG_MISSING.report(anomalies, frame, "flags=" + (b[off] & 0xff));
      return -1;
    }
    return off + HEADER;
  }
}
