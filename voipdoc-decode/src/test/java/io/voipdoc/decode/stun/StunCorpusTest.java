package io.voipdoc.decode.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.decode.CorpusPackets;
import io.voipdoc.decode.CorpusPackets.Datagram;
import io.voipdoc.decode.tcp.TcpStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STUN in the shared corpus captures, counted and compared with {@code expected.tsv}'s {@code
 * stun_messages} column (frames tshark decodes as STUN).
 */
class StunCorpusTest {
  private final StunDecoder decoder = new StunDecoder();

  private static Map<String, Integer> tsharkStunCounts() throws IOException {
    List<String> lines = Files.readAllLines(CorpusPackets.corpus().resolve("expected.tsv"));
    List<String> header = List.of(lines.get(0).split("\t"));
    int column = header.indexOf("stun_messages");
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t");
      counts.put(cells[0], Integer.parseInt(cells[column]));
    }
    return counts;
  }

  /** Decodes every UDP datagram STUN accepts; every message must decode without problems. */
  private int udpStun(String capture) throws IOException {
    int n = 0;
    for (Datagram p : CorpusPackets.read(capture).datagrams()) {
      byte[] b = p.payload();
      if (StunDecoder.accepts(b, 0, b.length)) {
        StunMessage m = decoder.decode(b, 0, b.length);
        assertNotNull(m);
        assertTrue(m.problems().isEmpty(), capture + " frame " + p.frame() + " " + m);
        assertNotEquals(StunCheck.INVALID, m.fingerprintCheck());
        n++;
      }
    }
    return n;
  }

  @Test
  void iceTestCallMatchesTshark() throws IOException {
    int n = udpStun("stun-ice/arkime-stun-ice-testcall.pcap");
    assertEquals(108, n);
    assertEquals(tsharkStunCounts().get("stun-ice/arkime-stun-ice-testcall.pcap"), n);
  }

  @Test
  void webrtcStunMatchesTshark() throws IOException {
    int n = udpStun("stun-ice/zeek-webrtc-stun.pcap");
    assertEquals(10, n);
    assertEquals(tsharkStunCounts().get("stun-ice/zeek-webrtc-stun.pcap"), n);
  }

  /**
   * voipdoc sees 4 where expected.tsv says 1: tshark decodes frames 1, 6 and 7 as "classicstun"
   * (RFC 3489, no magic cookie), which its stun column does not count. Frame 2, the one tshark
   * counts, is an Allocate request whose length (113) is not a multiple of 4, so the RFC 7983
   * heuristic rejects it; decoded because it goes to port 3478, it carries {@code
   * stun.length_not_padded}. Frame 8 ("RSP/2.0 STUN" text to port 3478) is not STUN.
   */
  @Test
  void classicStunCountedToo() throws IOException {
    String f = "stun-ice/arkime-stun.pcap";
    assertEquals(1, tsharkStunCounts().get(f));
    assertEquals(3, udpStun(f));
    int classic = 0;
    int onStunPort = 0;
    for (Datagram p : CorpusPackets.read(f).datagrams()) {
      if (p.dstPort() != 3478) {
        continue;
      }
      StunMessage m = decoder.decode(p.payload(), 0, p.payload().length);
      if (m == null) {
        assertEquals(8, p.frame());
        continue;
      }
      onStunPort++;
      if (m.classic()) {
        classic++;
        assertTrue(m.problems().isEmpty(), m.toString());
      } else {
        assertEquals(2, p.frame());
        assertEquals(StunMethod.ALLOCATE, m.method());
        assertEquals(java.util.Set.of(StunProblem.LENGTH_NOT_PADDED), m.problems());
      }
    }
    assertEquals(3, classic);
    assertEquals(4, onStunPort);
  }

  /**
   * voipdoc sees 15 where expected.tsv says 0: the capture is TURN over TCP to port 80 (RFC 8656
   * §3.1 framing: messages back to back), which tshark dissects as HTTP; with {@code -d
   * tcp.port==80,stun} tshark also finds 15 (Allocate 0x0003 x2, 0x0103, 0x0113; CreatePermission
   * 0x0008 x7, 0x0108 x3, 0x0118). The capture holds no ChannelData.
   */
  @Test
  void turnOverTcpSeenWhereTsharkSeesHttp() throws IOException {
    assertEquals(0, tsharkStunCounts().get("stun-ice/arkime-turn.pcap"));
    Map<TcpStream, byte[]> streams = CorpusPackets.read("stun-ice/arkime-turn.pcap").streams();
    int stun = 0;
    int channelData = 0;
    Map<StunMethod, Integer> methods = new HashMap<>();
    for (byte[] s : streams.values()) {
      int pos = 0;
      while (s.length - pos >= 4) {
        ChannelData d = ChannelDataDecoder.decode(s, pos, s.length - pos);
        if (d != null) {
          channelData++;
          pos = d.payloadOffset() + ((d.declaredLength() + 3) & ~3);
          continue;
        }
        int length = 20 + StunDecoder.u16(s, pos + 2);
        assertTrue(StunDecoder.accepts(s, pos, Math.min(length, s.length - pos)), "at " + pos);
        StunMessage m = decoder.decode(s, pos, length);
        assertNotNull(m);
        assertTrue(m.problems().isEmpty(), m.toString());
        methods.merge(m.method(), 1, Integer::sum);
        stun++;
        pos += length;
      }
      assertEquals(s.length, pos);
    }
    assertEquals(15, stun);
    assertEquals(0, channelData);
    assertEquals(Map.of(StunMethod.ALLOCATE, 4, StunMethod.CREATE_PERMISSION, 11), methods);
  }
}
