package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in IPv4 and IPv6 headers; IDs are {@code ip.<snake_case>}. */
public enum IpHeaderProblem {
  /** The packet ends inside the fixed IP header or inside the options IHL announces. */
  HEADER_TRUNCATED("ip.header_truncated"),
  /** The version nibble disagrees with the link layer (EtherType 0x0800 but version 6, ...). */
  VERSION_MISMATCH("ip.version_mismatch"),
  /** IPv4 IHL below 5 (20 bytes). */
  HEADER_LENGTH_INVALID("ip.header_length_invalid"),
  /** IPv4 total length smaller than the header. */
  TOTAL_LENGTH_INVALID("ip.total_length_invalid"),
  /**
   * The header claims more bytes than were captured although the frame was not cut by snaplen;
   * the captured bytes are used.
   */
  LENGTH_EXCEEDS_CAPTURE("ip.length_exceeds_capture"),
  /** An IPv6 extension header runs past the packet. */
  EXTENSION_HEADER_TRUNCATED("ip.extension_header_truncated"),
  /** More IPv6 extension headers than {@link IpConfig#maxExtensionHeaders()}. */
  TOO_MANY_EXTENSION_HEADERS("ip.too_many_extension_headers");

  private final String id;

  IpHeaderProblem(String id) {
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
