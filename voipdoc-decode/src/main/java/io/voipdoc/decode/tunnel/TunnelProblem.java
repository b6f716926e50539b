package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Problems of tunnels as a whole rather than of one header; IDs are {@code tunnel.<snake_case>}. */
public enum TunnelProblem {
  /** Tunnels nested deeper than the decoder's limit; the innermost packet is not decoded. */
  DEPTH_EXCEEDED("tunnel.depth_exceeded");

  private final String id;

  TunnelProblem(String id) {
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
