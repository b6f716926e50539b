package io.voipdoc.diagnose.rules.ice;

import static io.voipdoc.diagnose.Incidents.at;
import static io.voipdoc.diagnose.SyntheticCalls.invite;
import static io.voipdoc.diagnose.SyntheticCalls.request;
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
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Synthetic captures: baresip 1.0 in the lab always offers its host candidates, and no software
 * the lab has filters them, so the failing case is built with {@link SyntheticCalls}. The LAN is
 * 192.168.1.0/24 behind the router 203.0.113.11; alice (192.168.1.10) offers only her srflx
 * candidate; the controller (192.168.1.5) answers with its host candidate and checks alice's
 * public one, which the router does not loop back.
 */
class IceNoPrivateCandidateTest {
  private static final IceNoPrivateCandidate RULE = new IceNoPrivateCandidate();
  private static final Party ALICE = new Party("alice", "192.168.1.10", 40000);
  private static final Party CONTROLLER = new Party("xcc", "192.168.1.5", 20000);
  private static final String ALICE_SRFLX =
      "a=candidate:2 1 UDP 1686052607 203.0.113.11 40000 typ srflx raddr 192.168.1.10 rport 40000";

  @TempDir Path dir;

  @Test
  void fires_when_a_lan_client_offers_only_its_srflx_candidate_to_a_controller_in_the_same_nat()
      throws IOException {
    String answer = sdp(CONTROLLER.address(), 20000, "0", "a=ice-ufrag:ctrl", "a=ice-pwd:ctrlpwdctrlpwdctrlpwd00",
        "a=candidate:1 1 UDP 2130706431 192.168.1.5 20000 typ host",
        "a=candidate:2 1 UDP 1686052607 203.0.113.11 20000 typ srflx raddr 192.168.1.5 rport 20000");
    Path capture = capture("same-nat.pcap", answer, false);
    List<Finding> found = Incidents.findings(RULE, capture);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("caller", "srflx 203.0.113.11:40000", "192.168.1.5"), f.titleArgs());
    List<Evidence> ev = f.evidence();
    assertEquals(List.of("public_only", "behind_nat", "peer_private", "same_nat", "check_unanswered"),
        ev.stream().map(Evidence::key).toList());
    assertEquals("same-nat.pcap#1", at(ev.get(0)));
    assertEquals(List.of("caller", "srflx 203.0.113.11:40000", "offer"), ev.get(0).args());
    assertEquals("SDP (Angebot) der einen Seite (Anrufer) mit den Kandidaten srflx 203.0.113.11:40000:"
        + " keiner auf einer privaten Adresse, also kein direkter Weg innerhalb des LANs",
        new FindingText(Locale.GERMAN).evidence(f, ev.get(0)));
    assertEquals(List.of("192.168.1.10"), ev.get(1).args());
    assertEquals("same-nat.pcap#2", at(ev.get(2)));
    assertEquals(List.of("203.0.113.11"), ev.get(3).args());
    assertEquals(List.of("192.168.1.5:20000", "203.0.113.11:40000"), ev.get(4).args());
    assertEquals("same-nat.pcap#4", at(ev.get(4)));
    assertEquals(List.of("candidate_filter", "acl", "hairpin"),
        f.advice().stream().map(a -> a.key()).toList());
  }

  @Test
  void fires_when_the_controller_has_no_srflx_and_alice_is_in_its_subnet() throws IOException {
    String answer = sdp(CONTROLLER.address(), 20000, "0", "a=ice-ufrag:ctrl", "a=ice-pwd:ctrlpwdctrlpwdctrlpwd00",
        "a=candidate:1 1 UDP 2130706431 192.168.1.5 20000 typ host");
    List<Finding> found = Incidents.findings(RULE, capture("subnet.pcap", answer, false));
    assertEquals(1, found.size(), found.toString());
    assertEquals("same_subnet", found.get(0).evidence().get(3).key());
    assertEquals(List.of("192.168.1.10"), found.get(0).evidence().get(3).args());
  }

  @Test
  void silent_when_a_check_to_the_public_candidate_succeeds() throws IOException {
    // the router loops back (hairpinning): the call works although the host candidate is missing
    String answer = sdp(CONTROLLER.address(), 20000, "0", "a=ice-ufrag:ctrl", "a=ice-pwd:ctrlpwdctrlpwdctrlpwd00",
        "a=candidate:1 1 UDP 2130706431 192.168.1.5 20000 typ host");
    assertTrue(Incidents.findings(RULE, capture("hairpin.pcap", answer, true)).isEmpty());
  }

  @Test
  void silent_when_the_peer_is_behind_another_nat() throws IOException {
    // carol in another LAN with her own srflx: the two meet through their public addresses
    String answer = sdp("192.168.2.10", 20000, "0", "a=ice-ufrag:ctrl", "a=ice-pwd:ctrlpwdctrlpwdctrlpwd00",
        "a=candidate:1 1 UDP 2130706431 192.168.2.10 20000 typ host",
        "a=candidate:2 1 UDP 1686052607 203.0.113.12 20000 typ srflx raddr 192.168.2.10 rport 20000");
    assertTrue(Incidents.findings(RULE, capture("two-nats.pcap", answer, false)).isEmpty());
  }

  @Test
  void silent_when_an_ice_lite_server_offers_one_public_host_candidate() throws IOException {
    // a public ICE lite server answers a LAN client that offered host and srflx candidates
    Party server = new Party("server", "198.51.100.10", 30000);
    String offer = sdp(ALICE.address(), 40000, "0", "a=ice-ufrag:alic", "a=ice-pwd:alicepwdalicepwdalicepwd",
        "a=candidate:1 1 UDP 2130706431 192.168.1.10 40000 typ host", ALICE_SRFLX);
    String answer = "v=0\r\no=- 1 1 IN IP4 198.51.100.10\r\ns=-\r\nc=IN IP4 198.51.100.10\r\nt=0 0\r\n"
        + "a=ice-lite\r\nm=audio 30000 RTP/AVP 0\r\na=ice-ufrag:srv1\r\na=ice-pwd:srvpwdsrvpwdsrvpwdsrvpwd\r\n"
        + "a=candidate:1 1 UDP 2130706431 198.51.100.10 30000 typ host\r\n";
    SyntheticCalls calls = new SyntheticCalls();
    calls.sip(0, ALICE.address(), server.address(), invite("lite", ALICE, server, offer));
    calls.sip(100, server.address(), ALICE.address(),
        response("lite", ALICE, server, "200 OK", "INVITE", 1, answer));
    calls.sip(110, ALICE.address(), server.address(), request("ACK", "lite", ALICE, server, 1));
    Path capture = dir.resolve("lite.pcap");
    try (var out = java.nio.file.Files.newOutputStream(capture)) {
      calls.writeTo(out);
    }
    assertTrue(Incidents.findings(RULE, capture).isEmpty());
  }

  static String[] iceLabScenarios() {
    return new String[] {"ice-call", "turn-relay-call", "ice-only-private-candidates",
        "ice-no-binding-success"};
  }

  @ParameterizedTest
  @MethodSource({"iceLabScenarios", "io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy"})
  void silent_on_lab_scenarios_with_and_without_ice(String scenario) {
    assertTrue(Incidents.findings(RULE, LabCaptures.of(scenario)).isEmpty(), scenario);
  }

  @Test
  void silent_when_both_sides_offer_host_candidates() throws IOException {
    String answer = sdp(CONTROLLER.address(), 20000, "0", "a=ice-ufrag:ctrl", "a=ice-pwd:ctrlpwdctrlpwdctrlpwd00",
        "a=candidate:1 1 UDP 2130706431 192.168.1.5 20000 typ host");
    String offer = sdp(ALICE.address(), 40000, "0", "a=ice-ufrag:alic", "a=ice-pwd:alicepwdalicepwdalicepwd",
        "a=candidate:1 1 UDP 2130706431 192.168.1.10 40000 typ host", ALICE_SRFLX);
    assertTrue(Incidents.findings(RULE, capture("hosts.pcap", offer, answer, false)).isEmpty());
  }

  private Path capture(String name, String answer, boolean hairpin) throws IOException {
    String offer = sdp("203.0.113.11", 40000, "0", "a=ice-ufrag:alic", "a=ice-pwd:alicepwdalicepwdalicepwd",
        ALICE_SRFLX);
    return capture(name, offer, answer, hairpin);
  }

  /**
   * Recipe: INVITE (frame 1), 200 OK (frame 2), ACK (frame 3); then the controller's check of
   * alice's srflx candidate (frame 4), retransmitted at 100 ms and 300 ms, answered only when
   * {@code hairpin}.
   */
  private Path capture(String name, String offer, String answer, boolean hairpin)
      throws IOException {
    SyntheticCalls calls = new SyntheticCalls();
    calls.sip(0, ALICE.address(), CONTROLLER.address(), invite("ice1", ALICE, CONTROLLER, offer));
    calls.sip(100, CONTROLLER.address(), ALICE.address(),
        response("ice1", ALICE, CONTROLLER, "200 OK", "INVITE", 1, answer));
    calls.sip(110, ALICE.address(), CONTROLLER.address(), request("ACK", "ice1", ALICE, CONTROLLER, 1));
    for (long at : new long[] {200, 300, 500}) {
      calls.frame(at * 1_000_000L, Packets.ethernet(Packets.ipv4(CONTROLLER.address(), "203.0.113.11", 17,
          Packets.udp(20000, 40000, SyntheticCalls.stun(false, 1, "alic:ctrl")))));
      if (hairpin) {
        calls.frame(at * 1_000_000L + 1_000_000L, Packets.ethernet(Packets.ipv4("203.0.113.11",
            CONTROLLER.address(), 17, Packets.udp(40000, 20000, SyntheticCalls.stun(true, 1, "")))));
        break;
      }
    }
    Path capture = dir.resolve(name);
    try (var out = java.nio.file.Files.newOutputStream(capture)) {
      calls.writeTo(out);
    }
    return capture;
  }
}
