package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in TCP headers; IDs are {@code tcp.<snake_case>}. */
public enum TcpHeaderProblem {
  /** The segment ends inside the fixed header or inside the options the data offset announces. */
  HEADER_TRUNCATED("tcp.header_truncated"),
  /** A data offset below 5 (20 bytes). */
  DATA_OFFSET_INVALID("tcp.data_offset_invalid");

  private final String id;

  TcpHeaderProblem(String id) {
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
