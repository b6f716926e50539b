package io.voipdoc.decode.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.decode.CorpusPackets;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketListener;
import io.voipdoc.decode.tcp.TcpReassembler.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcpReassemblerTest {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;
  static final int PSH_ACK = 0x18;

  private static final byte[] CLIENT = {10, 0, 0, 1};
  private static final byte[] SERVER = {10, 0, 0, 2};
  private static final String SIP =
      "INVITE sip:bob@example.com SIP/2.0\r\n"
          + "Via: SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bK776asdhds\r\n"
          + "Max-Forwards: 70\r\n"
          + "To: Bob <sip:bob@example.com>\r\n"
          + "From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
          + "Call-ID: a84b4c76e66710@10.0.0.1\r\n"
          + "CSeq: 314159 INVITE\r\n"
          + "Contact: <sip:alice@10.0.0.1;transport=tcp>\r\n"
          + "Content-Length: 0\r\n"
          + "\r\n";

  /** Records what the reassembler hands over, per direction and as one event list. */
  static final class Recorder implements TcpReassembler.Sink {
    final Map<TcpStream, ByteArrayOutputStream> bytes = new IdentityHashMap<>();
    final List<String> events = new ArrayList<>();
    final List<byte[]> arrays = new ArrayList<>();

    @Override
    public void onData(TcpStream s, byte[] data, int off, int len) {
      bytes.computeIfAbsent(s, k -> new ByteArrayOutputStream()).write(data, off, len);
      events.add(name(s) + " data " + len);
      arrays.add(data);
    }

    @Override
    public void onGap(TcpStream s, long missingBytes) {
      events.add(name(s) + " gap " + missingBytes);
    }

    @Override
    public void onEnd(TcpStream s) {
      events.add(name(s) + " end");
    }

    String text(TcpStream s) {
      ByteArrayOutputStream b = bytes.get(s);
      return b == null ? "" : b.toString(StandardCharsets.ISO_8859_1);
    }

    static String name(TcpStream s) {
      return s.connectionId + (s.fromInitiator ? ">" : "<");
    }
  }

  private final AnomalyLog log = new AnomalyLog();
  private final Recorder sink = new Recorder();
  private final Frame frame = new Frame();
  private TcpReassembler r = new TcpReassembler(Limits.DEFAULTS, sink, log);

  private TcpStream fromClient(long seq, int flags, String data) {
    return send(CLIENT, 40000, SERVER, 5060, seq, flags, data);
  }

  private TcpStream fromServer(long seq, int flags, String data) {
    return send(SERVER, 5060, CLIENT, 40000, seq, flags, data);
  }

  private TcpStream send(
      byte[] src, int sport, byte[] dst, int dport, long seq, int flags, String data) {
    frame.number++;
    byte[] p = data.getBytes(StandardCharsets.ISO_8859_1);
    return r.segment(src, dst, 4, sport, dport, seq & 0xffffffffL, 0, flags, p, 0, p.length, frame);
  }

  /** SYN from the client with ISN 1000 (data from 1001), SYN-ACK with ISN 5000 (data from 5001). */
  private TcpStream handshake() {
    TcpStream c = fromClient(1000, SYN, "");
    fromServer(5000, SYN | ACK, "");
    fromClient(1001, ACK, "");
    return c;
  }

  @Test
  void inOrderDataIsDeliveredFromTheCallersArray() {
    TcpStream c = handshake();
    byte[] p = "hello".getBytes(StandardCharsets.US_ASCII);
    r.segment(CLIENT, SERVER, 4, 40000, 5060, 1001, 5001, PSH_ACK, p, 0, 5, frame);
    assertSame(p, sink.arrays.get(0));
    assertEquals("hello", sink.text(c));
    assertTrue(c.fromInitiator);
    assertFalse(c.startedMidStream());
    assertEquals(5, r.deliveredBytes());
    assertEquals(1, r.connectionCount());
  }

  @Test
  void bothDirectionsShareOneConnection() {
    TcpStream c = handshake();
    fromClient(1001, PSH_ACK, "ping");
    TcpStream s = fromServer(5001, PSH_ACK, "pong");
    assertEquals(c.connectionId, s.connectionId);
    assertFalse(s.fromInitiator);
    assertEquals("ping", sink.text(c));
    assertEquals("pong", sink.text(s));
    assertEquals(CLIENT[3], s.dst[3]);
    assertEquals(40000, s.dstPort);
  }

  @Test
  void synAckSeenFirstMakesItsReceiverTheInitiator() {
    TcpStream s = fromServer(5000, SYN | ACK, "");
    assertFalse(s.fromInitiator);
    TcpStream c = fromClient(1001, PSH_ACK, "abc");
    assertTrue(c.fromInitiator);
    assertTrue(c.startedMidStream());
    assertEquals("abc", sink.text(c));
  }

  @Test
  void reorderedSegmentsAreDeliveredInOrder() {
    TcpStream c = handshake();
    fromClient(1011, PSH_ACK, "KLMNOPQRST");
    fromClient(1006, PSH_ACK, "FGHIJ");
    assertEquals("", sink.text(c));
    fromClient(1001, PSH_ACK, "ABCDE");
    assertEquals("ABCDEFGHIJKLMNOPQRST", sink.text(c));
    assertEquals(2, r.outOfOrderCount());
    assertEquals(0, r.bufferedBytes());
    assertEquals(0, log.total());
  }

  @Test
  void duplicatesAreDeliveredOnce() {
    TcpStream c = handshake();
    fromClient(1001, PSH_ACK, "ABCDE");
    fromClient(1001, PSH_ACK, "ABCDE");
    fromClient(1011, PSH_ACK, "KLMNO");
    fromClient(1011, PSH_ACK, "KLMNO");
    fromClient(1006, PSH_ACK, "FGHIJ");
    assertEquals("ABCDEFGHIJKLMNO", sink.text(c));
    assertEquals(2, r.retransmissionCount());
    assertEquals(0, log.total());
  }

  @Test
  void overlapsAreTrimmed() {
    TcpStream c = handshake();
    fromClient(1001, PSH_ACK, "ABCDE");
    fromClient(1004, PSH_ACK, "DEFGH"); // 3 bytes old, 3 new
    fromClient(1013, PSH_ACK, "MNOP");
    fromClient(1011, PSH_ACK, "KLMNOPQ"); // overlaps the held chunk on both sides
    fromClient(1009, PSH_ACK, "IJK");
    assertEquals("ABCDEFGHIJKLMNOPQ", sink.text(c));
    assertEquals(0, log.total());
  }

  @Test
  void retransmissionWithOtherBytesIsReportedAndTheFirstBytesWin() {
    TcpStream c = handshake();
    fromClient(1006, PSH_ACK, "FGHIJ");
    fromClient(1006, PSH_ACK, "fghij");
    fromClient(1001, PSH_ACK, "ABCDEFxxxx");
    assertEquals("ABCDEFGHIJ", sink.text(c));
    assertEquals(Map.of("tcp.retransmission_differs", 2L), log.counts());
    assertEquals(2, log.examples().get(0).frame() - 3);
  }

  @Test
  void sequenceNumbersWrapAround() {
    TcpStream c = fromClient(0xFFFF_FFF0L, SYN, "");
    fromClient(0xFFFF_FFF1L, PSH_ACK, "0123456789"); // ends at 0xFFFFFFFB
    fromClient(0x0000_0005L, PSH_ACK, "UVWXY"); // ahead: after the wrap
    fromClient(0xFFFF_FFFBL, PSH_ACK, "ABCDEFGHIJ"); // crosses the wrap: 5 before, 5 after 0
    assertEquals("0123456789ABCDEFGHIJUVWXY", sink.text(c));
    assertEquals(0, log.total());
  }

  @Test
  void captureStartingMidStreamStartsAtTheFirstData() {
    TcpStream c = fromClient(77_000, ACK, ""); // pure ACK: does not fix the start
    assertEquals(c, fromClient(77_010, PSH_ACK, "later"));
    fromClient(77_000, PSH_ACK, "earlier...");
    assertEquals("later", sink.text(c));
    assertTrue(c.startedMidStream());
    assertEquals(1, r.retransmissionCount());
  }

  @Test
  void gapInTheMiddleIsReportedAtFinish() {
    TcpStream c = handshake();
    fromClient(1001, PSH_ACK, "ABCDE");
    fromClient(1101, PSH_ACK, "after the gap");
    r.finish();
    assertEquals(List.of("1> data 5", "1> gap 95", "1> data 13", "1> end", "1< end"), sink.events);
    assertEquals(95, c.missingBytes());
    assertEquals(1, r.gapCount());
    assertEquals(Map.of("tcp.data_missing", 1L), log.counts());
    assertTrue(log.examples().get(0).detail().contains("reason=end_of_input"));
  }

  @Test
  void fullBufferGivesUpTheOldestGap() {
    r = new TcpReassembler(new Limits(8, 10, 60_000_000_000L), sink, log);
    TcpStream c = handshake();
    fromClient(1011, PSH_ACK, "KLMNO");
    fromClient(1021, PSH_ACK, "UVWXY");
    assertEquals("", sink.text(c));
    fromClient(1031, PSH_ACK, "!"); // 11 bytes would be held: the gap before K is given up
    assertEquals("KLMNO", sink.text(c)); // 6 bytes fit now: only the first gap was given up
    assertEquals(List.of("1> gap 10", "1> data 5"), sink.events);
    assertEquals(6, r.bufferedBytes());
    fromClient(1016, PSH_ACK, "PQRST");
    assertEquals("KLMNOPQRSTUVWXY", sink.text(c));
    assertEquals(Map.of("tcp.data_missing", 1L), log.counts());
  }

  @Test
  void segmentLargerThanTheBufferIsDeliveredAfterAGap() {
    r = new TcpReassembler(new Limits(8, 4, 60_000_000_000L), sink, log);
    TcpStream c = handshake();
    fromClient(1006, PSH_ACK, "FGHIJ");
    assertEquals(List.of("1> gap 5", "1> data 5"), sink.events);
    assertEquals("FGHIJ", sink.text(c));
  }

  @Test
  void gapTimeoutInCaptureTimeReleasesHeldData() {
    r = new TcpReassembler(new Limits(8, 1000, 600_000_000_000L, 2_000_000_000L), sink, log);
    TcpStream c = handshake();
    frame.timestampNanos = 1_000_000_000L;
    fromClient(1006, PSH_ACK, "FGHIJ");
    r.expire(3_000_000_000L);
    assertEquals("", sink.text(c));
    r.expire(3_000_000_001L);
    assertEquals("FGHIJ", sink.text(c));
    assertEquals(List.of("1> gap 5", "1> data 5"), sink.events);
    assertTrue(log.examples().get(0).detail().contains("reason=timeout"));
  }

  @Test
  void finEndsADirectionOnceItsDataIsIn() {
    TcpStream c = handshake();
    fromClient(1006, FIN | ACK, "FGHIJ");
    assertFalse(c.ended());
    fromClient(1001, PSH_ACK, "ABCDE");
    assertTrue(c.ended());
    assertEquals(List.of("1> data 5", "1> data 5", "1> end"), sink.events);
    fromServer(5001, FIN | ACK, "");
    assertEquals("1< end", sink.events.get(3));
    fromClient(1012, ACK, ""); // the last ACK changes nothing
    r.finish();
    assertEquals(4, sink.events.size());
    assertEquals(0, log.total());
  }

  /**
   * Found by TcpReassemblerFuzzer (seed consistentSegments/data-held-beyond-fin): bytes held
   * beyond a FIN stayed buffered after the direction ended, so the buffer never drained.
   */
  @Test
  void dataHeldBeyondTheFinIsDroppedAtTheEnd() {
    TcpStream c = handshake();
    fromClient(1011, PSH_ACK, "beyond");
    fromClient(1006, FIN | ACK, "FGHIJ");
    fromClient(1001, PSH_ACK, "ABCDE");
    assertTrue(c.ended());
    assertEquals("ABCDEFGHIJ", sink.text(c));
    assertEquals(0, r.bufferedBytes());
    assertEquals(Map.of("tcp.data_after_end", 1L), log.counts());
    r.finish();
    assertEquals(List.of("1> data 5", "1> data 5", "1> end", "1< end"), sink.events);
  }

  @Test
  void rstEndsBothDirections() {
    TcpStream c = handshake();
    fromClient(1001, PSH_ACK, "ABCDE");
    fromServer(5001, RST | ACK, "");
    assertEquals(List.of("1> data 5", "1> end", "1< end"), sink.events);
    assertTrue(c.ended());
    fromClient(1006, PSH_ACK, "FGHIJ");
    assertEquals(Map.of("tcp.data_after_end", 1L), log.counts());
  }

  @Test
  void newSynOnTheSameTupleStartsANewConnection() {
    handshake();
    fromClient(1001, FIN | ACK, "");
    fromServer(5001, FIN | ACK, "");
    TcpStream again = fromClient(9000, SYN, "");
    assertEquals(2, again.connectionId);
    fromClient(9001, PSH_ACK, "new");
    assertEquals("new", sink.text(again));
  }

  @Test
  void retransmittedSynIsNotANewConnection() {
    TcpStream c = fromClient(1000, SYN, "");
    assertSame(c, fromClient(1000, SYN, ""));
    assertEquals(1, r.connectionCount());
  }

  @Test
  void keepAlivesAndZeroWindowProbesDoNotCorruptTheStream() {
    TcpStream c = handshake();
    fromClient(1001, PSH_ACK, "ABCDE");
    fromClient(1005, ACK, "?"); // keep-alive: one garbage byte before the next expected one
    fromClient(1005, ACK, ""); // keep-alive without data
    fromClient(1006, ACK, "F"); // zero-window probe: the next byte, alone
    fromClient(1006, PSH_ACK, "FGHIJ"); // the window opens: the probe's byte is sent again
    assertEquals("ABCDEFGHIJ", sink.text(c));
    assertEquals(2, r.keepAliveCount());
    assertEquals(0, log.total());
  }

  @Test
  void idleConnectionsAreEndedByExpire() {
    r = new TcpReassembler(new Limits(8, 1000, 5_000_000_000L), sink, log);
    frame.timestampNanos = 0;
    handshake();
    frame.timestampNanos = 4_000_000_000L;
    send(CLIENT, 40001, SERVER, 5060, 1, PSH_ACK, "x");
    r.expire(5_000_000_001L);
    assertEquals(1, r.openConnectionCount());
    assertEquals(List.of("2> data 1", "1> end", "1< end"), sink.events);
    assertEquals(0, log.total());
  }

  @Test
  void fullTableEvictsTheLeastRecentlyUsed() {
    r = new TcpReassembler(new Limits(2, 1000, 60_000_000_000L), sink, log);
    send(CLIENT, 1, SERVER, 5060, 1, PSH_ACK, "a");
    send(CLIENT, 2, SERVER, 5060, 1, PSH_ACK, "b");
    send(SERVER, 5060, CLIENT, 1, 1, PSH_ACK, "c"); // connection 1 used again
    send(CLIENT, 3, SERVER, 5060, 1, PSH_ACK, "d");
    assertEquals(2, r.openConnectionCount());
    assertEquals(
        List.of("1> data 1", "2> data 1", "1< data 1", "2> end", "2< end", "3> data 1"),
        sink.events);
    assertEquals(Map.of("tcp.connection_evicted", 1L), log.counts());
  }

  @Test
  void ipv6AddressesWork() {
    byte[] a = new byte[16];
    byte[] b = new byte[16];
    a[15] = 1;
    b[15] = 2;
    byte[] p = "v6".getBytes(StandardCharsets.US_ASCII);
    TcpStream s = r.segment(a, b, 16, 5061, 5060, 1, 0, SYN, p, 0, 0, frame);
    r.segment(a, b, 16, 5061, 5060, 2, 0, PSH_ACK, p, 0, 2, frame);
    assertEquals("v6", sink.text(s));
    assertEquals(16, s.src.length);
  }

  /** A SIP message split at every position into two segments, in both arrival orders. */
  @Test
  void everySplitIntoTwoSegments() {
    for (int i = 0; i <= SIP.length(); i++) {
      for (boolean reversed : new boolean[] {false, true}) {
        Recorder out = new Recorder();
        r = new TcpReassembler(Limits.DEFAULTS, out, log);
        TcpStream c = fromClient(0xFFFF_FF00L, SYN, "");
        String a = SIP.substring(0, i);
        String b = SIP.substring(i);
        if (reversed) {
          fromClient(0xFFFF_FF01L + i, PSH_ACK, b);
          fromClient(0xFFFF_FF01L, PSH_ACK, a);
        } else {
          fromClient(0xFFFF_FF01L, PSH_ACK, a);
          fromClient(0xFFFF_FF01L + i, PSH_ACK, b);
        }
        assertEquals(SIP, out.text(c), "split at " + i + (reversed ? " reversed" : ""));
      }
    }
    assertEquals(0, log.total());
  }

  /** A SIP message split at every pair of positions into three segments, middle one last. */
  @Test
  void everySplitIntoThreeSegments() {
    for (int i = 0; i <= SIP.length(); i++) {
      for (int j = i; j <= SIP.length(); j++) {
        Recorder out = new Recorder();
        r = new TcpReassembler(Limits.DEFAULTS, out, log);
        TcpStream c = fromClient(4000, SYN, "");
        fromClient(4001, PSH_ACK, SIP.substring(0, i));
        fromClient(4001 + j, PSH_ACK, SIP.substring(j));
        fromClient(4001 + i, PSH_ACK, SIP.substring(i, j));
        r.finish();
        assertEquals(SIP, out.text(c), "split at " + i + ", " + j);
      }
    }
    assertEquals(0, log.total());
  }

  /** Every prefix 0..n-1 of the last segment: exactly that prefix is delivered, never more. */
  @Test
  void truncated() {
    for (int cut = 0; cut < SIP.length(); cut++) {
      Recorder out = new Recorder();
      r = new TcpReassembler(Limits.DEFAULTS, out, new AnomalyLog());
      TcpStream c = fromClient(4000, SYN, "");
      fromClient(4001, PSH_ACK, SIP.substring(0, 10));
      fromClient(4011, PSH_ACK, SIP.substring(10, Math.max(10, cut)));
      r.finish();
      assertEquals(SIP.substring(0, Math.max(10, cut)), out.text(c));
    }
  }

  // Bytes per direction from `tshark -r F -q -z follow,tcp,raw,0`, and the SIP start lines
  // from `tshark -r F -Y sip -T fields -e sip.Request-Line -e sip.Status-Line` (TShark 4.0.17).
  @Test
  void pktsFragmentedTcpSipDeliversWhatTsharkShows() throws IOException {
    checkCorpus(
        "sip/pkts-fragmented_tcp_sip.pcap",
        5917,
        1142,
        List.of(
            "INVITE sip:service@10.108.158.224:5060 SIP/2.0",
            "ACK sip:service@10.108.158.224:5060 SIP/2.0",
            "BYE sip:service@10.108.158.224:5060 SIP/2.0"),
        List.of("SIP/2.0 180 Ringing", "SIP/2.0 200 OK", "SIP/2.0 200 OK"),
        "1-21538@10.192.243.79");
  }

  @Test
  void sipnabSipOverTcpDeliversWhatTsharkShows() throws IOException {
    checkCorpus(
        "sip/sipnab-sip-over-tcp.pcap",
        1801,
        2234,
        List.of(
            "INVITE sip:201@10.33.6.101;user=phone SIP/2.0",
            "ACK sip:201@10.33.6.101:5060;transport=tcp SIP/2.0",
            "SIP/2.0 200 OK"),
        List.of(
            "SIP/2.0 100 Trying",
            "SIP/2.0 180 Ringing",
            "SIP/2.0 200 OK",
            "BYE sip:101@10.33.6.100:5060;transport=tcp SIP/2.0"),
        "158936656982201062716@10.33.6.100");
  }

  private void checkCorpus(
      String file,
      long initiatorBytes,
      long responderBytes,
      List<String> initiatorStartLines,
      List<String> responderStartLines,
      String callId)
      throws IOException {
    Set<Long> connections = new HashSet<>();
    CorpusPackets packets =
        CorpusPackets.read(
            file,
            new PacketListener() {
              @Override
              public void onTcpSegment(Packet p, TcpStream s, int flags) {
                connections.add(s.connectionId);
              }
            });
    assertEquals(1, connections.size());
    Map<TcpStream, String> text = new HashMap<>();
    packets.streams().forEach((s, b) -> text.put(s, new String(b, StandardCharsets.ISO_8859_1)));
    TcpStream initiator = null;
    TcpStream responder = null;
    for (TcpStream s : text.keySet()) {
      if (s.fromInitiator) {
        initiator = s;
      } else {
        responder = s;
      }
    }
    assertEquals(initiatorBytes, initiator.deliveredBytes());
    assertEquals(responderBytes, responder.deliveredBytes());
    assertEquals(initiatorStartLines, startLines(text.get(initiator)));
    assertEquals(responderStartLines, startLines(text.get(responder)));
    for (TcpStream s : List.of(initiator, responder)) {
      for (String message : text.get(s).split("(?=(INVITE|ACK|BYE|SIP/2\\.0) )")) {
        assertTrue(message.contains("Call-ID: " + callId), message);
      }
      assertTrue(s.ended());
      assertFalse(s.startedMidStream());
      assertEquals(0, s.missingBytes());
    }
    assertEquals(0, packets.anomalies().total(), packets.anomalies().examples().toString());
  }

  /** The start line of every SIP message, found by its Content-Length framing. */
  private static List<String> startLines(String stream) {
    List<String> lines = new ArrayList<>();
    int at = 0;
    while (at < stream.length()) {
      int headEnd = stream.indexOf("\r\n\r\n", at);
      String head = stream.substring(at, headEnd);
      lines.add(head.substring(0, head.indexOf("\r\n")));
      int length = Integer.parseInt(head.replaceAll("(?s).*\r\nContent-Length: *(\\d+).*", "$1"));
      at = headEnd + 4 + length;
    }
    assertEquals(stream.length(), at);
    return lines;
  }
}
