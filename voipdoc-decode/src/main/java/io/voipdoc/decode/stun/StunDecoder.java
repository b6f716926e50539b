package io.voipdoc.decode.stun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recognises and decodes one STUN message from a datagram (RFC 8489 §5 and §14; RFC 3489 §11.1
 * for the classic form). Stateless and thread-safe; never throws on bad input.
 *
 * <p>Limits are those of the {@link StunConfig} given at construction.
 */
public final class StunDecoder {
  static final int HEADER_LENGTH = 20;
  static final int MAGIC_COOKIE = 0x2112A442;

  private final StunConfig config;

  public StunDecoder(StunConfig config) {
    this.config = config;
  }

  public StunDecoder() {
    this(StunConfig.DEFAULTS);
  }

  /**
   * Cheap heuristic for an unknown UDP flow: whether the datagram is exactly one STUN message.
   * Checks the RFC 7983 first-byte range 0..3, a length that is a multiple of 4 and fits, and the
   * magic cookie; without the cookie, only an RFC 3489 Binding or Shared Secret type whose length
   * fills the datagram exactly is accepted. Reads at most 20 bytes; never throws, never allocates.
   */
  public static boolean accepts(byte[] buf, int off, int len) {
    if (off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
      return false;
    }
    int type = u16(buf, off);
    int length = u16(buf, off + 2);
    if ((type & 0xC000) != 0 || (length & 3) != 0) {
      return false;
    }
    if (u32(buf, off + 4) == MAGIC_COOKIE) {
      return length <= len - HEADER_LENGTH;
    }
    return isClassicType(type) && length == len - HEADER_LENGTH;
  }

  /**
   * Decodes the STUN message at {@code buf[off..off+len)}, or returns null when these bytes are
   * not STUN (fewer than 20 bytes, top bits set, or neither the magic cookie nor an RFC 3489
   * message type; without the cookie the length must also be a multiple of 4). A message cut short
   * keeps what is present and carries {@link StunProblem#LENGTH_EXCEEDS_DATAGRAM}; a cookie message
   * whose length is not a multiple of 4 is decoded with {@link StunProblem#LENGTH_NOT_PADDED}.
   */
  public @Nullable StunMessage decode(byte[] buf, int off, int len) {
    if (off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
      return null;
    }
    /*
     *  0                   1                   2                   3
     *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |0 0|     STUN Message Type     |         Message Length        |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                         Magic Cookie                          |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                     Transaction ID (96 bits)                  |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   RFC 8489 §5
     */
    int type = u16(buf, off);
    int declared = u16(buf, off + 2);
    boolean classic = u32(buf, off + 4) != MAGIC_COOKIE;
    if ((type & 0xC000) != 0 || (classic && ((declared & 3) != 0 || !isClassicType(type)))) {
      return null;
    }
    EnumSet<StunProblem> problems = EnumSet.noneOf(StunProblem.class);
    if ((declared & 3) != 0) {
      // seen from a TURN client in arkime's stun.pcap: the last attribute (REALM) left unpadded
      problems.add(StunProblem.LENGTH_NOT_PADDED);
    }
    int body = declared;
    if (declared > len - HEADER_LENGTH) {
      problems.add(StunProblem.LENGTH_EXCEEDS_DATAGRAM);
      body = len - HEADER_LENGTH;
    } else if (declared < len - HEADER_LENGTH) {
      problems.add(StunProblem.TRAILING_BYTES);
    }
    byte[] bytes = Arrays.copyOfRange(buf, off, off + HEADER_LENGTH + body);
    List<StunAttribute> attributes = readAttributes(bytes, problems);
    return new StunMessage(bytes, type, declared, classic, attributes, problems);
  }

  private List<StunAttribute> readAttributes(byte[] m, EnumSet<StunProblem> problems) {
    List<StunAttribute> attributes = new ArrayList<>();
    int end = m.length;
    int pos = HEADER_LENGTH;
    boolean afterFingerprint = false;
    while (pos < end) {
      /*
       * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
       * |         Type                  |            Length             |
       * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
       * |                         Value (variable)                ....
       * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   RFC 8489 §14
       * Value is padded to a multiple of 4 bytes; Length excludes the padding.
       */
      if (end - pos < 4) {
        problems.add(StunProblem.ATTRIBUTE_OVERRUN);
        break;
      }
      int type = u16(m, pos);
      int length = u16(m, pos + 2);
      if (length > end - pos - 4) {
        problems.add(StunProblem.ATTRIBUTE_OVERRUN);
        break;
      }
      if (attributes.size() == config.maxAttributes()) {
        problems.add(StunProblem.TOO_MANY_ATTRIBUTES);
        break;
      }
      if (afterFingerprint) {
        problems.add(StunProblem.ATTRIBUTE_AFTER_FINGERPRINT);
      }
      afterFingerprint |= type == StunAttributeType.FINGERPRINT.value();
      checkValue(m, type, pos + 4, length, problems);
      attributes.add(new StunAttribute(type, pos + 4, length));
      pos += 4 + ((length + 3) & ~3);
    }
    return List.copyOf(attributes);
  }

  /** Records values whose length or address family their attribute's grammar does not allow. */
  private static void checkValue(
      byte[] m, int type, int valueOffset, int length, EnumSet<StunProblem> problems) {
    StunAttributeType known = StunAttributeType.of(type);
    if (known == null) {
      return;
    }
    boolean lengthOk =
        switch (known) {
          case MAPPED_ADDRESS, XOR_MAPPED_ADDRESS, XOR_PEER_ADDRESS, XOR_RELAYED_ADDRESS,
              ALTERNATE_SERVER, RESPONSE_ORIGIN, OTHER_ADDRESS -> {
            if (length == 8 || length == 20) {
              int family = m[valueOffset + 1] & 0xFF;
              if (family != 1 && family != 2) {
                problems.add(StunProblem.ADDRESS_FAMILY_UNKNOWN);
              }
              yield (family == 1) == (length == 8);
            }
            yield false;
          }
          case MESSAGE_INTEGRITY -> length == 20;
          case MESSAGE_INTEGRITY_SHA256 -> length >= 16 && length <= 32 && (length & 3) == 0;
          case USERHASH -> length == 32;
          case FINGERPRINT, PRIORITY, CHANGE_REQUEST, RESPONSE_PORT, CHANNEL_NUMBER, LIFETIME,
              REQUESTED_TRANSPORT -> length == 4;
          case ICE_CONTROLLED, ICE_CONTROLLING, RESERVATION_TOKEN -> length == 8;
          case USE_CANDIDATE, DONT_FRAGMENT -> length == 0;
          case ERROR_CODE -> length >= 4;
          case UNKNOWN_ATTRIBUTES -> (length & 1) == 0;
          case USERNAME, REALM, NONCE, SOFTWARE, DATA, PADDING -> true;
        };
    if (!lengthOk) {
      problems.add(StunProblem.ATTRIBUTE_BAD_LENGTH);
    }
  }

  /** RFC 3489 §11.1 message types: Binding and Shared Secret request, response, error response. */
  private static boolean isClassicType(int type) {
    return type == 0x0001
        || type == 0x0101
        || type == 0x0111
        || type == 0x0002
        || type == 0x0102
        || type == 0x0112;
  }

  static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  static int u32(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }
}
