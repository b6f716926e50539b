package io.voipdoc.diagnose.rules.media;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OneWayAudioTest {
  private static final OneWayAudio RULE = new OneWayAudio();

  private static List<Finding> lab(String scenario, String... captures) {
    return Incidents.findingsInLabMerged(RULE, scenario, captures);
  }

  @Test
  void fires_when_the_nat_drops_inbound_rtp() {
    List<Finding> found = lab("one-way-audio", "nat1-lan.pcapng", "nat1-wan.pcapng", "pbx.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals("203.0.113.20:19520", f.titleArgs().get(0));
    assertEquals("192.168.1.10:14972", f.titleArgs().get(1));
    // alice's RTP on the LAN, nothing back on the LAN, bob's RTP seen on the WAN side
    assertEquals("nat1-lan.pcapng#13", at(f.evidence().get(0)));
    assertEquals(
        "ip.src == 192.168.1.10 && udp.srcport == 14972 && ip.dst == 203.0.113.20 && udp.dstport == 19520",
        f.evidence().get(0).displayFilter());
    assertNull(f.evidence().get(1).frame());
    // where it vanished: bob's first RTP packet on the WAN side, never on the LAN side
    assertEquals(3, f.evidence().size(), f.evidence().toString());
    assertEquals("vanished", f.evidence().get(2).key());
    assertEquals("nat1-wan.pcapng#15", at(f.evidence().get(2)));
    List<String> args = f.evidence().get(2).args();
    assertEquals(List.of("203.0.113.20:19520", "203.0.113.11:14972", "nat1-wan.pcapng", "326",
            "nat1-lan.pcapng"),
        List.of(args.get(0), args.get(1), Path.of(args.get(2)).getFileName().toString(),
            args.get(3), Path.of(args.get(4)).getFileName().toString()));
  }

  @Test
  void fires_when_the_peer_sends_to_a_private_address() {
    List<Finding> found = lab("private-address-in-sdp", "bob.pcapng", "nat1-lan.pcapng", "pbx.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("nat1-lan.pcapng#11", at(f.evidence().get(0)));
    // bob's RTP towards 192.168.1.10 left bob and never reached alice's LAN
    assertEquals("bob.pcapng#12", at(f.evidence().get(2)));
    assertEquals("192.168.1.10:10860", f.evidence().get(2).args().get(1));
  }

  @Test
  void fires_when_the_nat_remaps_the_port() {
    List<Finding> found = lab("nat-port-remapped", "bob.pcapng", "nat1-lan.pcapng", "nat1-wan.pcapng");
    assertEquals(1, found.size(), found.toString());
    assertEquals(
        List.of("flowing@nat1-lan.pcapng#13", "missing@-", "seen_elsewhere@bob.pcapng#12",
            "vanished@nat1-wan.pcapng#15"),
        found.get(0).evidence().stream().map(e -> e.key() + "@" + at(e)).toList());
  }

  @Test
  void fires_on_a_corpus_call_where_only_the_caller_sends() {
    // sipp plays audio from the caller only; both SDPs are sendrecv and the loopback capture
    // would see the callee's packets, so the call is one-way in this capture
    List<Finding> found = Incidents.findings(RULE, Incidents.corpus("sip/pkts-sip_rtp.pcap"));
    assertEquals(1, found.size());
    assertEquals("pkts-sip_rtp.pcap#5", at(found.get(0).evidence().get(0)));
    assertEquals("127.0.0.1:6000", found.get(0).titleArgs().get(0));
  }

  @Test
  void silent_at_a_single_capture_point_that_sees_both_directions() {
    // the WAN side of the NAT alone sees both directions: nothing to report there
    assertTrue(lab("one-way-audio", "nat1-wan.pcapng").isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "direct-call, bob.pcapng, pbx.pcapng",
    "hold-resume, bob.pcapng, pbx.pcapng",
    "blind-transfer, dave.pcapng, pbx.pcapng",
    "nat-call-stun, nat1-lan.pcapng, nat1-wan.pcapng",
    "ice-call, nat1-wan.pcapng, nat2-wan.pcapng",
    "sip-alg-tampering, nat1-lan.pcapng, nat1-wan.pcapng",
    "media-address-mismatch, bob.pcapng, pbx.pcapng",
    "ack-lost-private-contact, nat1-lan.pcapng, pbx.pcapng",
  })
  void silent_when_both_directions_flow(String scenario, String a, String b) {
    assertTrue(lab(scenario, a, b).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "sip/sipnab-invite-opus-bye.pcap",
    "sip/sipnab-sip-rtp-g729a.pcap",
    "sip/sipnab-sip-rtp-g711.pcap",
    // two calls reuse port 4376: each direction is linked to another call
    "sip/sipnab-SIP_DTMF2.cap",
  })
  void silent_on_corpus_calls_with_two_way_audio_or_one_way_by_sdp(String name) {
    assertTrue(Incidents.findings(RULE, Incidents.corpus(name)).isEmpty());
  }
  /**
   * SIPp calls a SIPp server on 127.0.0.1 and plays audio; the server never sends any. Nothing on
   * the loopback interface can drop packets, so the silent side never sent: information pointing
   * at that program, not an error with firewall advice.
   */
  @Test
  void informs_when_a_program_on_the_same_host_never_sends() {
    List<Finding> found = Incidents.findings(RULE, Incidents.corpus("sip/pkts-sip_rtp.pcap"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertEquals(List.of("127.0.0.1:6000", "127.0.0.1:6001"), f.titleArgs().subList(0, 2));
    assertEquals("pkts-sip_rtp.pcap#5", at(f.evidence().get(0)));
    assertEquals(List.of("flowing", "never_sent"), f.evidence().stream().map(e -> e.key()).toList());
    assertEquals(List.of("check_sender"), f.advice().stream().map(a -> a.key()).toList());
    assertEquals(List.of("127.0.0.1:6000"), f.advice().get(0).args());
  }
}
