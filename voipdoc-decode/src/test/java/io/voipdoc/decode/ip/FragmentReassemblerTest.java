package io.voipdoc.decode.ip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.decode.ip.FragmentReassembler.Limits;
import io.voipdoc.decode.ip.FragmentReassembler.Reassembled;
import io.voipdoc.decode.CorpusPackets;
import io.voipdoc.decode.CorpusPackets.Datagram;
import io.voipdoc.decode.CorpusPackets.IpPacket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FragmentReassemblerTest {
  private static final byte[] V4_A = {10, 0, 0, 1};
  private static final byte[] V4_B = {10, 0, 0, 2};
  private static final byte[] V6_A = new byte[16];
  private static final byte[] V6_B = new byte[16];

  static {
    V6_A[0] = 0x20;
    V6_A[15] = 1;
    V6_B[0] = 0x20;
    V6_B[15] = 2;
  }

  private final AnomalyLog log = new AnomalyLog();
  private final Frame frame = new Frame();
  private FragmentReassembler r = new FragmentReassembler(Limits.DEFAULTS, log);

  /** Bytes 0..n-1 of a recognisable payload. */
  private static byte[] payload(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + 3);
    }
    return b;
  }

  private Reassembled v4(int id, byte[] whole, int from, int to, boolean more) {
    frame.number++;
    return r.add(4, V4_A, V4_B, 4, id, 17, from, more, whole, from, to - from, frame);
  }

  private Reassembled v6(long id, byte[] whole, int from, int to, boolean more) {
    frame.number++;
    return r.add(6, V6_A, V6_B, 16, id, 17, from, more, whole, from, to - from, frame);
  }

  private static byte[] bytes(Reassembled x) {
    return Arrays.copyOf(x.data(), x.length());
  }

  @Test
  void inOrderFragmentsComplete() {
    byte[] p = payload(3000);
    assertNull(v4(1, p, 0, 1480, true));
    assertNull(v4(1, p, 1480, 2960, true));
    Reassembled x = v4(1, p, 2960, 3000, false);
    assertNotNull(x);
    assertArrayEquals(p, bytes(x));
    assertEquals(17, x.protocol());
    assertEquals(3, x.fragmentCount());
    assertEquals(1, r.reassembledCount());
    assertEquals(0, r.inFlightCount());
    assertEquals(0, r.bufferedBytes());
    assertEquals(0, log.total());
  }

  @Test
  void reversedOrderCompletesAtTheFirstFragment() {
    byte[] p = payload(2000);
    assertNull(v6(9, p, 1600, 2000, false));
    assertNull(v6(9, p, 800, 1600, true));
    Reassembled x = v6(9, p, 0, 800, true);
    assertNotNull(x);
    assertArrayEquals(p, bytes(x));
    assertEquals(0, log.total());
  }

  @Test
  void duplicatesAreIgnoredSilently() {
    byte[] p = payload(1600);
    assertNull(v4(2, p, 0, 800, true));
    assertNull(v4(2, p, 0, 800, true));
    Reassembled x = v4(2, p, 800, 1600, false);
    assertNotNull(x);
    assertEquals(2, x.fragmentCount());
    assertEquals(1, r.duplicateCount());
    assertEquals(0, log.total());
  }

  @Test
  void ipv6ExactDuplicateIsNotAnOverlap() {
    byte[] p = payload(1600);
    assertNull(v6(2, p, 0, 800, true));
    assertNull(v6(2, p, 0, 800, true));
    assertNotNull(v6(2, p, 800, 1600, false));
    assertEquals(0, log.total());
  }

  @Test
  void ipv4OverlapKeepsTheFirstData() {
    byte[] p = payload(1600);
    byte[] other = p.clone();
    Arrays.fill(other, 400, 1200, (byte) 0x55);
    assertNull(v4(3, p, 0, 800, true));
    assertNull(v4(3, other, 400, 1200, true)); // overlaps 400..800, fills 800..1200
    Reassembled x = v4(3, p, 1200, 1600, false);
    assertNotNull(x);
    byte[] expected = p.clone();
    Arrays.fill(expected, 800, 1200, (byte) 0x55);
    assertArrayEquals(expected, bytes(x));
    assertEquals(Map.of("ip.fragment_overlap", 1L), log.counts());
    String detail = log.examples().get(0).detail();
    assertTrue(detail.contains("conflict=true") && detail.contains("action=keep_first"), detail);
    assertEquals(2, log.examples().get(0).frame());
  }

  @Test
  void ipv6OverlapDiscardsTheDatagram() {
    byte[] p = payload(1600);
    assertNull(v6(4, p, 0, 800, true));
    assertNull(v6(4, p, 400, 1200, true));
    assertNull(v6(4, p, 800, 1600, false));
    assertNull(v6(4, p, 1200, 1600, false));
    assertEquals(Map.of("ip.fragment_overlap", 1L), log.counts());
    assertEquals(0, r.bufferedBytes());
    r.finish();
    // Abandoned datagrams are not reported a second time as incomplete.
    assertEquals(1, log.total());
  }

  @Test
  void laterLastFragmentWithAnotherEndIsInconsistent() {
    byte[] p = payload(1600);
    assertNull(v4(5, p, 800, 1600, false));
    assertNull(v4(5, p, 800, 1200, false));
    Reassembled x = v4(5, p, 0, 800, true);
    assertNotNull(x);
    assertEquals(1600, x.length());
    assertEquals(Map.of("ip.fragment_length_inconsistent", 1L), log.counts());
  }

  @Test
  void dataBeyondTheKnownEndIsDropped() {
    // zeek-ipv4-fragmented-1 in small: a middle fragment reaching past the last one's end.
    byte[] p = payload(400);
    assertNull(v4(6, p, 0, 16, true));
    assertNull(v4(6, p, 48, 160, false));
    Reassembled x = v4(6, p, 0, 304, true);
    assertNotNull(x);
    assertArrayEquals(Arrays.copyOf(p, 160), bytes(x));
    assertEquals(1L, log.counts().get("ip.fragment_length_inconsistent"));
    assertEquals(1L, log.counts().get("ip.fragment_overlap"));
  }

  @Test
  void lastFragmentEndingBeforeReceivedDataTrimsIt() {
    byte[] p = payload(2400);
    assertNull(v4(7, p, 1600, 2400, true));
    assertNull(v4(7, p, 800, 1200, false));
    Reassembled x = v4(7, p, 0, 800, true);
    assertNotNull(x);
    assertArrayEquals(Arrays.copyOf(p, 1200), bytes(x));
    assertEquals(Map.of("ip.fragment_length_inconsistent", 1L), log.counts());
  }

  @Test
  void datagramLargerThanTheLimitIsDropped() {
    r = new FragmentReassembler(new Limits(4, 1000, 8, 1_000_000_000L), log);
    byte[] p = payload(1200);
    assertNull(v4(8, p, 0, 800, true));
    assertNull(v4(8, p, 800, 1200, false));
    assertNull(v4(8, p, 0, 800, true)); // ignored: the datagram is abandoned
    assertEquals(Map.of("ip.datagram_too_large", 1L), log.counts());
    assertEquals(0, r.bufferedBytes());
  }

  @Test
  void ipv4PayloadBeyond65535IsTooLarge() {
    byte[] p = payload(1600);
    assertNull(r.add(4, V4_A, V4_B, 4, 1, 17, 65528, false, p, 0, 16, frame));
    assertEquals(Map.of("ip.datagram_too_large", 1L), log.counts());
  }

  @Test
  void tooManyFragmentsAbandonTheDatagram() {
    r = new FragmentReassembler(new Limits(4, 65535, 3, 1_000_000_000L), log);
    byte[] p = payload(40);
    assertNull(v4(9, p, 0, 8, true));
    assertNull(v4(9, p, 8, 16, true));
    assertNull(v4(9, p, 16, 24, true));
    assertNull(v4(9, p, 24, 32, true));
    assertNull(v4(9, p, 32, 40, false));
    assertEquals(Map.of("ip.fragments_too_many", 1L), log.counts());
  }

  @Test
  void fullTableEvictsTheOldest() {
    r = new FragmentReassembler(new Limits(2, 65535, 8, 60_000_000_000L), log);
    byte[] p = payload(1600);
    assertNull(v4(1, p, 0, 800, true));
    assertNull(v4(2, p, 0, 800, true));
    assertNull(v4(3, p, 0, 800, true));
    assertEquals(2, r.inFlightCount());
    assertEquals(Map.of("ip.fragments_evicted", 1L), log.counts());
    assertNull(v4(1, p, 800, 1600, false)); // datagram 1 is gone
    assertNotNull(v4(3, p, 800, 1600, false));
  }

  @Test
  void expireDropsDatagramsOlderThanTheTimeout() {
    r = new FragmentReassembler(new Limits(8, 65535, 8, 5_000_000_000L), log);
    byte[] p = payload(1600);
    frame.timestampNanos = 1_000_000_000L;
    assertNull(v4(1, p, 0, 800, true));
    frame.timestampNanos = 4_000_000_000L;
    assertNull(v4(2, p, 0, 800, true));
    r.expire(6_000_000_000L); // 1 is 5 s old: not yet beyond the timeout
    assertEquals(2, r.inFlightCount());
    r.expire(6_000_000_001L);
    assertEquals(1, r.inFlightCount());
    assertEquals(Map.of("ip.fragments_incomplete", 1L), log.counts());
    assertTrue(log.examples().get(0).detail().contains("reason=timeout"));
    assertEquals(1, log.examples().get(0).frame());
  }

  @Test
  void lateFragmentStartsAfreshAfterTheTimeout() {
    r = new FragmentReassembler(new Limits(8, 65535, 8, 5_000_000_000L), log);
    byte[] p = payload(1600);
    frame.timestampNanos = 0;
    assertNull(v4(1, p, 0, 800, true));
    frame.timestampNanos = 10_000_000_000L;
    assertNull(v4(1, p, 800, 1600, false));
    assertEquals(Map.of("ip.fragments_incomplete", 1L), log.counts());
    assertEquals(1, r.inFlightCount());
  }

  @Test
  void finishReportsWhatIsIncomplete() {
    byte[] p = payload(1600);
    assertNull(v4(1, p, 0, 800, true));
    assertNull(v6(1, p, 800, 1600, false));
    r.finish();
    assertEquals(Map.of("ip.fragments_incomplete", 2L), log.counts());
    assertTrue(log.examples().get(1).detail().contains("end=1600"));
    assertEquals(0, r.inFlightCount());
  }

  @Test
  void atomicFragmentStandsAlone() {
    byte[] p = payload(1600);
    assertNull(v6(5, p, 0, 800, true));
    Reassembled x = r.add(6, V6_A, V6_B, 16, 5, 6, 0, false, p, 100, 50, frame);
    assertNotNull(x);
    assertArrayEquals(Arrays.copyOfRange(p, 100, 150), bytes(x));
    assertEquals(1, r.atomicCount());
    assertEquals(0, r.reassembledCount());
    assertNotNull(v6(5, p, 800, 1600, false)); // the datagram in flight was not disturbed
  }

  @Test
  void misalignedFragmentIsReported() {
    byte[] p = payload(1600);
    assertNull(v4(1, p, 0, 803, true));
    assertEquals(Map.of("ip.fragment_misaligned", 1L), log.counts());
  }

  @Test
  void datagramsAreKeptApartByKey() {
    byte[] p = payload(1600);
    assertNull(v4(1, p, 0, 800, true));
    assertNull(v4(2, p, 800, 1600, false));
    assertNull(r.add(4, V4_A, V4_B, 4, 1, 6, 800, false, p, 800, 800, frame)); // other protocol
    assertNull(r.add(4, V4_B, V4_A, 4, 1, 17, 800, false, p, 800, 800, frame)); // reversed
    assertEquals(4, r.inFlightCount());
    assertNotNull(v4(1, p, 800, 1600, false));
  }

  @Test
  void resultIsReusedButCorrectAcrossDatagrams() {
    byte[] a = payload(1600);
    byte[] b = new byte[1000];
    Arrays.fill(b, (byte) 9);
    assertNull(v4(1, a, 0, 800, true));
    assertArrayEquals(a, bytes(v4(1, a, 800, 1600, false)));
    assertNull(v4(2, b, 0, 504, true));
    assertArrayEquals(b, bytes(v4(2, b, 504, 1000, false)));
  }

  @Test
  void badArgumentsAreTheCallersBug() {
    byte[] p = payload(10);
    assertThrows(
        IllegalArgumentException.class,
        () -> r.add(4, V4_A, V4_B, 4, 1, 17, 0, true, p, 5, 10, frame));
    assertThrows(
        IllegalArgumentException.class,
        () -> r.add(6, V4_A, V4_B, 4, 1, 17, 0, true, p, 0, 10, frame));
  }

  /**
   * Every cut 0..n-1 of a middle fragment leaves a hole: no datagram, an anomaly at the end, never
   * an exception.
   */
  @Test
  void truncated() {
    byte[] p = payload(2000);
    for (int cut = 0; cut < 800; cut++) {
      AnomalyLog cutLog = new AnomalyLog();
      r = new FragmentReassembler(Limits.DEFAULTS, cutLog);
      assertNull(v6(1, p, 0, 800, true));
      assertNull(r.add(6, V6_A, V6_B, 16, 1, 17, 800, true, p, 800, cut, frame));
      assertNull(v6(1, p, 1600, 2000, false));
      r.finish();
      assertEquals(1L, cutLog.counts().get("ip.fragments_incomplete"), "cut " + cut);
    }
  }

  @Test
  void shortenedLastFragmentGivesAShorterDatagram() {
    byte[] p = payload(1600);
    for (int cut = 1; cut < 800; cut++) {
      r = new FragmentReassembler(Limits.DEFAULTS, log);
      assertNull(v6(1, p, 0, 800, true));
      Reassembled x = r.add(6, V6_A, V6_B, 16, 1, 17, 800, false, p, 800, cut, frame);
      assertNotNull(x);
      assertArrayEquals(Arrays.copyOf(p, 800 + cut), bytes(x));
    }
    assertEquals(0, log.total());
  }

  // Reference figures from `tshark -2 -r F -T fields -e frame.number -e ip.reassembled_in
  // -e ipv6.reassembled.in -e ip.fragment.count -e ipv6.fragment.count -e ip.reassembled.length
  // -e ipv6.reassembled.length` (TShark 4.0.17): frame:length:fragments of each completed
  // datagram, in order.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ip/zeek-ipv4-fragmented-1.pcap | 3:164:3",
        "ip/zeek-ipv4-fragmented-2.pcap | ''",
        "ip/zeek-ipv4-fragmented-3.pcap | ''",
        "ip/zeek-ipv4-fragmented-4.pcap | 5:89:4",
        "ip/zeek-ipv6-fragmented-dns.pcap | 8:3238:3",
        "ip/pkts-ipv6_frag.pcap | 5:5008:5",
        "ip/zeek-ipv6-reassembly-state-leak.pcap | 46:65528:46 92:65528:46",
        "ip/zeek-ipv6-http-atomic-frag.pcap | ''",
        "sip/pkts-fragmented_udp_sip.pcap | ''",
        "sip/sngrep-ipv6frag.pcap | 2:1699:2 5:1879:2",
      })
  void completesTheSameDatagramsAsTshark(String file, String expected) throws IOException {
    List<String> got = new ArrayList<>();
    for (IpPacket p : CorpusPackets.ipPackets(file)) {
      if (!p.fragment()) {
        continue;
      }
      r.expire(p.frame().timestampNanos);
      Reassembled x =
          r.add(
              p.version(),
              p.src(),
              p.dst(),
              p.src().length,
              p.id(),
              p.protocol(),
              p.fragmentOffset(),
              p.moreFragments(),
              p.payload(),
              0,
              p.payload().length,
              p.frame());
      if (x != null && x.fragmentCount() > 1) {
        got.add(p.frame().number + ":" + x.length() + ":" + x.fragmentCount());
      }
    }
    r.finish();
    assertEquals(expected, String.join(" ", got));
  }

  /**
   * Through capture and decode: the two INVITEs of the capture arrive whole, in the frames and
   * with the lengths tshark gives (1699 and 1879 bytes of UDP, less its 8-byte header).
   */
  @Test
  void reassembledSipOverIpv6CarriesTheWholeMessage() throws IOException {
    CorpusPackets packets = CorpusPackets.read("sip/sngrep-ipv6frag.pcap");
    List<String> messages = new ArrayList<>();
    for (Datagram d : packets.datagrams()) {
      if (!d.reassembled()) {
        continue;
      }
      String sip = new String(d.payload(), java.nio.charset.StandardCharsets.UTF_8);
      messages.add(d.frame() + ":" + d.payload().length + " " + sip.substring(0, sip.indexOf(' ')));
      int body = sip.indexOf("\r\n\r\n") + 4;
      int declared = Integer.parseInt(sip.replaceAll("(?s).*\r\nContent-Length: *(\\d+).*", "$1"));
      assertEquals(declared, sip.length() - body);
    }
    assertEquals(List.of("2:1691 INVITE", "5:1871 INVITE"), messages);
    assertEquals(0, packets.anomalies().total(), packets.anomalies().examples().toString());
  }
}
