package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in UDP headers; IDs are {@code udp.<snake_case>}. */
public enum UdpProblem {
  /** Fewer than 8 bytes for the UDP header. */
  HEADER_TRUNCATED("udp.header_truncated"),
  /** A UDP length below 8, the header's own size. */
  LENGTH_INVALID("udp.length_invalid"),
  /**
   * A UDP length beyond the IP payload although the frame was not cut by snaplen; the IP
   * payload bounds the datagram.
   */
  LENGTH_EXCEEDS_IP("udp.length_exceeds_ip");

  private final String id;

  UdpProblem(String id) {
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
