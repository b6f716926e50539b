package io.voipdoc.decode.stun;

/** The class of a STUN message: the C1 and C0 bits of the message type (RFC 8489 §5). */
public enum StunClass {
  REQUEST,
  INDICATION,
  SUCCESS_RESPONSE,
  ERROR_RESPONSE;

  private static final StunClass[] BY_BITS = values();

  /** The class encoded in a 14-bit message type (bits C1 at 0x0100 and C0 at 0x0010). */
  static StunClass ofMessageType(int type) {
    return BY_BITS[((type >> 7) & 0x2) | ((type >> 4) & 0x1)];
  }
}
