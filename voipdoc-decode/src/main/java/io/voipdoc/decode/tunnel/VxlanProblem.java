package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in VXLAN headers; IDs are {@code vxlan.<snake_case>}. */
public enum VxlanProblem {
  /** Fewer than 8 bytes for the VXLAN header. */
  HEADER_TRUNCATED("vxlan.header_truncated"),
  /** The I flag (valid VNI) is not set, which RFC 7348 §5 requires. */
  VNI_FLAG_MISSING("vxlan.vni_flag_missing");

  private final String id;

  VxlanProblem(String id) {
    this.id = id;
  }

  /** The stable anomaly ID. */
  public String id() {
    return id;
  }

  /** Records one occurrence for {@code frame}; {@code detail} holds raw facts. */
  public void report(AnomalyLog anomalies, Frame frame, String detail) {
    anomalies.report(id, frame.input, frame.number, frame.fileOffset, detail);
  }
}
