package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic captures (test kit): no lab host runs a call controller on the same host as its UC
 * server. A softphone at 192.0.2.10 calls through the UC server at 192.0.2.1, whose local call
 * controller answers with media and Contact on 127.0.0.1; the capture is on the Ethernet side.
 */
class CaptureLoopbackMissingTest {
  private static final CaptureLoopbackMissing RULE = new CaptureLoopbackMissing();
  private static final long T0 = 1_700_000_000_000_000_000L;

  @Test
  void fires_when_the_answer_names_loopback_and_no_loopback_was_captured(@TempDir Path tmp) throws Exception {
    List<Finding> found = Fixtures.findings(RULE, call(tmp.resolve("eth.pcapng"), false));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("127.0.0.1:30000", f.titleArgs().get(1));
    assertEquals("eth.pcapng#2", at(f.evidence().get(0)));
    assertEquals("sdp_media", f.evidence().get(0).key());
  }

  @Test
  void silent_when_loopback_traffic_is_in_the_capture(@TempDir Path tmp) throws Exception {
    assertTrue(Fixtures.findings(RULE, call(tmp.resolve("any.pcapng"), true)).isEmpty());
  }

  @Test
  void silent_when_only_requests_name_loopback() {
    // sipvicious writes 127.0.0.1 into Via and Contact; nothing is answered with 2xx
    assertTrue(Fixtures.findings(RULE, Incidents.lab("toll-fraud-scan", "pbx.pcapng")).isEmpty());
    assertTrue(Fixtures.findings(RULE, Incidents.corpus("sip/sipnab-metasploit-sip-invite-spoof.pcap")).isEmpty());
  }

  @Test
  void host_of_a_sip_uri() {
    assertEquals("127.0.0.1", CaptureLoopbackMissing.host("sip:ctrl@127.0.0.1:4900;transport=tcp"));
    assertEquals("::1", CaptureLoopbackMissing.host("sip:[::1]:5060"));
    assertEquals("pbx.example.com", CaptureLoopbackMissing.host("sip:pbx.example.com"));
    assertFalse(CaptureLoopbackMissing.loopback("128.0.0.1"));
  }

  private static Path call(Path file, boolean withLoopback) throws Exception {
    String invite = sip("INVITE sip:200@192.0.2.1 SIP/2.0", "", "INVITE", "<sip:100@192.0.2.10:5060>",
        sdp("192.0.2.10", 40000));
    String ok = sip("SIP/2.0 200 OK", ";tag=ctrl1", "INVITE", "<sip:200@127.0.0.1:4900>", sdp("127.0.0.1", 30000));
    String ack = sip("ACK sip:200@127.0.0.1:4900 SIP/2.0", ";tag=ctrl1", "ACK", "<sip:100@192.0.2.10:5060>", "");
    return CaptureBuilder.toFile(file, out -> {
      CaptureBuilder b = CaptureBuilder.pcapng(out, ByteOrder.LITTLE_ENDIAN).iface(1, 9);
      b.packet(T0, udp("192.0.2.10", "192.0.2.1", invite));
      b.packet(T0 + 50_000_000L, udp("192.0.2.1", "192.0.2.10", ok));
      b.packet(T0 + 60_000_000L, udp("192.0.2.10", "192.0.2.1", ack));
      if (withLoopback) {
        b.packet(T0 + 80_000_000L, Packets.ethernet(Packets.ipv4("127.0.0.1", "127.0.0.1", 17,
            Packets.udp(30000, 30002, Packets.rtp(0, false, 1, 160, 0x1234, new byte[160])))));
      }
    });
  }

  private static byte[] udp(String src, String dst, String text) {
    return Packets.ethernet(Packets.ipv4(src, dst, 17, Packets.udp(5060, 5060, Packets.text(text))));
  }

  private static String sdp(String address, int port) {
    return "v=0\r\no=- 1 1 IN IP4 " + address + "\r\ns=-\r\nc=IN IP4 " + address + "\r\nt=0 0\r\n"
        + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
  }

  private static String sip(String firstLine, String toTag, String method, String contact, String body) {
    return firstLine + "\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + (method.equals("ACK") ? "ack1" : "inv1") + "\r\n"
        + "From: <sip:100@192.0.2.1>;tag=phone1\r\n"
        + "To: <sip:200@192.0.2.1>" + toTag + "\r\n"
        + "Call-ID: loopback-1@192.0.2.10\r\n"
        + "CSeq: 1 " + method + "\r\n"
        + "Contact: " + contact + "\r\n"
        + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
        + "Content-Length: " + body.length() + "\r\n\r\n" + body;
  }
}
