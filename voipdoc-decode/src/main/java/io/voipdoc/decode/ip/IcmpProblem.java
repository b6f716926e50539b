package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in ICMP and ICMPv6 messages; IDs are {@code icmp.<snake_case>}. */
public enum IcmpProblem {
  /** Fewer than 8 bytes for the ICMP header. */
  HEADER_TRUNCATED("icmp.header_truncated"),
  /**
   * The quoted packet of an error message is too short for its own IP header (or for an
   * extension header it announces); what could be read is kept.
   */
  QUOTED_PACKET_TRUNCATED("icmp.quoted_packet_truncated");

  private final String id;

  IcmpProblem(String id) {
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
