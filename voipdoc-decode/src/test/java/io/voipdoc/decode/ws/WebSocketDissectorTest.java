package io.voipdoc.decode.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.sip.SipMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link Dissector} recognises the lab's WebSocket connections by their upgrading GET and hands
 * every SIP message inside them to the listener, with the frame that completed it.
 */
class WebSocketDissectorTest {

  @Test
  void everySipMessageOfTheLabCallReachesTheListener() throws Exception {
    List<String> seen = new ArrayList<>();
    List<String> transports = new ArrayList<>();
    MessageListener listener =
        new MessageListener() {
          @Override
          public void onSip(SipMessage m, Packet p) {
            seen.add(
                p.frame.number
                    + " "
                    + (m.isRequest() ? m.method() : m.statusCode())
                    + " "
                    + m.callId());
            transports.add(m.via().get(0).transport());
          }
        };
    AnomalyLog anomalies = new AnomalyLog();
    Dissector dissector = new Dissector(listener, anomalies);
    LabWebSocketCapture.read(LabWebSocketCapture.path(), dissector, anomalies);

    // the frame numbers and Call-IDs tshark shows with -Y sip (lab/websocket-call/README.md)
    assertEquals(21, seen.size());
    assertEquals("8 REGISTER 17af0a1e26cb@203.0.113.30", seen.get(0));
    assertEquals("32 INVITE fa2b3dbe3f42@203.0.113.20", seen.get(8));
    assertEquals("35 INVITE fa2b3dbe3f42@203.0.113.20", seen.get(10));
    assertEquals(List.of("WS"), transports.stream().distinct().toList());
    Map<String, Long> counts = dissector.counts();
    assertEquals(10L, counts.get("sipRequests"));
    assertEquals(11L, counts.get("sipResponses"));
    assertEquals(21L, counts.get("webSocketMessages"));
    assertEquals(0L, counts.get("otherTcpStreams"));
    assertEquals(Map.of(), anomalies.counts());
  }

  @Test
  void anUpgradingGetInTwoSegmentsIsRecognisedWhenItsHeadersAreComplete() throws Exception {
    // split-upgrade.pcap (README.md beside it): the GET's request line and Host in frame 4, the
    // Upgrade header in frame 6; 101 in frame 8; OPTIONS in frame 10, 200 OK in frame 11
    List<String> seen = new ArrayList<>();
    List<WebSocketUpgrade> upgrades = new ArrayList<>();
    MessageListener listener =
        new MessageListener() {
          @Override
          public void onSip(SipMessage m, Packet p) {
            seen.add(p.frame.number + " " + (m.isRequest() ? m.method() : m.statusCode()) + " " + m.callId());
          }

          @Override
          public void onWebSocketUpgrade(io.voipdoc.decode.Flow flow, WebSocketUpgrade upgrade) {
            upgrades.add(upgrade);
          }
        };
    AnomalyLog anomalies = new AnomalyLog();
    Dissector dissector = new Dissector(listener, anomalies);
    LabWebSocketCapture.read(
        Path.of(getClass().getResource("split-upgrade.pcap").toURI()), dissector, anomalies);

    assertEquals(List.of("10 OPTIONS split-get-1@example.org", "11 200 split-get-1@example.org"), seen);
    assertEquals(1, upgrades.size());
    assertEquals(6, upgrades.get(0).request().number());
    assertEquals(8, upgrades.get(0).answer().number());
    assertEquals("pbx.example.org", upgrades.get(0).host());
    assertEquals("sip", upgrades.get(0).protocols());
    assertEquals(0L, dissector.counts().getOrDefault("otherTcpStreams", 0L));
    assertEquals(Map.of(), anomalies.counts());
  }

  @Test
  void onlyTheStartOfAGetWithoutItsEmptyLineIsHeld() {
    assertTrue(mayStillUpgrade("GE"));
    assertTrue(mayStillUpgrade("GET / HTTP/1.1\r\nHost: a\r\n"));
    assertFalse(mayStillUpgrade("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    assertFalse(mayStillUpgrade("GET / HTTP/1.1\nHost: a\n\n"));
    assertFalse(mayStillUpgrade("POST / HTTP/1.1\r\n"));
    assertFalse(mayStillUpgrade("INVITE sip:a@b SIP/2.0\r\n"));
    assertFalse(mayStillUpgrade("GET " + "x".repeat(WebSocketHandshake.ACCEPT_SCAN_LIMIT)));
  }

  private static boolean mayStillUpgrade(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return WebSocketHandshake.mayStillUpgrade(b, 0, b.length);
  }
}
