package io.voipdoc.decode.ws;

import static io.voipdoc.decode.ws.WebSocketConnection.CLIENT;
import static io.voipdoc.decode.ws.WebSocketConnection.SERVER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketConnection} on the lab's real capture (kamailio's websocket module and Node
 * {@code ws} phones), then on frames built here for what those programs never send: fragments,
 * 64-bit lengths, hostile lengths, unmasked client frames, compression, refused upgrades.
 */
class WebSocketConnectionTest {
  private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};
  private static final String GET =
      "GET / HTTP/1.1\r\nHost: 198.51.100.10:8080\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
          + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          + "Sec-WebSocket-Protocol: sip\r\n\r\n";
  private static final String SWITCHING =
      "HTTP/1.1 101 Switching Protocols\r\n"
          + "Upgrade: websocket\r\n"
          + "Connection: upgrade\r\n"
          + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
          + "Sec-WebSocket-Protocol: sip\r\n\r\n";
  private static final String OPTIONS =
      "OPTIONS sip:198.51.100.10 SIP/2.0\r\n"
          + "Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bK1\r\n"
          + "Content-Length: 0\r\n\r\n";

  // --- the lab capture ---------------------------------------------------------------------

  @Test
  void labConnectionsCarryEverySipMessageOfTheCall() throws Exception {
    List<LabWebSocketCapture.Connection> connections = LabWebSocketCapture.connections();
    assertEquals(2, connections.size());
    List<String> startLines = new ArrayList<>();
    long pings = 0;
    long pongs = 0;
    for (LabWebSocketCapture.Connection c : connections) {
      WebSocketConnection ws = new WebSocketConnection();
      ws.onStreamData(CLIENT, c.client(), 0, c.client().length);
      ws.onStreamData(SERVER, c.server(), 0, c.server().length);
      assertEquals(101, ws.upgradeStatus());
      assertEquals("sip", ws.subprotocol());
      assertEquals(2, ws.closes());
      assertEquals(1000, ws.closeStatus(CLIENT));
      assertEquals(1000, ws.closeStatus(SERVER));
      assertEquals(List.of(), ws.drainProblems());
      for (WebSocketMessage m = ws.next(); m != null; m = ws.next()) {
        assertTrue(m.text());
        assertEquals(1, m.frames());
        startLines.add(m.side() + " " + firstLine(m));
      }
      pings += ws.pings();
      pongs += ws.pongs();
    }
    // tshark -r lab/websocket-call/pbx.pcapng -Y sip: 21 messages, 10 on dave's connection
    assertEquals(21, startLines.size());
    assertEquals("0 REGISTER sip:198.51.100.10 SIP/2.0", startLines.get(0));
    assertEquals("1 SIP/2.0 401 Unauthorized", startLines.get(5));
    assertTrue(startLines.contains("0 SIP/2.0 180 Ringing"), startLines.toString());
    assertTrue(startLines.contains("1 SIP/2.0 100 trying -- your call is important to us"));
    // tshark -Y 'websocket.opcode == 9': kamailio pinged dave's idle connection in frames 13 and 29
    assertEquals(2, pings);
    assertEquals(2, pongs);
  }

  @Test
  void labStreamSplitAnywhereGivesTheSameMessages() throws Exception {
    LabWebSocketCapture.Connection bob = LabWebSocketCapture.connections().get(1);
    List<String> whole = messages(bob.client(), bob.server(), bob.client().length);
    assertEquals(11, whole.size()); // 5 from bob, 6 from kamailio
    for (int split = 1; split < bob.client().length; split++) {
      assertEquals(whole, messages(bob.client(), bob.server(), split), "split at " + split);
    }
    assertEquals(whole, messages(bob.client(), bob.server(), 1), "byte by byte");
  }

  @Test
  void truncatedLabStreamDeliversOnlyCompleteMessages() throws Exception {
    LabWebSocketCapture.Connection dave = LabWebSocketCapture.connections().get(0);
    List<String> whole = messages(dave.client(), new byte[0], dave.client().length);
    for (int end = 0; end < dave.client().length; end++) {
      WebSocketConnection ws = new WebSocketConnection();
      ws.onStreamData(CLIENT, dave.client(), 0, end);
      List<String> got = drain(ws);
      assertEquals(whole.subList(0, got.size()), got, "prefix of " + end);
      assertEquals(List.of(), ws.drainProblems());
    }
  }

  // --- built frames ------------------------------------------------------------------------

  @Test
  void fragmentsAreJoinedAndAPingMayComeBetweenThem() {
    byte[] sip = ascii(OPTIONS);
    WebSocketConnection ws = upgraded();
    feed(
        ws,
        CLIENT,
        frame(false, 0, 1, MASK, Arrays.copyOfRange(sip, 0, 10), 7),
        frame(false, 0, 0, MASK, Arrays.copyOfRange(sip, 10, 40), 7),
        frame(true, 0, 9, MASK, ascii("hb"), 7),
        frame(true, 0, 0, MASK, Arrays.copyOfRange(sip, 40, sip.length), 7));
    WebSocketMessage m = ws.next();
    assertArrayEquals(sip, m.payload());
    assertEquals(3, m.frames());
    assertEquals(CLIENT, m.side());
    assertEquals(1, ws.pings());
    assertNull(ws.next());
    assertEquals(List.of(), ws.drainProblems());
  }

  @Test
  void maskingKeyIsAppliedAcrossFeeds() {
    byte[] sip = ascii(OPTIONS);
    byte[] f = frame(true, 0, 2, new byte[] {(byte) 0xa5, 0x01, (byte) 0xff, 0x7e}, sip, 16);
    WebSocketConnection ws = upgraded();
    ws.onStreamData(CLIENT, f, 0, 7); // inside the masking key
    ws.onStreamData(CLIENT, f, 7, 5);
    ws.onStreamData(CLIENT, f, 12, f.length - 12);
    WebSocketMessage m = ws.next();
    assertFalse(m.text());
    assertArrayEquals(sip, m.payload());
  }

  @Test
  void lengthsIn7And16And64BitsAreRead() {
    byte[] big = new byte[300];
    Arrays.fill(big, (byte) 'x');
    WebSocketConnection ws = upgraded();
    feed(
        ws,
        SERVER,
        frame(true, 0, 1, null, ascii(OPTIONS), 7),
        frame(true, 0, 1, null, big, 16),
        frame(true, 0, 1, null, big, 64));
    assertEquals(OPTIONS.length(), ws.next().payload().length);
    assertEquals(300, ws.next().payload().length);
    assertEquals(300, ws.next().payload().length);
    assertEquals(List.of(), ws.drainProblems());
  }

  @Test
  void messageAboveTheLimitIsSkippedAndTheNextOneRead() {
    WebSocketConnection ws = upgraded();
    feed(
        ws,
        SERVER,
        frame(true, 0, 1, null, new byte[70_000], 64),
        frame(true, 0, 1, null, ascii(OPTIONS), 7));
    assertEquals(OPTIONS, new String(ws.next().payload(), StandardCharsets.US_ASCII));
    assertNull(ws.next());
    assertEquals(List.of("ws.message_too_large"), ids(ws));
  }

  @Test
  void hostileLengthIsAProblemNotAnAllocation() {
    WebSocketConnection ws = upgraded();
    byte[] header = {
      (byte) 0x81,
      127,
      0x7f,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff
    };
    feed(ws, SERVER, header, frame(true, 0, 1, null, ascii(OPTIONS), 7));
    assertNull(ws.next(), "the direction is no longer read");
    List<WebSocketProblem.At> problems = ws.drainProblems();
    assertEquals(WebSocketProblem.FRAME_TOO_LARGE, problems.get(0).problem());
    assertEquals("length=9223372036854775807 max=1048576", problems.get(0).detail());
    // the client's direction is still read
    feed(ws, CLIENT, frame(true, 0, 1, MASK, ascii(OPTIONS), 7));
    assertEquals(CLIENT, ws.next().side());
  }

  @Test
  void lengthWithTheTopBitSetIsBad() {
    WebSocketConnection ws = upgraded();
    byte[] header = {(byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 5};
    feed(ws, SERVER, header, frame(true, 0, 1, null, ascii(OPTIONS), 7));
    assertNull(ws.next());
    assertEquals(List.of("ws.bad_length"), ids(ws));
  }

  @Test
  void unmaskedClientFrameAndMaskedServerFrameAreReportedButRead() {
    WebSocketConnection ws = upgraded();
    feed(ws, CLIENT, frame(true, 0, 1, null, ascii(OPTIONS), 7));
    feed(ws, SERVER, frame(true, 0, 1, MASK, ascii(OPTIONS), 7));
    assertEquals(OPTIONS, new String(ws.next().payload(), StandardCharsets.US_ASCII));
    assertEquals(OPTIONS, new String(ws.next().payload(), StandardCharsets.US_ASCII));
    assertEquals(List.of("ws.unmasked_client_frame", "ws.masked_server_frame"), ids(ws));
  }

  @Test
  void closeStatusCodesAreKept() {
    WebSocketConnection ws = upgraded();
    byte[] goingAway = {0x03, (byte) 0xe9, 'b', 'y', 'e'}; // 1001 "bye"
    feed(ws, CLIENT, frame(true, 0, 8, MASK, goingAway, 7));
    feed(ws, SERVER, frame(true, 0, 8, null, new byte[0], 7));
    assertEquals(1001, ws.closeStatus(CLIENT));
    assertEquals(WebSocketConnection.NO_STATUS, ws.closeStatus(SERVER));
    assertEquals(2, ws.closes());
    assertEquals(List.of(), ws.drainProblems());
    feed(ws, SERVER, frame(true, 0, 8, null, new byte[] {3}, 7));
    assertEquals(List.of("ws.bad_control_frame"), ids(ws));
  }

  @Test
  void controlFramesMustBeShortAndWhole() {
    WebSocketConnection ws = upgraded();
    feed(
        ws,
        SERVER,
        frame(true, 0, 9, null, new byte[126], 16),
        frame(false, 0, 10, null, new byte[2], 7),
        frame(true, 0, 1, null, ascii(OPTIONS), 7));
    assertEquals(0, ws.pings());
    assertEquals(0, ws.pongs());
    assertEquals(OPTIONS.length(), ws.next().payload().length);
    assertEquals(List.of("ws.bad_control_frame", "ws.bad_control_frame"), ids(ws));
  }

  @Test
  void compressedMessageIsCountedNotInflated() {
    WebSocketConnection ws = upgraded();
    feed(
        ws,
        SERVER,
        frame(true, 4, 1, null, new byte[] {(byte) 0xf2, 0x48, 0, 0}, 7),
        frame(true, 0, 1, null, ascii(OPTIONS), 7));
    assertEquals(OPTIONS.length(), ws.next().payload().length);
    assertNull(ws.next());
    assertEquals(List.of("ws.compressed_message"), ids(ws));
  }

  @Test
  void reservedOpcodesAndStrayContinuationsAreSkipped() {
    WebSocketConnection ws = upgraded();
    feed(
        ws,
        SERVER,
        frame(true, 0, 3, null, ascii("?"), 7),
        frame(true, 0, 0, null, ascii("tail"), 7),
        frame(true, 2, 1, null, ascii(OPTIONS), 7));
    assertEquals(OPTIONS.length(), ws.next().payload().length);
    assertEquals(
        List.of("ws.unknown_opcode", "ws.unexpected_continuation", "ws.reserved_bits"), ids(ws));
  }

  @Test
  void newMessageBeforeTheLastFragmentDropsTheUnfinishedOne() {
    WebSocketConnection ws = upgraded();
    feed(
        ws,
        SERVER,
        frame(false, 0, 1, null, ascii("REGISTER"), 7),
        frame(true, 0, 1, null, ascii(OPTIONS), 7));
    assertEquals(OPTIONS, new String(ws.next().payload(), StandardCharsets.US_ASCII));
    assertNull(ws.next());
    assertEquals(List.of("ws.unfinished_message"), ids(ws));
  }

  @Test
  void refusedUpgradeIsReportedWithItsStatusAndNothingIsReadAsFrames() {
    WebSocketConnection ws = new WebSocketConnection();
    feed(ws, CLIENT, ascii(GET));
    feed(ws, SERVER, ascii("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"));
    feed(ws, CLIENT, frame(true, 0, 1, MASK, ascii(OPTIONS), 7), ascii(GET));
    assertEquals(403, ws.upgradeStatus());
    assertNull(ws.next());
    List<WebSocketProblem.At> problems = ws.drainProblems();
    assertEquals(1, problems.size());
    assertEquals("ws.upgrade_refused@1:0(status=403)", problems.get(0).toString());
  }

  @Test
  void answerThatIsNotHttpIsABadHandshake() {
    WebSocketConnection ws = new WebSocketConnection();
    feed(ws, CLIENT, ascii(GET));
    feed(ws, SERVER, ascii("SIP/2.0 200 OK\r\n\r\n"));
    assertEquals(-1, ws.upgradeStatus());
    assertEquals(List.of("ws.bad_handshake"), ids(ws));
  }

  @Test
  void handshakeBeyondTheLimitStopsTheConnection() {
    WebSocketConnection ws = new WebSocketConnection(new WebSocketConfig(64, 1 << 20, 1 << 16, 10));
    feed(ws, CLIENT, ascii(GET), frame(true, 0, 1, MASK, ascii(OPTIONS), 7));
    assertNull(ws.next());
    assertEquals(List.of("ws.handshake_too_large"), ids(ws));
  }

  @Test
  void gapStopsTheDirection() {
    WebSocketConnection ws = upgraded();
    byte[] f = frame(true, 0, 1, null, ascii(OPTIONS), 7);
    ws.onStreamData(SERVER, f, 0, 20);
    ws.gap(SERVER, 100);
    feed(ws, SERVER, f);
    assertNull(ws.next());
    assertEquals(List.of("ws.stream_gap"), ids(ws));
  }

  @Test
  void handshakeAndFirstFrameInOneSegment() {
    WebSocketConnection ws = new WebSocketConnection();
    feed(ws, CLIENT, ascii(GET));
    feed(ws, SERVER, concat(ascii(SWITCHING), frame(true, 0, 1, null, ascii(OPTIONS), 7)));
    assertEquals(OPTIONS.length(), ws.next().payload().length);
  }

  @Test
  void acceptsOnlyAnUpgradingGet() {
    assertTrue(WebSocketHandshake.accepts(ascii(GET), 0, GET.length()));
    String lower = "GET /ws HTTP/1.1\r\nupgrade: WebSocket\r\n\r\n";
    assertTrue(WebSocketHandshake.accepts(ascii(lower), 0, lower.length()));
    String plain = "GET / HTTP/1.1\r\nHost: a\r\n\r\nUpgrade: websocket\r\n";
    assertFalse(WebSocketHandshake.accepts(ascii(plain), 0, plain.length()), "after the headers");
    String post = "POST / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n";
    assertFalse(WebSocketHandshake.accepts(ascii(post), 0, post.length()));
    assertFalse(WebSocketHandshake.accepts(ascii(OPTIONS), 0, OPTIONS.length()));
    assertFalse(WebSocketHandshake.accepts(ascii("GE"), 0, 2));
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A frame; {@code lengthBits} 7, 16 or 64 picks the length encoding (RFC 6455 §5.2). */
  static byte[] frame(
      boolean fin, int rsv, int opcode, byte @Nullable [] mask, byte[] payload, int lengthBits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
    int maskBit = mask != null ? 0x80 : 0;
    if (lengthBits == 7) {
      out.write(maskBit | payload.length);
    } else if (lengthBits == 16) {
      out.write(maskBit | 126);
      out.write(payload.length >> 8);
      out.write(payload.length);
    } else {
      out.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) payload.length >> shift));
      }
    }
    byte[] body = payload.clone();
    if (mask != null) {
      out.writeBytes(mask);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= mask[i & 3];
      }
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static WebSocketConnection upgraded() {
    WebSocketConnection ws = new WebSocketConnection();
    feed(ws, CLIENT, ascii(GET));
    feed(ws, SERVER, ascii(SWITCHING));
    assertEquals(101, ws.upgradeStatus());
    return ws;
  }

  private static void feed(WebSocketConnection ws, int side, byte[]... pieces) {
    for (byte[] p : pieces) {
      ws.onStreamData(side, p, 0, p.length);
    }
  }

  private static List<String> messages(byte[] client, byte[] server, int piece) {
    WebSocketConnection ws = new WebSocketConnection();
    for (int off = 0; off < client.length; off += piece) {
      ws.onStreamData(CLIENT, client, off, Math.min(piece, client.length - off));
    }
    ws.onStreamData(SERVER, server, 0, server.length);
    assertEquals(List.of(), ws.drainProblems());
    return drain(ws);
  }

  private static List<String> drain(WebSocketConnection ws) {
    List<String> out = new ArrayList<>();
    for (WebSocketMessage m = ws.next(); m != null; m = ws.next()) {
      out.add(m.side() + " " + new String(m.payload(), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static List<String> ids(WebSocketConnection ws) {
    return ws.drainProblems().stream().map(p -> p.problem().id()).toList();
  }

  private static String firstLine(WebSocketMessage m) {
    String s = new String(m.payload(), StandardCharsets.UTF_8);
    return s.substring(0, s.indexOf("\r\n"));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
