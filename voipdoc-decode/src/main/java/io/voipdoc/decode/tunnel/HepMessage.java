package io.voipdoc.decode.tunnel;

/**
 * The packet a HEP message describes: a mutable holder that {@link HepDecoder} refills. The
 * payload stays in the decoded buffer; nothing is copied.
 */
public final class HepMessage {
  /** HEP version: 1, 2 or 3. */
  public int version;
  /** 4 or 16. */
  public int addressLength;
  public final byte[] src = new byte[16];
  public final byte[] dst = new byte[16];
  /** IP protocol of the captured packet (17 UDP, 6 TCP, 132 SCTP, ...). */
  public int protocol;
  public int srcPort;
  public int dstPort;
  /** Whether the message carries the capture time (versions 2 and 3). */
  public boolean hasTimestamp;
  public long timestampSeconds;
  public long timestampMicros;
  /** Capture agent ID, or -1 when absent. */
  public long captureId;
  /** HEP3 payload type (chunk 11: 1 SIP, 5 RTCP, 100 log, ...), or -1 when absent. */
  public int payloadType;
  /** Start and length of the captured payload in the decoded buffer. */
  public int payloadOffset;
  public int payloadLength;

  void reset(int v) {
    version = v;
    addressLength = 0;
    protocol = -1;
    srcPort = -1;
    dstPort = -1;
    hasTimestamp = false;
    timestampSeconds = 0;
    timestampMicros = 0;
    captureId = -1;
    payloadType = -1;
    payloadOffset = -1;
    payloadLength = 0;
  }
}
