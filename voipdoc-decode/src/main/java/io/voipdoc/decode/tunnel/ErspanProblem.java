package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in ERSPAN headers; IDs are {@code erspan.<snake_case>}. */
public enum ErspanProblem {
  /** The packet ends inside the ERSPAN header or its platform subheader. */
  HEADER_TRUNCATED("erspan.header_truncated"),
  /** A version field that does not match the GRE protocol type, or a type III frame type other than Ethernet. */
  UNSUPPORTED_HEADER("erspan.unsupported_header");

  private final String id;

  ErspanProblem(String id) {
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
