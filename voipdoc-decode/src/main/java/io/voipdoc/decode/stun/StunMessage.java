package io.voipdoc.decode.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * One decoded STUN message. Holds its own copy of the message bytes, the attributes in wire order,
 * and the problems found; typed accessors read attribute values on demand and return null (or an
 * empty optional) when the attribute is absent or its value is malformed. Immutable.
 */
public final class StunMessage {
  /** XOR'ed into the CRC-32 for FINGERPRINT: the ASCII bytes "STUN" (RFC 8489 §14.7). */
  private static final long FINGERPRINT_XOR = 0x5354554EL;

  private final byte[] bytes;
  private final int messageType;
  private final int declaredLength;
  private final boolean classic;
  private final List<StunAttribute> attributes;
  private final Set<StunProblem> problems;
  private final StunCheck fingerprintCheck;

  StunMessage(
      byte[] bytes,
      int messageType,
      int declaredLength,
      boolean classic,
      List<StunAttribute> attributes,
      EnumSet<StunProblem> problems) {
    this.bytes = bytes;
    this.messageType = messageType;
    this.declaredLength = declaredLength;
    this.classic = classic;
    this.attributes = attributes;
    this.fingerprintCheck = checkFingerprint();
    if (fingerprintCheck == StunCheck.INVALID) {
      problems.add(StunProblem.FINGERPRINT_MISMATCH);
    }
    this.problems = Set.copyOf(problems);
  }

  /** The 14-bit message type (class and method bits interleaved). */
  public int messageType() {
    return messageType;
  }

  /** The class: request, indication, success or error response. */
  public StunClass stunClass() {
    return StunClass.ofMessageType(messageType);
  }

  /** The 12-bit method number. */
  public int methodValue() {
    return StunMethod.ofMessageType(messageType);
  }

  /** The method, or null when voipdoc does not name it. */
  public @Nullable StunMethod method() {
    return StunMethod.of(methodValue());
  }

  /** The Message Length field: bytes after the 20-byte header, as declared. */
  public int declaredLength() {
    return declaredLength;
  }

  /** Whether this is the RFC 3489 form: no magic cookie, a 128-bit transaction ID. */
  public boolean classic() {
    return classic;
  }

  /** The transaction ID: 12 bytes, or 16 for the classic form (a copy). */
  public byte[] transactionId() {
    return classic ? Arrays.copyOfRange(bytes, 4, 20) : Arrays.copyOfRange(bytes, 8, 20);
  }

  /** The transaction ID as lower-case hex, for use as a map key. */
  public String transactionIdHex() {
    return HexFormat.of().formatHex(bytes, classic ? 4 : 8, 20);
  }

  /** The message as decoded (header plus the attribute bytes present); a copy. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Attributes in wire order, including unknown types. */
  public List<StunAttribute> attributes() {
    return attributes;
  }

  /** Problems found while decoding; empty for a clean message. */
  public Set<StunProblem> problems() {
    return problems;
  }

  /** The first attribute of this type, or null. */
  public @Nullable StunAttribute attribute(StunAttributeType type) {
    for (StunAttribute a : attributes) {
      if (a.type() == type.value()) {
        return a;
      }
    }
    return null;
  }

  /** The value bytes of an attribute of this message (a copy). */
  public byte[] value(StunAttribute attribute) {
    return Arrays.copyOfRange(
        bytes, attribute.valueOffset(), attribute.valueOffset() + attribute.length());
  }

  // ---- addresses (RFC 8489 §14.1, §14.2; RFC 8656 §14.3, §14.5; RFC 5780 §7) ----

  public @Nullable InetSocketAddress mappedAddress() {
    return address(StunAttributeType.MAPPED_ADDRESS, false);
  }

  public @Nullable InetSocketAddress xorMappedAddress() {
    return address(StunAttributeType.XOR_MAPPED_ADDRESS, true);
  }

  public @Nullable InetSocketAddress xorPeerAddress() {
    return address(StunAttributeType.XOR_PEER_ADDRESS, true);
  }

