package io.voipdoc.diagnose.rules.nat;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.SyntheticCalls;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipAlgTamperingTest {
  private static final SipAlgTampering RULE = new SipAlgTampering();

  @Test
  void fires_when_the_same_invite_differs_between_lan_and_wan() {
    List<Finding> found =
        Incidents.findingsMerged(
            RULE,
            Incidents.lab("sip-alg-tampering", "nat1-lan.pcapng"),
            Incidents.lab("sip-alg-tampering", "nat1-wan.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("call 1", f.subject());
    List<Evidence> ev = f.evidence();
    assertEquals("rewritten", ev.get(0).key());
    assertEquals("nat1-wan.pcapng#5", at(ev.get(0)));
    assertEquals("INVITE", ev.get(0).args().get(0));
    assertEquals(
        "sip.Call-ID == \"" + ev.get(0).displayFilter().split("\"")[1]
            + "\" && sip.Via.branch == \"z9hG4bKe6c69445cf9e80cd\"",
        ev.get(0).displayFilter());
    assertEquals(List.of("Via", "192.168.1.10:5060", "203.0.113.11:5060"), ev.get(1).args());
    assertEquals("Contact", ev.get(2).args().get(0));
    assertEquals("sip:alice-0x56365f5f1bd0@192.168.1.10:5060", ev.get(2).args().get(1));
    assertEquals("sip:alice-0x56365f5f1bd0@203.0.113.11:5060", ev.get(2).args().get(2));
    assertEquals(
        List.of("SDP o=", "o=- 1016409226 1426060427 IN IP4 192.168.1.10",
            "o=- 1016409226 1426060427 IN IP4 203.0.113.11"),
        ev.get(3).args());
    assertEquals(List.of("SDP c=", "c=IN IP4 192.168.1.10", "c=IN IP4 203.0.113.11"),
        ev.get(4).args());
    assertEquals("original", ev.get(5).key());
    assertEquals("nat1-lan.pcapng#5", at(ev.get(5)));
    // the ACK and BYE of the call were rewritten too (Via only); the REGISTER is no call's
    assertEquals(
        List.of("rewritten@nat1-wan.pcapng#5", "rewritten@nat1-wan.pcapng#11",
            "rewritten@nat1-wan.pcapng#566"),
        ev.stream().filter(e -> e.key().equals("rewritten")).map(e -> e.key() + "@" + at(e))
            .toList());
  }

  @Test
  void fires_whichever_capture_is_read_first() {
    List<Finding> found =
        Incidents.findingsMerged(
            RULE,
            Incidents.lab("sip-alg-tampering", "nat1-wan.pcapng"),
            Incidents.lab("sip-alg-tampering", "nat1-lan.pcapng"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("nat1-wan.pcapng#5", at(found.get(0).evidence().get(0)));
  }

  /**
   * The Linux ALG of the lab rewrites Via, Contact, o=, c= and Content-Length consistently: its WAN
   * capture alone shows nothing inconsistent.
   */
  @Test
  void silent_on_one_capture_alone_when_the_alg_rewrites_consistently() {
    assertTrue(
        Incidents.findingsMerged(RULE, Incidents.lab("sip-alg-tampering", "nat1-wan.pcapng")).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "nat-call-stun, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "nat-binding-expired, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "ice-only-private-candidates, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "ack-lost-private-contact, nat1-lan.pcapng, pbx.pcapng, pbx.pcapng",
    "ice-call, nat1-wan.pcapng, nat2-wan.pcapng, pbx.pcapng",
    "turn-relay-call, nat2-wan.pcapng, turn.pcapng, pbx.pcapng",
    "direct-call, bob.pcapng, pbx.pcapng, pbx.pcapng",
    "blind-transfer, dave.pcapng, pbx.pcapng, pbx.pcapng",
    "hold-resume, bob.pcapng, pbx.pcapng, pbx.pcapng",
  })
  void silent_when_a_nat_or_proxy_changes_only_headers_or_its_own_hop(
      String scenario, String a, String b, String c) {
    assertTrue(
        Incidents.findingsMerged(
                RULE,
                Incidents.lab(scenario, a),
                Incidents.lab(scenario, b),
                Incidents.lab(scenario, c))
            .isEmpty());
  }

  // Inside one capture. Synthetic captures: the lab's ALG (Linux nf_nat_sip) rewrites every
  // field it touches consistently, so the partial rewrites of other routers' ALGs are built with
  // SyntheticCalls. alice is 192.168.1.10 behind the router 203.0.113.11; the captures are taken
  // at the SIP server 198.51.100.10.

  @TempDir Path dir;

  @Test
  void fires_when_content_length_was_not_fixed_after_the_sdp_was_rewritten() throws IOException {
    // a phone at 10.0.0.10 (9 characters) behind a router at 203.0.113.11 (12): the router
    // rewrote o= and c=, so the body grew by 6 bytes, and kept the phone's Content-Length
    String body = sdp("203.0.113.11");
    int declared = sdp("10.0.0.10").length();
    Path capture = invite("content-length.pcap", 5060, "203.0.113.11:5060", "203.0.113.11:5060", body,
        declared);
    List<Finding> found = Incidents.findings(RULE, capture);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("alice", "bob", capture.toString(), capture.toString()), f.titleArgs());
    assertEquals(1, f.evidence().size(), f.evidence().toString());
    Evidence e = f.evidence().get(0);
    assertEquals("content_length", e.key());
    assertEquals(List.of("INVITE", String.valueOf(declared), String.valueOf(body.length())), e.args());
    assertEquals("content-length.pcap#1", at(e));
    assertEquals("frame.number == 1", e.displayFilter());
    assertEquals(List.of("disable_alg", "vendor_switch", "use_tls", "check_again"),
        f.advice().stream().map(a -> a.key()).toList());
    String title = new FindingText(Locale.ENGLISH).title(f);
    assertEquals("A router changes the SIP messages on their way to capture " + capture
        + " (a \"SIP ALG\", a router function that rewrites addresses in SIP): call alice to bob",
        title);
  }

  @Test
  void fires_when_via_and_contact_were_rewritten_but_not_the_sdp() throws IOException {
    String body = sdp("192.168.1.10");
    Path capture = invite("headers.pcap", 5060, "203.0.113.11:5060", "203.0.113.11:5060", body,
        body.length());
    List<Finding> found = Incidents.findings(RULE, capture);
    assertEquals(1, found.size(), found.toString());
    Evidence e = found.get(0).evidence().get(0);
    assertEquals("headers_public_sdp_private", e.key());
    assertEquals(List.of("INVITE", "203.0.113.11", "203.0.113.11:5060",
        "sip:alice@203.0.113.11:5060", "192.168.1.10"), e.args());
    assertEquals(1, found.get(0).evidence().size());
  }

  @Test
  void fires_when_the_via_port_is_the_routers_and_the_host_is_the_phones() throws IOException {
    // the router changed the source port to 40123 and wrote it into Via, host untouched
    String body = sdp("192.168.1.10");
    Path capture = invite("port.pcap", 40123, "192.168.1.10:40123", "192.168.1.10:5060", body,
        body.length());
    List<Finding> found = Incidents.findings(RULE, capture);
    assertEquals(1, found.size(), found.toString());
    Evidence e = found.get(0).evidence().get(0);
    assertEquals("port_rewritten", e.key());
    assertEquals(List.of("INVITE", "203.0.113.11:40123", "192.168.1.10:40123",
        "sip:alice@192.168.1.10:5060"), e.args());
  }

  @Test
  void silent_when_a_stun_phone_announces_its_public_media_address_only() throws IOException {
    // RFC 8489 STUN for the media socket: public SDP, private Via and Contact, nothing rewritten
    String body = sdp("203.0.113.11");
    Path capture = invite("stun.pcap", 5060, "192.168.1.10:5060", "192.168.1.10:5060", body,
        body.length());
    assertTrue(Incidents.findings(RULE, capture).isEmpty());
  }

  @Test
  void silent_when_the_phone_itself_sent_a_wrong_content_length_in_the_lan() throws IOException {
    // seen in the LAN, before any router: a phone bug, not an ALG
    String body = sdp("192.168.1.10");
    SyntheticCalls c = new SyntheticCalls();
    c.sip(0, "192.168.1.10", "198.51.100.10",
        inviteText("192.168.1.10:5060", "192.168.1.10:5060", body, body.length() + 7));
    assertTrue(Incidents.findings(RULE, c.writeTo(dir.resolve("lan.pcap"))).isEmpty());
  }

  @Test
  void silent_when_nothing_was_rewritten_behind_the_router() throws IOException {
    String body = sdp("192.168.1.10");
    Path capture = invite("plain.pcap", 5060, "192.168.1.10:5060", "192.168.1.10:5060", body,
        body.length());
    assertTrue(Incidents.findings(RULE, capture).isEmpty());
  }

  /** Recipe: alice's INVITE as it left the router from 203.0.113.11:{@code sourcePort}. */
  private Path invite(String name, int sourcePort, String via, String contact, String body,
      int contentLength) throws IOException {
    SyntheticCalls c = new SyntheticCalls();
    c.frame(0, Packets.ethernet(Packets.ipv4("203.0.113.11", "198.51.100.10", 17,
        Packets.udp(sourcePort, 5060, Packets.text(inviteText(via, contact, body, contentLength))))));
    return c.writeTo(dir.resolve(name));
  }

  private static String inviteText(String via, String contact, String body, int contentLength) {
    return "INVITE sip:bob@198.51.100.10 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP " + via + ";branch=z9hG4bKalg1;rport\r\n"
        + "From: <sip:alice@198.51.100.10>;tag=a1\r\nTo: <sip:bob@198.51.100.10>\r\n"
        + "Call-ID: alg1@192.168.1.10\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@" + contact + ">\r\n"
        + "Max-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: " + contentLength
        + "\r\n\r\n" + body;
  }

  private static String sdp(String address) {
    return "v=0\r\no=- 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
        + "m=audio 18350 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
  }
}
