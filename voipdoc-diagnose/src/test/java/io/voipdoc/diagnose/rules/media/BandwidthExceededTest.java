package io.voipdoc.diagnose.rules.media;

import static io.voipdoc.diagnose.SyntheticCalls.sdp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.SyntheticCalls;
import io.voipdoc.diagnose.SyntheticCalls.Loss;
import io.voipdoc.diagnose.SyntheticCalls.Party;
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lab's bandwidth-exceeded scenario, and synthetic captures that put the loss exactly where
 * the thresholds are: call 1 runs
 * alone from 0 to 20 s, calls 2..6 join from 20 s to 40 s, then call 1 runs alone again until 60 s.
 * G.711 (PCMU) with 20 ms packets both ways.
 */
class BandwidthExceededTest {
  private static final BandwidthExceeded RULE = new BandwidthExceeded();
  private static final long BUSY_FROM_MS = 20_000;
  private static final long BUSY_TO_MS = 40_000;

  @TempDir Path dir;

  @Test
  void fires_on_the_lab_uplink_of_200_kbits_with_four_calls_at_once() {
    List<Finding> found = Incidents.findings(RULE, LabCaptures.of("bandwidth-exceeded"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("4", "18.5", "0.0"), f.titleArgs());
    List<Evidence> ev = f.evidence();
    // 50 packets/s of 160 bytes plus 58 bytes of headers, the first call's stream (README)
    assertEquals(List.of("PCMU", "20", "87.5", "4", "349.9"), ev.get(0).args());
    assertEquals("dave.pcapng#889", Incidents.at(ev.get(0)));
    // 10 s with four calls: almost a fifth of the packets did not fit through bob's uplink (the
    // packets from dave, half of them, all arrived)
    assertEquals(List.of("4", "10", "718", "3877", "18.5", "4.3"), ev.get(1).args());
    assertEquals("dave.pcapng#1231", Incidents.at(ev.get(1)));
    assertEquals(List.of("2", "18", "0", "1880", "0.0", "6.7"), ev.get(2).args());
    assertEquals(List.of(List.of("1", "0.0"), List.of("2", "0.0"), List.of("4", "18.5")),
        ev.subList(3, 6).stream().map(Evidence::args).toList());
    assertEquals("Paketverlust bei 4 gleichzeitigen Anruf(en): 18,5 %",
        new FindingText(Locale.GERMAN).evidence(f, ev.get(5)));
    assertEquals("Packet loss with 4 call(s) at once: 18.5 %",
        new FindingText(Locale.ENGLISH).evidence(f, ev.get(5)));
  }

  @Test
  void fires_when_loss_comes_with_six_calls_at_once_and_goes_with_one() throws IOException {
    // every 10th packet lost, both ways, while six calls run
    Path capture = sixCalls("congested.pcap",
        (d, i, t) -> t >= BUSY_FROM_MS && t < BUSY_TO_MS && i % 10 == 5);
    List<Finding> found = Incidents.findings(RULE, capture);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("calls", f.subject());
    assertEquals("6", f.titleArgs().get(0));
    double peakLoss = Double.parseDouble(f.titleArgs().get(1));
    assertTrue(peakLoss >= 9.0 && peakLoss <= 10.5, f.titleArgs().toString());
    assertEquals("0.0", f.titleArgs().get(2));
    List<Evidence> ev = f.evidence();
    assertEquals(List.of("estimate", "peak", "calm", "by_calls", "by_calls"),
        ev.stream().map(Evidence::key).toList());
    // (160 bytes G.711 + 58 bytes headers) * 8 * 50 packets/s = 87.2 kbit/s; six calls 523.2
    assertEquals(List.of("PCMU", "20", "87.2", "6", "523.2"), ev.get(0).args());
    assertEquals("rtp.p_type == 0", ev.get(0).displayFilter());
    assertEquals("6", ev.get(1).args().get(0));
    int peakSeconds = Integer.parseInt(ev.get(1).args().get(1));
    assertTrue(peakSeconds >= 18 && peakSeconds <= 21, ev.get(1).args().toString());
    assertEquals(List.of("3", "0", "0.0"), List.of(ev.get(2).args().get(0), ev.get(2).args().get(2),
        ev.get(2).args().get(4)));
    int calmSeconds = Integer.parseInt(ev.get(2).args().get(1));
    assertTrue(calmSeconds >= 38 && calmSeconds <= 41, ev.get(2).args().toString());
    assertEquals(List.of("1", "0.0"), ev.get(3).args());
    assertEquals(List.of("measure_uplink", "qos", "codec", "limit_calls"),
        f.advice().stream().map(a -> a.key()).toList());
  }

  @Test
  void counts_each_stream_once_when_a_call_is_seen_at_two_capture_points() throws IOException {
    // the phones' capture, then a proxy's with the same calls' SIP only: every call appears
    // twice in the incident, each stream once
    SyntheticCalls c = sixCalls((d, i, t) -> t >= BUSY_FROM_MS && t < BUSY_TO_MS && i % 10 == 5);
    Path phones = c.writeTo(dir.resolve("phones.pcap"));
    Path proxy = c.writeSipTo(dir.resolve("proxy.pcap"));
    List<Finding> once = Incidents.findings(RULE, phones);
    List<Finding> twice = Incidents.findings(RULE, phones, proxy);
    assertEquals(1, twice.size(), twice.toString());
    assertEquals(once.get(0).titleArgs(), twice.get(0).titleArgs());
    assertEquals(once.get(0).evidence().get(1).args(), twice.get(0).evidence().get(1).args());
  }

  @Test
  void silent_when_six_calls_at_once_lose_nothing() throws IOException {
    assertTrue(Incidents.findings(RULE, sixCalls("clean.pcap", Loss.NONE)).isEmpty());
  }

  @Test
  void silent_when_loss_does_not_depend_on_the_number_of_calls() throws IOException {
    // every 10th packet lost all the time (a bad line or Wi-Fi): POOR_QUALITY, not bandwidth
    assertTrue(Incidents.findings(RULE, sixCalls("lossy.pcap", (d, i, t) -> i % 10 == 5)).isEmpty());
  }

  @Test
  void silent_when_the_loss_is_at_the_limit() throws IOException {
    // every 34th packet lost while busy: 2.9 %, not above 3 %
    Path capture = sixCalls("edge.pcap",
        (d, i, t) -> t >= BUSY_FROM_MS && t < BUSY_TO_MS && i % 34 == 5);
    assertTrue(Incidents.findings(RULE, capture).isEmpty());
  }

  @Test
  void silent_on_one_call_with_loss() throws IOException {
    SyntheticCalls c = new SyntheticCalls();
    call(c, 1, 0, 60_000, (d, i, t) -> t >= BUSY_FROM_MS && t < BUSY_TO_MS && i % 10 == 5);
    assertTrue(Incidents.findings(RULE, c.writeTo(dir.resolve("one.pcap"))).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_lab_scenarios(String scenario) {
    assertTrue(Incidents.findings(RULE, LabCaptures.of(scenario)).isEmpty(), scenario);
  }

  private Path sixCalls(String name, Loss loss) throws IOException {
    return sixCalls(loss).writeTo(dir.resolve(name));
  }

  private static SyntheticCalls sixCalls(Loss loss) {
    SyntheticCalls c = new SyntheticCalls();
    call(c, 1, -1_120, 60_000, loss);
    for (int n = 2; n <= 6; n++) {
      call(c, n, BUSY_FROM_MS - 1_120 + n * 7, 20_000, loss);
    }
    return c;
  }

  /** Call {@code n}: 192.0.2.n to 198.51.100.n, media from {@code atMs + 120} for {@code talkMs}. */
  private static void call(SyntheticCalls c, int n, long atMs, long talkMs, Loss loss) {
    Party caller = new Party("a" + n, "192.0.2." + n, 4000 + 2 * n);
    Party callee = new Party("b" + n, "198.51.100." + n, 6000 + 2 * n);
    c.answeredCall("bw" + n, atMs + 1_000, caller, callee, sdp(caller.address(), caller.rtpPort(), "0"),
        sdp(callee.address(), callee.rtpPort(), "0"), talkMs, 0, 20, 160, loss);
  }
}
