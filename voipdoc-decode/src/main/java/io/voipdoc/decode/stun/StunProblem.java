package io.voipdoc.decode.stun;

/**
 * Damage found in a STUN message or ChannelData frame. The {@link #id()} is stable and is what
 * reports and anomaly logs key on.
 */
public enum StunProblem {
  /** The message length field exceeds the bytes present (cut by snaplen or corrupt). */
  LENGTH_EXCEEDS_DATAGRAM,
  /** The message length is not a multiple of 4: an attribute was left unpadded (RFC 8489 §5). */
  LENGTH_NOT_PADDED,
  /** Bytes follow the message inside the datagram (RFC 8489 §6.3 allows exactly one message). */
  TRAILING_BYTES,
  /** An attribute's declared length runs past the end of the message. */
  ATTRIBUTE_OVERRUN,
  /** More attributes than {@link StunConfig#maxAttributes()}; the rest were not indexed. */
  TOO_MANY_ATTRIBUTES,
  /** A known attribute has a value length its grammar does not allow (e.g. a 5-byte PRIORITY). */
  ATTRIBUTE_BAD_LENGTH,
  /** An address attribute names a family other than 0x01 (IPv4) or 0x02 (IPv6). */
  ADDRESS_FAMILY_UNKNOWN,
  /** FINGERPRINT does not match the CRC-32 of the message (RFC 8489 §14.7). */
  FINGERPRINT_MISMATCH,
  /** An attribute other than FINGERPRINT follows FINGERPRINT (RFC 8489 §14.7). */
  ATTRIBUTE_AFTER_FINGERPRINT,
  /** A ChannelData length runs past the end of the datagram (RFC 8656 §12.4). */
  CHANNEL_DATA_TRUNCATED;

  private final String id = "stun." + name().toLowerCase(java.util.Locale.ROOT);

  /** The stable identifier, {@code stun.<snake_case>}. */
  public String id() {
    return id;
  }
}
