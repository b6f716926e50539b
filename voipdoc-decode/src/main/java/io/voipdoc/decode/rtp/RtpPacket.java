package io.voipdoc.decode.rtp;

import org.jspecify.annotations.Nullable;

/**
 * One decoded RTP header: a mutable holder that {@link RtpDecoder#decode(byte[], int, int,
 * RtpPacket)} refills for every packet, so the media path allocates nothing. Offsets index the
 * buffer that was decoded; copy what you keep beyond the next decode.
 */
public final class RtpPacket {
  /** CC is a 4-bit field. */
  static final int MAX_CSRC = 15;

  int version;
  boolean padding;
  boolean extension;
  int csrcCount;
  boolean marker;
  int payloadType;
  int sequence;
  long timestamp;
  long ssrc;
  final long[] csrc = new long[MAX_CSRC];
  int extensionProfile = -1;
  int extensionOffset;
  int extensionLength;
  int elementCount;
  final int[] elementId;
  final int[] elementOffset;
  final int[] elementLength;
  int payloadOffset;
  int payloadLength;
  int paddingLength;
  @Nullable RtpProblem problem;

  /** A holder sized for the default limits. */
  public RtpPacket() {
    this(RtpConfig.DEFAULTS);
  }

  /** A holder sized for {@code config}'s extension element limit. */
  public RtpPacket(RtpConfig config) {
    elementId = new int[config.maxExtensionElements()];
    elementOffset = new int[config.maxExtensionElements()];
    elementLength = new int[config.maxExtensionElements()];
  }

  void clear() {
    extensionProfile = -1;
    extensionOffset = 0;
    extensionLength = 0;
    elementCount = 0;
    paddingLength = 0;
    problem = null;
  }

  public int version() {
    return version;
  }

  public boolean padding() {
    return padding;
  }

  public boolean extension() {
    return extension;
  }

  public boolean marker() {
    return marker;
  }

  /** Payload type, 0..127. */
  public int payloadType() {
    return payloadType;
  }

  /** Sequence number, 0..65535. */
  public int sequence() {
    return sequence;
  }

  /** RTP timestamp, unsigned 32 bits. */
  public long timestamp() {
    return timestamp;
  }

  /** Synchronisation source, unsigned 32 bits. */
  public long ssrc() {
    return ssrc;
  }

  /** Number of contributing sources present. */
  public int csrcCount() {
    return csrcCount;
  }

  /** Contributing source {@code i}, 0 &le; i &lt; {@link #csrcCount()}. */
  public long csrc(int i) {
    if (i < 0 || i >= csrcCount) {
      throw new IndexOutOfBoundsException(i);
    }
    return csrc[i];
  }

  /** The header extension's profile (0xBEDE one-byte, 0x100x two-byte form), or -1 if none. */
  public int extensionProfile() {
    return extensionProfile;
  }

  /** Offset of the header extension data (after profile and length) in the decoded buffer. */
  public int extensionOffset() {
    return extensionOffset;
  }

  /** Length in bytes of the header extension data. */
  public int extensionLength() {
    return extensionLength;
  }

  /** Number of RFC 8285 extension elements parsed. */
  public int extensionElementCount() {
    return elementCount;
  }

  /** The local ID (1..14 one-byte form, 1..255 two-byte form) of element {@code i}. */
  public int extensionElementId(int i) {
    checkElement(i);
    return elementId[i];
  }

  /** Offset of element {@code i}'s data in the decoded buffer. */
  public int extensionElementOffset(int i) {
    checkElement(i);
    return elementOffset[i];
  }

  /** Length of element {@code i}'s data. */
  public int extensionElementLength(int i) {
    checkElement(i);
    return elementLength[i];
  }

  private void checkElement(int i) {
    if (i < 0 || i >= elementCount) {
      throw new IndexOutOfBoundsException(i);
    }
  }

  /** Offset of the payload in the decoded buffer. */
  public int payloadOffset() {
    return payloadOffset;
  }

  /** Payload length, padding excluded. */
  public int payloadLength() {
    return payloadLength;
  }

  /** Padding bytes at the end (including the count byte), 0 without padding. */
  public int paddingLength() {
    return paddingLength;
  }

  /** The problem found, or null for a clean packet. */
  public @Nullable RtpProblem problem() {
    return problem;
  }

  @Override
  public String toString() {
    return "RtpPacket[pt=" + payloadType + " seq=" + sequence + " ts=" + timestamp + " ssrc="
        + Long.toHexString(ssrc) + " payload=" + payloadLength
        + (problem == null ? "" : " " + problem.id()) + "]";
  }
}
