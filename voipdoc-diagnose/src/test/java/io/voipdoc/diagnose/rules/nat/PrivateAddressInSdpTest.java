package io.voipdoc.diagnose.rules.nat;

import static io.voipdoc.diagnose.Incidents.at;
import static io.voipdoc.diagnose.Incidents.findingsInLab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivateAddressInSdpTest {
  private static final PrivateAddressInSdp RULE = new PrivateAddressInSdp();



  @Test
  void fires_when_a_private_sdp_address_crosses_the_internet_unchanged() {
    List<Finding> found =
        findingsInLab(RULE, "private-address-in-sdp", "bob.pcapng", "nat1-lan.pcapng", "pbx.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    assertEquals(List.of("192.168.1.10:10860", "203.0.113.11"), f.titleArgs());
    // alice's INVITE reaching the proxy through her NAT, then forwarded to bob, then bob's RTP
    assertEquals("pbx.pcapng#9", at(f.evidence().get(0)));
    assertEquals("udp:203.0.113.11:5060", "udp:" + f.evidence().get(0).args().get(1));
    assertEquals("frame.number == 9", f.evidence().get(0).displayFilter());
    assertTrue(f.evidence().stream().anyMatch(e -> at(e).equals("bob.pcapng#12")));
    // bob's RTP to the private address proves the loss: an error, the cause of the one-way audio
    assertEquals(Severity.ERROR, f.severity());
  }

  @Test
  void is_listed_before_the_one_way_audio_it_causes() {
    List<Finding> found = Diagnoser.diagnose(Incidents.of(
        Incidents.lab("private-address-in-sdp", "bob.pcapng"),
        Incidents.lab("private-address-in-sdp", "nat1-lan.pcapng"),
        Incidents.lab("private-address-in-sdp", "pbx.pcapng")));
    List<String> ids = found.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::id).toList();
    assertEquals(List.of("PRIVATE_ADDRESS_IN_SDP", "ONE_WAY_AUDIO"), ids);
  }

  @Test
  void silent_when_the_lan_capture_alone_shows_a_private_source() {
    assertTrue(findingsInLab(RULE, "private-address-in-sdp", "nat1-lan.pcapng").isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "one-way-audio, nat1-lan.pcapng, pbx.pcapng",
    "nat-call-stun, nat1-lan.pcapng, pbx.pcapng",
    "ack-lost-private-contact, nat1-lan.pcapng, pbx.pcapng",
    "sip-alg-tampering, nat1-lan.pcapng, nat1-wan.pcapng",
    "ice-only-private-candidates, nat1-lan.pcapng, pbx.pcapng",
    "direct-call, bob.pcapng, pbx.pcapng",
    "ice-call, nat1-wan.pcapng, pbx.pcapng",
  })
  void silent_when_stun_ice_or_the_proxy_fixes_the_address(String scenario, String a, String b) {
    assertTrue(findingsInLab(RULE, scenario, a, b).isEmpty());
  }

  @Test
  void silent_on_a_corpus_call_inside_one_private_network() {
    assertTrue(Incidents.findings(RULE, Incidents.corpus("sip/sipnab-sip-rtp-g711.pcap")).isEmpty());
  }

  @Test
  void private_ranges_follow_rfc_1918_and_6598() {
    for (String a : List.of("10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.10", "100.64.0.1",
        "100.127.255.254", "169.254.1.1", "fd00::1", "FE80::1")) {
      assertTrue(Addresses.isPrivate(a), a);
    }
    for (String a : List.of("172.15.0.1", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "203.0.113.11", "2001:db8::1", "alice.local", "192.168.1", "999.1.1.1")) {
      assertFalse(Addresses.isPrivate(a), a);
    }
  }
}
