package io.voipdoc.decode.stun;

import org.jspecify.annotations.Nullable;

/**
 * STUN attribute types that voipdoc reads, with their wire value and name in the IANA "STUN
 * Attributes" registry (RFC 8489 §18.3, RFC 8445 §16.1, RFC 5780 §9.1, RFC 8656 §18). Types below
 * 0x8000 are comprehension-required, the others comprehension-optional.
 */
public enum StunAttributeType {
  MAPPED_ADDRESS(0x0001, "MAPPED-ADDRESS"),
  CHANGE_REQUEST(0x0003, "CHANGE-REQUEST"),
  USERNAME(0x0006, "USERNAME"),
  MESSAGE_INTEGRITY(0x0008, "MESSAGE-INTEGRITY"),
  ERROR_CODE(0x0009, "ERROR-CODE"),
  UNKNOWN_ATTRIBUTES(0x000A, "UNKNOWN-ATTRIBUTES"),
  CHANNEL_NUMBER(0x000C, "CHANNEL-NUMBER"),
  LIFETIME(0x000D, "LIFETIME"),
  XOR_PEER_ADDRESS(0x0012, "XOR-PEER-ADDRESS"),
  DATA(0x0013, "DATA"),
  REALM(0x0014, "REALM"),
  NONCE(0x0015, "NONCE"),
  XOR_RELAYED_ADDRESS(0x0016, "XOR-RELAYED-ADDRESS"),
  REQUESTED_TRANSPORT(0x0019, "REQUESTED-TRANSPORT"),
  DONT_FRAGMENT(0x001A, "DONT-FRAGMENT"),
  MESSAGE_INTEGRITY_SHA256(0x001C, "MESSAGE-INTEGRITY-SHA256"),
  USERHASH(0x001E, "USERHASH"),
  XOR_MAPPED_ADDRESS(0x0020, "XOR-MAPPED-ADDRESS"),
  RESERVATION_TOKEN(0x0022, "RESERVATION-TOKEN"),
  PRIORITY(0x0024, "PRIORITY"),
  USE_CANDIDATE(0x0025, "USE-CANDIDATE"),
  PADDING(0x0026, "PADDING"),
  RESPONSE_PORT(0x0027, "RESPONSE-PORT"),
  SOFTWARE(0x8022, "SOFTWARE"),
  ALTERNATE_SERVER(0x8023, "ALTERNATE-SERVER"),
  FINGERPRINT(0x8028, "FINGERPRINT"),
  ICE_CONTROLLED(0x8029, "ICE-CONTROLLED"),
  ICE_CONTROLLING(0x802A, "ICE-CONTROLLING"),
  RESPONSE_ORIGIN(0x802B, "RESPONSE-ORIGIN"),
  OTHER_ADDRESS(0x802C, "OTHER-ADDRESS");

  private static final StunAttributeType[] VALUES = values();

  private final int value;
  private final String ianaName;

  StunAttributeType(int value, String ianaName) {
    this.value = value;
    this.ianaName = ianaName;
  }

  /** The 16-bit type on the wire. */
  public int value() {
    return value;
  }

  /** The name in the IANA registry. */
  public String ianaName() {
    return ianaName;
  }

  /** Whether an agent that does not understand this type must reject the message. */
  public boolean comprehensionRequired() {
    return value < 0x8000;
  }

  /** The type with this wire value, or null when voipdoc does not name it. */
  public static @Nullable StunAttributeType of(int value) {
    for (StunAttributeType t : VALUES) {
      if (t.value == value) {
        return t;
      }
    }
    return null;
  }
}