  public @Nullable InetSocketAddress xorRelayedAddress() {
    return address(StunAttributeType.XOR_RELAYED_ADDRESS, true);
  }

  public @Nullable InetSocketAddress alternateServer() {
    return address(StunAttributeType.ALTERNATE_SERVER, false);
  }

  public @Nullable InetSocketAddress responseOrigin() {
    return address(StunAttributeType.RESPONSE_ORIGIN, false);
  }

  public @Nullable InetSocketAddress otherAddress() {
    return address(StunAttributeType.OTHER_ADDRESS, false);
  }

  private @Nullable InetSocketAddress address(StunAttributeType type, boolean xor) {
    StunAttribute a = attribute(type);
    if (a == null || (xor && classic)) {
      return null;
    }
    /*
     * |0 0 0 0 0 0 0 0|    Family     |         (X-)Port              |
     * |                 (X-)Address (32 bits or 128 bits)             |
     * X-Port is Port XOR the cookie's top 16 bits; X-Address is the address XOR cookie||txid.
     */
    int v = a.valueOffset();
    if (a.length() < 4) {
      return null;
    }
    int family = bytes[v + 1] & 0xFF;
    int addressLength = family == 1 ? 4 : family == 2 ? 16 : -1;
    if (a.length() != 4 + addressLength) {
      return null;
    }
    int port = StunDecoder.u16(bytes, v + 2);
    byte[] address = Arrays.copyOfRange(bytes, v + 4, v + 4 + addressLength);
    if (xor) {
      port ^= StunDecoder.MAGIC_COOKIE >>> 16;
      for (int i = 0; i < addressLength; i++) {
        // bytes 4..19 of the header are the cookie followed by the transaction ID
        address[i] ^= bytes[4 + i];
      }
    }
    try {
      return new InetSocketAddress(InetAddress.getByAddress(address), port);
    } catch (UnknownHostException e) {
      // only thrown for lengths other than 4 and 16, excluded above
      throw new IllegalStateException(e);
    }
  }

  // ---- strings and opaque values ----

  public @Nullable String username() {
    return string(StunAttributeType.USERNAME);
  }

  public @Nullable String realm() {
    return string(StunAttributeType.REALM);
  }

  public @Nullable String nonce() {
    return string(StunAttributeType.NONCE);
  }

  public @Nullable String software() {
    return string(StunAttributeType.SOFTWARE);
  }

  private @Nullable String string(StunAttributeType type) {
    StunAttribute a = attribute(type);
    return a == null
        ? null
        : new String(bytes, a.valueOffset(), a.length(), StandardCharsets.UTF_8);
  }

  public byte @Nullable [] userhash() {
    return opaque(StunAttributeType.USERHASH, 32, 32);
  }

  public byte @Nullable [] messageIntegrity() {
    return opaque(StunAttributeType.MESSAGE_INTEGRITY, 20, 20);
  }

  public byte @Nullable [] messageIntegritySha256() {
    return opaque(StunAttributeType.MESSAGE_INTEGRITY_SHA256, 16, 32);
  }

  public byte @Nullable [] reservationToken() {
    return opaque(StunAttributeType.RESERVATION_TOKEN, 8, 8);
  }

  /** The DATA attribute: the application payload of a TURN Send or Data indication. */
  public byte @Nullable [] data() {
    return opaque(StunAttributeType.DATA, 0, 0xFFFF);
  }

  private byte @Nullable [] opaque(StunAttributeType type, int min, int max) {
    StunAttribute a = attribute(type);
    return a == null || a.length() < min || a.length() > max ? null : value(a);
  }

  // ---- numbers and flags ----

  /** ICE candidate priority (RFC 8445 §16.1). */
  public OptionalLong priority() {
    return unsigned32(StunAttributeType.PRIORITY);
  }

  /** The tie-breaker of ICE-CONTROLLED (RFC 8445 §16.1). */
  public OptionalLong iceControlled() {
    return unsigned64(StunAttributeType.ICE_CONTROLLED);
  }

