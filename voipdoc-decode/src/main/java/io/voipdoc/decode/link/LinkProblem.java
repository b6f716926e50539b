package io.voipdoc.decode.link;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in link-layer headers; IDs are {@code link.<snake_case>}. */
public enum LinkProblem {
  /** The frame ends inside a link-layer header (Ethernet, tag, SLL, PPPoE, MPLS, NFLOG). */
  HEADER_TRUNCATED("link.header_truncated"),
  /** More VLAN tags and MPLS labels than {@link LinkConfig#maxTags()}. */
  TOO_MANY_TAGS("link.too_many_tags"),
  /** A link type voipdoc does not decode; reported once per type and decoder. */
  UNSUPPORTED_TYPE("link.unsupported_type"),
  /** An NFLOG TLV whose length is below 4 or runs past the frame. */
  NFLOG_TLV_LENGTH_INVALID("link.nflog_tlv_length_invalid"),
  /** An NFLOG frame without a payload TLV (type 9). */
  NFLOG_NO_PAYLOAD("link.nflog_no_payload"),
  /** A PPPoE session header whose length field exceeds the captured frame. */
  PPPOE_LENGTH_INVALID("link.pppoe_length_invalid"),
  /** A raw-IP or loopback frame whose version nibble or address family is neither IPv4 nor IPv6. */
  NOT_IP("link.not_ip");

  private final String id;

  LinkProblem(String id) {
    this.id = id;
  }

  /** The stable anomaly ID. */
  public String id() {
    return id;
  }

  /**
   * Records one occurrence for {@code frame}; {@code detail} holds raw facts such as {@code
   * at=14 need=4 have=2}.
   */
  public void report(AnomalyLog anomalies, Frame frame, String detail) {
    anomalies.report(id, frame.input, frame.number, frame.fileOffset, detail);
  }
}
