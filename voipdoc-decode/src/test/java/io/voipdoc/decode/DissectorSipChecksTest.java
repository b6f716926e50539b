package io.voipdoc.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.sip.SipProblem;
import io.voipdoc.testkit.Packets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How far the dissector checks SIP messages before handing them on. The message is hand-made:
 * it must carry a structural problem and a problem of a typed view at once, which the lab's SIP
 * tools do not send.
 */
class DissectorSipChecksTest {
  /** A Via without sent-by (a view problem), two CSeq lines and no Max-Forwards (structural). */
  private static final String INVITE =
      "INVITE sip:bob@example.com SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP\r\n"
          + "From: <sip:alice@example.com>;tag=1\r\n"
          + "To: <sip:bob@example.com>\r\n"
          + "Call-ID: checks@example.com\r\n"
          + "CSeq: 1 INVITE\r\n"
          + "CSeq: 1 INVITE\r\n"
          + "Content-Length: 0\r\n\r\n";

  private SipMessage received;

  private AnomalyLog dissect(Dissector.SipChecks checks) {
    return dissect(checks, "From: <sip:alice@example.com>;tag=1\r\n");
  }

  private AnomalyLog dissect(Dissector.SipChecks checks, String from) {
    AnomalyLog anomalies = new AnomalyLog();
    MessageListener listener =
        new MessageListener() {
          @Override
          public void onSip(SipMessage message, Packet packet) {
            received = message;
          }

          @Override
          public Dissector.SipChecks sipChecks() {
            return checks;
          }
        };
    PacketDecoder decoder =
        new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(listener, anomalies), anomalies);
    Frame frame = new Frame();
    frame.input = "test";
    frame.number = 1;
    frame.linkType = 1; // Ethernet
    frame.data =
        Packets.ethernet(
            Packets.ipv4(
                "192.0.2.1", "192.0.2.2", 17,
                Packets.udp(
                    5060,
                    5060,
                    INVITE.replace("From: <sip:alice@example.com>;tag=1\r\n", from)
                        .getBytes(StandardCharsets.US_ASCII))));
    frame.capturedLength = frame.data.length;
    frame.originalLength = frame.data.length;
    decoder.decode(frame);
    decoder.finish();
    return anomalies;
  }

  @Test
  void fullChecksReportEveryProblem() {
    Map<String, Long> counts = dissect(Dissector.SipChecks.FULL).counts();
    assertEquals(1L, counts.get(SipProblem.BAD_VIA.id()), counts.toString());
    assertEquals(1L, counts.get(SipProblem.DUPLICATE_SINGLE_HEADER.id()), counts.toString());
    assertEquals(1L, counts.get(SipProblem.MISSING_MANDATORY_HEADER.id()), counts.toString());
  }

  @Test
  void structureChecksLeaveTheViewsUnparsed() {
    Map<String, Long> counts = dissect(Dissector.SipChecks.STRUCTURE).counts();
    assertEquals(null, counts.get(SipProblem.BAD_VIA.id()), counts.toString());
    assertEquals(1L, counts.get(SipProblem.DUPLICATE_SINGLE_HEADER.id()), counts.toString());
    assertEquals(1L, counts.get(SipProblem.MISSING_MANDATORY_HEADER.id()), counts.toString());
    assertNotNull(received);
    assertEquals(2, received.structuralProblems().size());
    // the full list is still there on demand, structural problems first
    assertEquals(3, received.problems().size());
    assertEquals(received.structuralProblems(), received.problems().subList(0, 2));
    assertTrue(received.has(SipProblem.BAD_VIA));
  }

  @Test
  void aFromUriIsCheckedOnlyWhenEveryProblemIsAsked() {
    String badFrom = "From: <sip:alice@exa mple.com>;tag=1\r\n";
    AnomalyLog full = dissect(Dissector.SipChecks.FULL, badFrom);
    assertEquals(1L, full.counts().get(SipProblem.BAD_URI.id()), full.counts().toString());
    assertEquals(
        List.of("From"),
        full.examples().stream()
            .filter(a -> a.id().equals(SipProblem.BAD_URI.id()))
            .map(a -> a.detail())
            .toList());
    AnomalyLog structure = dissect(Dissector.SipChecks.STRUCTURE, badFrom);
    assertEquals(null, structure.counts().get(SipProblem.BAD_URI.id()));
    assertEquals("exa mple.com", received.from().uri().host());
    assertTrue(received.has(SipProblem.BAD_URI));
  }
}