  /** The tie-breaker of ICE-CONTROLLING (RFC 8445 §16.1). */
  public OptionalLong iceControlling() {
    return unsigned64(StunAttributeType.ICE_CONTROLLING);
  }

  public boolean useCandidate() {
    return attribute(StunAttributeType.USE_CANDIDATE) != null;
  }

  public boolean dontFragment() {
    return attribute(StunAttributeType.DONT_FRAGMENT) != null;
  }

  /** The FINGERPRINT value as sent. */
  public OptionalLong fingerprint() {
    return unsigned32(StunAttributeType.FINGERPRINT);
  }

  /** CHANGE-REQUEST flags (RFC 5780 §7.2): 0x4 change IP, 0x2 change port. */
  public OptionalInt changeRequest() {
    OptionalLong v = unsigned32(StunAttributeType.CHANGE_REQUEST);
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  /** RESPONSE-PORT (RFC 5780 §7.5): a 16-bit port followed by 16 bits of padding. */
  public OptionalInt responsePort() {
    return high16(StunAttributeType.RESPONSE_PORT);
  }

  /** CHANNEL-NUMBER (RFC 8656 §14.1): a 16-bit channel followed by RFFU bits. */
  public OptionalInt channelNumber() {
    return high16(StunAttributeType.CHANNEL_NUMBER);
  }

  /** LIFETIME in seconds (RFC 8656 §14.2). */
  public OptionalLong lifetime() {
    return unsigned32(StunAttributeType.LIFETIME);
  }

  /** REQUESTED-TRANSPORT (RFC 8656 §14.7): the IP protocol number, 17 for UDP. */
  public OptionalInt requestedTransport() {
    StunAttribute a = attribute(StunAttributeType.REQUESTED_TRANSPORT);
    return a == null || a.length() != 4
        ? OptionalInt.empty()
        : OptionalInt.of(bytes[a.valueOffset()] & 0xFF);
  }

  /** The length of the PADDING attribute (RFC 5780 §7.6). */
  public OptionalInt paddingLength() {
    StunAttribute a = attribute(StunAttributeType.PADDING);
    return a == null ? OptionalInt.empty() : OptionalInt.of(a.length());
  }

  /**
   * ERROR-CODE (RFC 8489 §14.8).
   *
   * <pre>
   * |           Reserved, should be 0         |Class|     Number    |
   * |      Reason Phrase (variable)                                ..
   * </pre>
   */
  public @Nullable StunErrorCode errorCode() {
    StunAttribute a = attribute(StunAttributeType.ERROR_CODE);
    if (a == null || a.length() < 4) {
      return null;
    }
    int v = a.valueOffset();
    int code = (bytes[v + 2] & 0x07) * 100 + (bytes[v + 3] & 0xFF);
    return new StunErrorCode(
        code, new String(bytes, v + 4, a.length() - 4, StandardCharsets.UTF_8));
  }

  /** UNKNOWN-ATTRIBUTES (RFC 8489 §14.9): the 16-bit types the responder did not understand. */
  public int @Nullable [] unknownAttributes() {
    StunAttribute a = attribute(StunAttributeType.UNKNOWN_ATTRIBUTES);
    if (a == null) {
      return null;
    }
    int[] types = new int[a.length() / 2];
    for (int i = 0; i < types.length; i++) {
      types[i] = StunDecoder.u16(bytes, a.valueOffset() + 2 * i);
    }
    return types;
  }

  private OptionalLong unsigned32(StunAttributeType type) {
    StunAttribute a = attribute(type);
    return a == null || a.length() != 4
        ? OptionalLong.empty()
        : OptionalLong.of(StunDecoder.u32(bytes, a.valueOffset()) & 0xFFFFFFFFL);
  }

  private OptionalLong unsigned64(StunAttributeType type) {
    StunAttribute a = attribute(type);
    if (a == null || a.length() != 8) {
      return OptionalLong.empty();
    }
    long hi = StunDecoder.u32(bytes, a.valueOffset()) & 0xFFFFFFFFL;
    long lo = StunDecoder.u32(bytes, a.valueOffset() + 4) & 0xFFFFFFFFL;
    return OptionalLong.of(hi << 32 | lo);
  }

  private OptionalInt high16(StunAttributeType type) {
    StunAttribute a = attribute(type);
    return a == null || a.length() != 4
        ? OptionalInt.empty()
        : OptionalInt.of(StunDecoder.u16(bytes, a.valueOffset()));
  }

  // ---- checks ----

  /** The outcome of the FINGERPRINT check done while decoding. */
  public StunCheck fingerprintCheck() {
    return fingerprintCheck;
  }

  private StunCheck checkFingerprint() {
    StunAttribute a = attribute(StunAttributeType.FINGERPRINT);
    if (a == null || a.length() != 4) {
      return StunCheck.ABSENT;
    }
    // CRC-32 of the message up to the attribute, with Length counting through FINGERPRINT.
    int attributeStart = a.valueOffset() - 4;
    CRC32 crc = new CRC32();
    crc.update(header(attributeStart + 8));
    crc.update(bytes, StunDecoder.HEADER_LENGTH, attributeStart - StunDecoder.HEADER_LENGTH);
    long expected = crc.getValue() ^ FINGERPRINT_XOR;
    long actual = StunDecoder.u32(bytes, a.valueOffset()) & 0xFFFFFFFFL;
    return expected == actual ? StunCheck.VALID : StunCheck.INVALID;
  }

  /**
   * Checks MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 §14.5) and MESSAGE-INTEGRITY-SHA256 (HMAC-SHA256,
   * possibly truncated, §14.6) with {@code key} from {@link StunCredentials}. VALID only when every
   * integrity attribute present matches.
   */
  public StunCheck verifyIntegrity(byte[] key) {
    StunCheck sha1 = checkHmac(StunAttributeType.MESSAGE_INTEGRITY, "HmacSHA1", key);
    StunCheck sha256 = checkHmac(StunAttributeType.MESSAGE_INTEGRITY_SHA256, "HmacSHA256", key);
    if (sha1 == StunCheck.INVALID || sha256 == StunCheck.INVALID) {
      return StunCheck.INVALID;
    }
    return sha1 == StunCheck.VALID || sha256 == StunCheck.VALID ? StunCheck.VALID : StunCheck.ABSENT;
  }

  private StunCheck checkHmac(StunAttributeType type, String algorithm, byte[] key) {
    byte[] sent =
        type == StunAttributeType.MESSAGE_INTEGRITY ? messageIntegrity() : messageIntegritySha256();
    StunAttribute a = attribute(type);
    if (sent == null || a == null || key.length == 0) {
      return StunCheck.ABSENT;
    }
    // HMAC over the message up to the attribute, with Length counting through this attribute.
    int attributeStart = a.valueOffset() - 4;
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      mac.update(header(attributeStart + 4 + a.length()));
      mac.update(bytes, StunDecoder.HEADER_LENGTH, attributeStart - StunDecoder.HEADER_LENGTH);
      byte[] full = mac.doFinal();
      return MessageDigest.isEqual(Arrays.copyOf(full, sent.length), sent)
          ? StunCheck.VALID
          : StunCheck.INVALID;
    } catch (GeneralSecurityException e) {
      // HmacSHA1 and HmacSHA256 are required of every Java platform (Mac Javadoc)
      throw new IllegalStateException(e);
    }
  }

  /** The 20-byte header with Length replaced so that the message ends at {@code end}. */
  private byte[] header(int end) {
    byte[] h = Arrays.copyOf(bytes, StunDecoder.HEADER_LENGTH);
    int length = end - StunDecoder.HEADER_LENGTH;
    h[2] = (byte) (length >> 8);
    h[3] = (byte) length;
    return h;
  }

  @Override
  public String toString() {
    StunMethod m = method();
    return "StunMessage["
        + (m == null ? "method " + methodValue() : m.ianaName())
        + " "
        + stunClass()
        + " "
        + transactionIdHex()
        + (problems.isEmpty() ? "" : " " + problems)
        + "]";
  }
}
