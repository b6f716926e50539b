package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in GRE headers; IDs are {@code gre.<snake_case>}. */
public enum GreProblem {
  /** The packet ends inside the GRE header or its optional fields. */
  HEADER_TRUNCATED("gre.header_truncated"),
  /** A GRE version other than 0 (RFC 2784) and 1 (RFC 2637), or source routing (RFC 1701). */
  UNSUPPORTED_HEADER("gre.unsupported_header");

  private final String id;

  GreProblem(String id) {
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
