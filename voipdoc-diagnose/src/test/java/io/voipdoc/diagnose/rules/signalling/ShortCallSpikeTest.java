package io.voipdoc.diagnose.rules.signalling;

import static io.voipdoc.diagnose.Incidents.at;
import static io.voipdoc.diagnose.SyntheticCalls.invite;
import static io.voipdoc.diagnose.SyntheticCalls.response;
import static io.voipdoc.diagnose.SyntheticCalls.sdp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.SyntheticCalls;
import io.voipdoc.diagnose.SyntheticCalls.Party;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShortCallSpikeTest {
  private static final ShortCallSpike RULE = new ShortCallSpike();
  private static final Party ALICE = new Party("alice", "192.0.2.10", 4000);
  private static final Party BOB = new Party("bob", "198.51.100.20", 6000);

  @TempDir Path dir;

  @Test
  void fires_on_the_lab_calls_hung_up_after_two_seconds() {
    List<Finding> found = Incidents.findings(RULE, LabCaptures.of("short-call-spike"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("8", "12", "67", "5"), f.titleArgs());
    List<Evidence> ev = f.evidence();
    assertEquals(List.of("<5 s: 8, 5-30 s: 4, 30-120 s: 0, 120-600 s: 0, >=600 s: 0", "2.6"),
        ev.get(1).args());
    // the first short call: bob's BYE 2.6 s after the 200 OK he received (README)
    assertEquals("short_call", ev.get(2).key());
    assertEquals("bob.pcapng#268", at(ev.get(2)));
    assertEquals(List.of("1", "bob", "dave", "2.6", "caller"), ev.get(2).args());
    assertEquals(10, ev.size());
    // who hung up and the talk time in the reader's words and numbers
    assertEquals("Anruf 1 von bob an dave endete nach 2,6 s; aufgelegt hat der Anrufer",
        new FindingText(Locale.GERMAN).evidence(f, ev.get(2)));
    assertEquals("Call 1 from bob to dave ended after 2.6 s; the caller hung up",
        new FindingText(Locale.ENGLISH).evidence(f, ev.get(2)));
  }

  @Test
  void silent_on_the_lab_with_one_short_call_among_ten() {
    assertTrue(Incidents.findings(RULE, LabCaptures.of("many-calls")).isEmpty());
  }

  /** Synthetic from here: talk times exactly where the thresholds are. */
  @Test
  void fires_when_eight_of_twelve_answered_calls_end_within_two_seconds() throws IOException {
    // calls 1-8 last 2 s, calls 9-12 last 60 s; every call starts 70 s after the one before
    Path capture = calls("spike.pcap", 12, i -> i <= 8 ? 2_000 : 60_000);
    List<Finding> found = Incidents.findings(RULE, capture);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("calls", f.subject());
    assertEquals(List.of("8", "12", "67", "5"), f.titleArgs());
    List<Evidence> ev = f.evidence();
    assertEquals(List.of("8", "12", "67", "30", "5"), ev.get(0).args());
    assertEquals(List.of("<5 s: 8, 5-30 s: 0, 30-120 s: 4, 120-600 s: 0, >=600 s: 0", "2.0"),
        ev.get(1).args());
    assertEquals(10, ev.size());
    // one line per short call, at its BYE: INVITE, 200, ACK, BYE are frames 1-4
    assertEquals("short_call", ev.get(2).key());
    assertEquals(List.of("1", "alice", "bob1", "2.0", "caller"), ev.get(2).args());
    assertEquals("spike.pcap#4", at(ev.get(2)));
    assertEquals("sip.Call-ID == \"c1\" && sip.Method == \"BYE\"", ev.get(2).displayFilter());
    assertEquals(List.of("8", "alice", "bob8", "2.0", "caller"), ev.get(9).args());
    assertEquals(List.of("who_hangs_up", "media", "transfers", "far_end"),
        f.advice().stream().map(a -> a.key()).toList());
  }

  @Test
  void counts_a_call_seen_at_two_capture_points_once() throws IOException {
    // 3 of 10 calls short: 30 %, not above; read twice, it must not become 6 of 20 or more
    SyntheticCalls c = new SyntheticCalls();
    for (int i = 1; i <= 10; i++) {
      c.answeredCall("c" + i, (i - 1) * 70_000L, ALICE, new Party("bob" + i, BOB.address(), 6000),
          i <= 3 ? 1_000 : 30_000);
    }
    Path first = c.writeTo(dir.resolve("phone.pcap"));
    Path second = c.writeSipTo(dir.resolve("proxy.pcap"));
    // calls 1-9 were handed out before the second capture was read and appear twice; the last
    // was still open and took in its copies: 19 calls, 6 of them short (31.6 %) if counted twice
    assertEquals(19, Incidents.of(first, second).calls().size());
    assertTrue(Incidents.findings(RULE, first, second).isEmpty());
  }

  @Test
  void lists_ten_short_calls_and_counts_the_rest() throws IOException {
    List<Finding> found = Incidents.findings(RULE, calls("many.pcap", 14, i -> 1_000));
    assertEquals(1, found.size(), found.toString());
    List<Evidence> ev = found.get(0).evidence();
    assertEquals(13, ev.size());
    assertEquals("more", ev.get(12).key());
    assertEquals(List.of("4"), ev.get(12).args());
  }

  @Test
  void fires_just_above_the_usual_share() throws IOException {
    // 4 of 12 = 33 % > 30 %
    assertEquals(1, Incidents.findings(RULE, calls("edge-in.pcap", 12, i -> i <= 4 ? 4_900 : 30_000)).size());
  }

  @Test
  void silent_at_the_usual_share() throws IOException {
    // 3 of 10 = 30 %, not above
    assertTrue(Incidents.findings(RULE, calls("edge.pcap", 10, i -> i <= 3 ? 1_000 : 30_000)).isEmpty());
  }

  @Test
  void silent_when_calls_last_just_over_the_short_limit() throws IOException {
    assertTrue(Incidents.findings(RULE, calls("five.pcap", 12, i -> 5_000)).isEmpty());
  }

  @Test
  void silent_on_a_handful_of_short_test_calls() throws IOException {
    assertTrue(Incidents.findings(RULE, calls("handful.pcap", 9, i -> 1_000)).isEmpty());
  }

  @Test
  void silent_when_the_short_ones_were_never_answered() throws IOException {
    // 10 normal calls, and 10 calls rejected with 486 Busy Here at once: not answered, not short
    SyntheticCalls c = new SyntheticCalls();
    for (int i = 1; i <= 10; i++) {
      c.answeredCall("c" + i, i * 70_000L, ALICE, new Party("bob" + i, BOB.address(), 6000), 30_000);
    }
    for (int i = 1; i <= 10; i++) {
      Party bob = new Party("busy" + i, BOB.address(), 6000);
      String id = "r" + i;
      c.sip(800_000L + i * 1_000L, ALICE.address(), BOB.address(),
          invite(id, ALICE, bob, sdp(ALICE.address(), 4000, "0")));
      c.sip(800_000L + i * 1_000L + 50, BOB.address(), ALICE.address(),
          response(id, ALICE, bob, "486 Busy Here", "INVITE", 1, ""));
    }
    assertTrue(Incidents.findings(RULE, c.writeTo(dir.resolve("busy.pcap"))).isEmpty());
  }

  @Test
  void silent_when_calls_are_still_running_at_the_end_of_the_capture() throws IOException {
    // 12 answered calls without BYE: the capture ended 1 s after the last answer
    SyntheticCalls c = new SyntheticCalls();
    for (int i = 1; i <= 12; i++) {
      Party bob = new Party("bob" + i, BOB.address(), 6000);
      String id = "open" + i;
      c.sip(i * 100L, ALICE.address(), BOB.address(),
          invite(id, ALICE, bob, sdp(ALICE.address(), 4000, "0")));
      c.sip(i * 100L + 50, BOB.address(), ALICE.address(),
          response(id, ALICE, bob, "200 OK", "INVITE", 1, sdp(BOB.address(), 6000, "0")));
      c.sip(i * 100L + 60, ALICE.address(), BOB.address(),
          SyntheticCalls.request("ACK", id, ALICE, bob, 1));
    }
    assertTrue(Incidents.findings(RULE, c.writeTo(dir.resolve("open.pcap"))).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_lab_scenarios(String scenario) {
    assertTrue(Incidents.findings(RULE, LabCaptures.of(scenario)).isEmpty(), scenario);
  }

  /** Recipe: {@code n} calls from alice to bob1..bobN, one every 70 s, of the given talk times. */
  private Path calls(String name, int n, java.util.function.IntToLongFunction talkMs)
      throws IOException {
    SyntheticCalls c = new SyntheticCalls();
    for (int i = 1; i <= n; i++) {
      c.answeredCall("c" + i, (i - 1) * 70_000L, ALICE, new Party("bob" + i, BOB.address(), 6000),
          talkMs.applyAsLong(i));
    }
    return c.writeTo(dir.resolve(name));
  }
}
