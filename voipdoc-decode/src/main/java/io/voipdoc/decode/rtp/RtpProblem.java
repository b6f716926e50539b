package io.voipdoc.decode.rtp;

/** Damage found in an RTP packet or RTCP compound packet; {@link #id()} is stable. */
public enum RtpProblem {
  /** The CSRC list runs past the end of the packet. */
  CSRC_OVERRUN("rtp.csrc_overrun"),
  /** The header extension's declared length runs past the end of the packet. */
  EXTENSION_OVERRUN("rtp.extension_overrun"),
  /** An RFC 8285 extension element runs past the end of the extension block. */
  EXTENSION_ELEMENT_OVERRUN("rtp.extension_element_overrun"),
  /** More RFC 8285 elements than {@link RtpConfig#maxExtensionElements()}; the rest are skipped. */
  TOO_MANY_EXTENSION_ELEMENTS("rtp.too_many_extension_elements"),
  /** The padding count is 0 or larger than the payload (RFC 3550 §5.1). */
  PADDING_INVALID("rtp.padding_invalid"),
  /** An RTCP packet's length runs past the end of the datagram. */
  RTCP_LENGTH_OVERRUN("rtcp.length_overrun"),
  /**
   * Bytes after the last whole RTCP packet: typical of SRTCP, whose trailer (E flag, SRTCP index,
   * authentication tag; RFC 3711 §3.4) follows the compound.
   */
  RTCP_TRAILING_BYTES("rtcp.trailing_bytes"),
  /** A packet inside an RTCP compound does not have version 2. */
  RTCP_BAD_VERSION("rtcp.bad_version"),
  /** Report blocks, SDES chunks, BYE sources or an XR block run past their packet. */
  RTCP_BODY_OVERRUN("rtcp.body_overrun"),
  /** More packets in one compound than {@link RtpConfig#maxRtcpPackets()}; the rest are skipped. */
  RTCP_TOO_MANY_PACKETS("rtcp.too_many_packets");

  private final String id;

  RtpProblem(String id) {
    this.id = id;
  }

  /** The stable identifier, {@code rtp.<snake_case>} or {@code rtcp.<snake_case>}. */
  public String id() {
    return id;
  }
}
