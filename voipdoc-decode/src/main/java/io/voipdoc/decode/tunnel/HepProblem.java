package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/** Damage found in HEP messages; IDs are {@code hep.<snake_case>}. */
public enum HepProblem {
  /** The datagram or stream ends inside the HEP header. */
  HEADER_TRUNCATED("hep.header_truncated"),
  /** The HEP3 total length is below 6 or beyond the bytes present (and not cut by snaplen). */
  LENGTH_INVALID("hep.length_invalid"),
  /** A HEP3 chunk whose length is below 6, runs past the message, or does not fit its type. */
  CHUNK_LENGTH_INVALID("hep.chunk_length_invalid"),
  /** A HEP3 message lacks a chunk needed to rebuild the packet (family, addresses, ports, payload). */
  CHUNK_MISSING("hep.chunk_missing"),
  /** A HEP address family other than AF_INET (2) and AF_INET6 (10). */
  FAMILY_UNKNOWN("hep.family_unknown"),
  /** A HEP3 message whose payload is compressed (chunk 16), which is not decoded. */
  COMPRESSED_PAYLOAD("hep.compressed_payload"),
  /**
   * Bytes of a HEP-over-TCP stream that do not start a HEP3 message (after a gap, or junk);
   * they are skipped up to the next "HEP3".
   */
  STREAM_BYTES_SKIPPED("hep.stream_bytes_skipped"),
  /** More HEP-over-TCP streams at once than the decoder frames; later ones are not framed. */
  STREAM_LIMIT_REACHED("hep.stream_limit_reached");

  private final String id;

  HepProblem(String id) {
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
