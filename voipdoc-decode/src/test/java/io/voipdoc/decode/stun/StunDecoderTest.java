package io.voipdoc.decode.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StunDecoderTest {
  /** RFC 5769 §2: short-term password of vectors 2.1 to 2.3. */
  private static final String PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";

  /** RFC 5769 §2.4: the user name U+30DE U+30C8 U+30EA U+30C3 U+30AF U+30B9, already SASLprep'ed. */
  private static final String LONG_TERM_USER = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";

  private static final String[] VECTORS = {
    "rfc5769-2.1-request.bin",
    "rfc5769-2.2-ipv4-response.bin",
    "rfc5769-2.3-ipv6-response.bin",
    "rfc5769-2.4-request-long-term-credentials.bin",
    "pion-ex1_chrome.stun"
  };

  private final StunDecoder decoder = new StunDecoder();

  static byte[] vector(String name) throws IOException {
    Path dir = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus", "vectors");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present: " + dir);
    return Files.readAllBytes(dir.resolve(name));
  }

  private StunMessage decode(byte[] b) {
    StunMessage m = decoder.decode(b, 0, b.length);
    assertNotNull(m);
    return m;
  }

  @Test
  void rfc5769SampleRequest() throws IOException {
    byte[] b = vector("rfc5769-2.1-request.bin");
    assertTrue(StunDecoder.accepts(b, 0, b.length));
    StunMessage m = decode(b);
    assertEquals(StunClass.REQUEST, m.stunClass());
    assertEquals(StunMethod.BINDING, m.method());
    assertFalse(m.classic());
    assertEquals("b7e7a701bc34d686fa87dfae", m.transactionIdHex());
    assertEquals("STUN test client", m.software());
    assertEquals(0x6e0001ffL, m.priority().getAsLong());
    assertEquals(0x932ff9b151263b36L, m.iceControlled().getAsLong());
    assertEquals("evtj:h6vY", m.username());
    assertEquals(6, m.attributes().size());
    assertEquals(0xe57a3bcfL, m.fingerprint().getAsLong());
    assertEquals(StunCheck.VALID, m.fingerprintCheck());
    assertEquals(StunCheck.VALID, m.verifyIntegrity(StunCredentials.shortTermKey(PASSWORD)));
    assertEquals(StunCheck.INVALID, m.verifyIntegrity(StunCredentials.shortTermKey("wrong")));
    assertTrue(m.problems().isEmpty());
  }

  @Test
  void rfc5769SampleIpv4Response() throws IOException {
    StunMessage m = decode(vector("rfc5769-2.2-ipv4-response.bin"));
    assertEquals(StunClass.SUCCESS_RESPONSE, m.stunClass());
    assertEquals(StunMethod.BINDING, m.method());
    assertEquals("test vector", m.software());
    assertEquals(
        new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853), m.xorMappedAddress());
    assertEquals(StunCheck.VALID, m.fingerprintCheck());
    assertEquals(StunCheck.VALID, m.verifyIntegrity(StunCredentials.shortTermKey(PASSWORD)));
    assertEquals(StunCheck.INVALID, m.verifyIntegrity(StunCredentials.shortTermKey(PASSWORD + "x")));
    assertTrue(m.problems().isEmpty());
  }

  @Test
  void rfc5769SampleIpv6Response() throws IOException {
    StunMessage m = decode(vector("rfc5769-2.3-ipv6-response.bin"));
    assertEquals(StunClass.SUCCESS_RESPONSE, m.stunClass());
    assertEquals(
        new InetSocketAddress(
            InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
        m.xorMappedAddress());
    assertEquals(StunCheck.VALID, m.fingerprintCheck());
    assertEquals(StunCheck.VALID, m.verifyIntegrity(StunCredentials.shortTermKey(PASSWORD)));
    assertTrue(m.problems().isEmpty());
  }

  @Test
  void rfc5769SampleRequestWithLongTermCredentials() throws IOException {
    StunMessage m = decode(vector("rfc5769-2.4-request-long-term-credentials.bin"));
    assertEquals(StunClass.REQUEST, m.stunClass());
    assertEquals("78ad3433c6ad72c029da412e", m.transactionIdHex());
    assertEquals(LONG_TERM_USER, m.username());
    assertEquals("f//499k954d6OL34oL9FSTvy64sA", m.nonce());
    assertEquals("example.org", m.realm());
    assertEquals(StunCheck.ABSENT, m.fingerprintCheck());
    byte[] key = StunCredentials.longTermKey(LONG_TERM_USER, "example.org", "TheMatrIX");
    assertEquals(StunCheck.VALID, m.verifyIntegrity(key));
    byte[] wrong = StunCredentials.longTermKey(LONG_TERM_USER, "example.org", "thematrix");
    assertEquals(StunCheck.INVALID, m.verifyIntegrity(wrong));
  }

  @Test
  void chromeBindingRequestWithUnknownAttribute() throws IOException {
    StunMessage m = decode(vector("pion-ex1_chrome.stun"));
    assertEquals(StunMethod.BINDING, m.method());
    assertEquals(StunClass.REQUEST, m.stunClass());
    assertEquals(1, m.attributes().size());
    StunAttribute origin = m.attributes().get(0);
    assertEquals(0x802f, origin.type());
    assertNull(origin.knownType());
    assertEquals("http://localhost:3000/", new String(m.value(origin), "UTF-8"));
    assertEquals(StunCheck.ABSENT, m.verifyIntegrity(new byte[] {1}));
    assertTrue(m.problems().isEmpty());
  }

  @Test
  void truncated() throws IOException {
    for (String name : VECTORS) {
      byte[] b = vector(name);
      for (int n = 0; n < b.length; n++) {
        assertFalse(StunDecoder.accepts(b, 0, n), name + " prefix " + n);
        StunMessage m = decoder.decode(b, 0, n);
        if (m != null) {
          assertTrue(
              m.problems().contains(StunProblem.LENGTH_EXCEEDS_DATAGRAM), name + " prefix " + n);
          m.xorMappedAddress();
          m.errorCode();
          m.verifyIntegrity(new byte[] {1});
        }
      }
    }
  }

  @Test
  void corruptedFingerprint() throws IOException {
    byte[] b = vector("rfc5769-2.2-ipv4-response.bin");
    b[b.length - 1] ^= 1;
    StunMessage m = decode(b);
    assertEquals(StunCheck.INVALID, m.fingerprintCheck());
    assertTrue(m.problems().contains(StunProblem.FINGERPRINT_MISMATCH));
  }

  @Test
  void alteredMessageFailsIntegrity() throws IOException {
    byte[] b = vector("rfc5769-2.2-ipv4-response.bin");
    b[0x2d] ^= 1; // a byte of the XOR-MAPPED-ADDRESS port
    assertEquals(StunCheck.INVALID, decode(b).verifyIntegrity(StunCredentials.shortTermKey(PASSWORD)));
  }

  @Test
  void attributeOverrunsMessage() {
    // Binding request, length 8: one attribute whose length 0x0010 runs past the message end
    byte[] b = hex("0001 0008 2112a442 000000000000000000000001 8022 0010 41424344");
    StunMessage m = decode(b);
    assertTrue(m.problems().contains(StunProblem.ATTRIBUTE_OVERRUN));
    assertTrue(m.attributes().isEmpty());
  }

  @Test
  void errorResponseWithUnknownAttributes() {
    // Allocate error response: ERROR-CODE 420 "Unknown", UNKNOWN-ATTRIBUTES 0x0031 0x0032
    byte[] b =
        hex("0113 0018 2112a442 0102030405060708090a0b0c"
            + " 0009 000b 00000414 556e6b6e6f776e 00"
            + " 000a 0004 00310032");
    StunMessage m = decode(b);
    assertEquals(StunClass.ERROR_RESPONSE, m.stunClass());
    assertEquals(StunMethod.ALLOCATE, m.method());
    assertEquals(new StunErrorCode(420, "Unknown"), m.errorCode());
    assertArrayEquals(new int[] {0x31, 0x32}, m.unknownAttributes());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void turnAllocateSuccess() throws IOException {
    // XOR-RELAYED-ADDRESS 192.0.2.15:50000, LIFETIME 600, XOR-MAPPED-ADDRESS 192.0.2.1:32853,
    // RESERVATION-TOKEN
    byte[] b =
        hex("0103 0024 2112a442 0102030405060708090a0b0c"
            + " 0016 0008 0001 e2e2 e112a64d"
            + " 000d 0004 00000258"
            + " 0022 0008 0102030405060708");
    StunMessage m = decode(b);
    assertEquals(StunMethod.ALLOCATE, m.method());
    assertEquals(StunClass.SUCCESS_RESPONSE, m.stunClass());
    assertEquals(
        new InetSocketAddress(InetAddress.getByName("192.0.2.15"), 0xe2e2 ^ 0x2112),
        m.xorRelayedAddress());
    assertEquals(600, m.lifetime().getAsLong());
    assertEquals("0102030405060708", HexFormat.of().formatHex(m.reservationToken()));
  }

  @Test
  void turnChannelBindAndSendIndication() throws IOException {
    // ChannelBind request: CHANNEL-NUMBER 0x4001, XOR-PEER-ADDRESS, REQUESTED-TRANSPORT UDP,
    // DONT-FRAGMENT
    byte[] bind =
        hex("0009 0020 2112a442 0102030405060708090a0b0c"
            + " 000c 0004 40010000"
            + " 0012 0008 0001 e2e2 e112a64d"
            + " 0019 0004 11000000"
            + " 001a 0000");
    StunMessage m = decode(bind);
    assertEquals(StunMethod.CHANNEL_BIND, m.method());
    assertEquals(0x4001, m.channelNumber().getAsInt());
    assertEquals(17, m.requestedTransport().getAsInt());
    assertTrue(m.dontFragment());
    assertEquals(InetAddress.getByName("192.0.2.15"), m.xorPeerAddress().getAddress());

    // Send indication with DATA "hi"
    byte[] send = hex("0016 0008 2112a442 0102030405060708090a0b0c 0013 0002 6869 0000");
    StunMessage s = decode(send);
    assertEquals(StunMethod.SEND, s.method());
    assertEquals(StunClass.INDICATION, s.stunClass());
    assertArrayEquals(new byte[] {'h', 'i'}, s.data());
  }

  @Test
  void natBehaviourAttributes() throws IOException {
    // RFC 5780 request: CHANGE-REQUEST change IP+port, RESPONSE-PORT 3479, PADDING 4 bytes;
    // ICE: USE-CANDIDATE, ICE-CONTROLLING
    byte[] b =
        hex("0001 0028 2112a442 0102030405060708090a0b0c"
            + " 0003 0004 00000006"
            + " 0027 0004 0d970000"
            + " 0026 0004 00000000"
            + " 0025 0000"
            + " 802a 0008 0000000000000001");
    StunMessage m = decode(b);
    assertEquals(6, m.changeRequest().getAsInt());
    assertEquals(3479, m.responsePort().getAsInt());
    assertEquals(4, m.paddingLength().getAsInt());
    assertTrue(m.useCandidate());
    assertEquals(1, m.iceControlling().getAsLong());
    assertTrue(m.problems().isEmpty());
  }

  @Test
  void addressAttributesOfResponses() throws IOException {
    // MAPPED-ADDRESS 10.0.0.1:5000, ALTERNATE-SERVER, RESPONSE-ORIGIN, OTHER-ADDRESS (IPv6 ::1)
    byte[] b =
        hex("0101 003c 2112a442 0102030405060708090a0b0c"
            + " 0001 0008 0001 1388 0a000001"
            + " 8023 0008 0001 0d96 c0000202"
            + " 802b 0008 0001 0d96 c0000203"
            + " 802c 0014 0002 0d97 00000000000000000000000000000001");
    StunMessage m = decode(b);
    assertEquals(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 5000), m.mappedAddress());
    assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 3478), m.alternateServer());
    assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.3"), 3478), m.responseOrigin());
    assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 3479), m.otherAddress());
    assertTrue(m.problems().isEmpty());
  }

  @Test
  void badAttributeLengthAndFamily() {
    // PRIORITY with 5 bytes (padded to 8); MAPPED-ADDRESS with family 3
    byte[] b =
        hex("0001 0018 2112a442 0102030405060708090a0b0c"
            + " 0024 0005 0000000100000000"
            + " 0001 0008 0003 1388 0a000001");
    StunMessage m = decode(b);
    assertTrue(m.problems().contains(StunProblem.ATTRIBUTE_BAD_LENGTH));
    assertTrue(m.problems().contains(StunProblem.ADDRESS_FAMILY_UNKNOWN));
    assertTrue(m.priority().isEmpty());
    assertNull(m.mappedAddress());
  }

  @Test
  void classicRfc3489BindingResponse() throws IOException {
    // no magic cookie: 128-bit transaction ID; MAPPED-ADDRESS 10.0.0.2:16948
    byte[] b = hex("0101 000c 4558 9a049d65231427 43e2 24714a8c2e 0001 0008 0001 4234 0a000002");
    assertTrue(StunDecoder.accepts(b, 0, b.length));
    StunMessage m = decode(b);
    assertTrue(m.classic());
    assertEquals(16, m.transactionId().length);
    assertEquals(new InetSocketAddress(InetAddress.getByName("10.0.0.2"), 16948), m.mappedAddress());
    assertNull(m.xorMappedAddress());
  }

  @Test
  void notStun() {
    byte[] rtp = hex("8000 0001 00000000 00000001 00000000 00000000");
    assertFalse(StunDecoder.accepts(rtp, 0, rtp.length));
    assertNull(decoder.decode(rtp, 0, rtp.length));
    // no cookie and not an RFC 3489 type
    byte[] other = hex("0003 0000 00000000 0000000000000000 00000000");
    assertFalse(StunDecoder.accepts(other, 0, other.length));
    assertNull(decoder.decode(other, 0, other.length));
    // classic form with a length that is not a multiple of 4
    byte[] odd = hex("0001 0002 00000000 0102030405060708090a0b0c 0000");
    assertNull(decoder.decode(odd, 0, odd.length));
    assertFalse(StunDecoder.accepts(odd, -1, 4));
    assertFalse(StunDecoder.accepts(odd, 0, odd.length + 1));
  }

  @Test
  void unpaddedLengthIsDecodedButNotAccepted() {
    // USERNAME "abcde" left unpadded: Length 9
    byte[] b = hex("0001 0009 2112a442 0102030405060708090a0b0c 0006 0005 6162636465");
    assertFalse(StunDecoder.accepts(b, 0, b.length));
    StunMessage m = decode(b);
    assertEquals(Set.of(StunProblem.LENGTH_NOT_PADDED), m.problems());
    assertEquals("abcde", m.username());
  }

  /**
   * Found by StunDecoderFuzzer: an empty MAPPED-ADDRESS as the last attribute made the typed
   * accessor read the family byte past the end of the message.
   */
  @Test
  void emptyAddressAttribute() {
    byte[] b = hex("0001 0004 2112a442 0102030405060708090a0b0c 0001 0000");
    StunMessage m = decode(b);
    assertNull(m.mappedAddress());
    assertTrue(m.problems().contains(StunProblem.ATTRIBUTE_BAD_LENGTH));
  }

  @Test
  void trailingBytes() {
    byte[] b = hex("0001 0000 2112a442 0102030405060708090a0b0c 00000000");
    StunMessage m = decode(b);
    assertTrue(m.problems().contains(StunProblem.TRAILING_BYTES));
  }

  @Test
  void tooManyAttributesAreBounded() {
    StunDecoder small = new StunDecoder(new StunConfig(2));
    byte[] b = hex("0001 000c 2112a442 0102030405060708090a0b0c 0025 0000 0025 0000 0025 0000");
    StunMessage m = small.decode(b, 0, b.length);
    assertNotNull(m);
    assertEquals(2, m.attributes().size());
    assertTrue(m.problems().contains(StunProblem.TOO_MANY_ATTRIBUTES));
  }

  @Test
  void attributeTypeRegistryIsConsistent() {
    Set<Integer> values = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (StunAttributeType t : StunAttributeType.values()) {
      assertTrue(values.add(t.value()), t.name());
      assertTrue(names.add(t.ianaName()), t.name());
      // the IANA name is the enum name with hyphens
      assertEquals(t.name().replace('_', '-'), t.ianaName());
      assertEquals(t, StunAttributeType.of(t.value()));
    }
    assertEquals("stun.fingerprint_mismatch", StunProblem.FINGERPRINT_MISMATCH.id());
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }
}
