package io.voipdoc.correlate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.PacketDecoder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incident lists every WebSocket opening handshake of the lab captures, with its connection. */
class WebSocketUpgradesTest {

  private static Incident read(String scenario) throws Exception {
    Path file =
        Path.of(System.getProperty("voipdoc.root", ".."), "lab", scenario, "pbx.pcapng");
    IncidentCorrelator correlator = new IncidentCorrelator();
    AnomalyLog anomalies = new AnomalyLog();
    PacketDecoder decoder =
        new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(correlator, anomalies), anomalies);
    try (CaptureReader reader = Captures.open(new CaptureInput("pbx.pcapng", file), anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
      }
    }
    decoder.finish();
    return correlator.finish();
  }

  @Test
  void refusedUpgrade() throws Exception {
    List<WebSocketUpgradeSeen> seen = read("websocket-upgrade-refused").webSocketUpgrades();
    assertEquals(1, seen.size());
    WebSocketUpgradeSeen bob = seen.get(0);
    assertEquals("tcp:203.0.113.20:42897", bob.client().toString());
    assertEquals("tcp:198.51.100.10:8080", bob.server().toString());
    assertEquals("ip.addr == 203.0.113.20 && ip.addr == 198.51.100.10 && tcp.port == 42897"
        + " && tcp.port == 8080", bob.displayFilter());
    assertEquals(404, bob.handshake().status());
    assertEquals(6, bob.handshake().answer().number());
  }

  @Test
  void acceptedUpgradesInAnswerOrder() throws Exception {
    List<WebSocketUpgradeSeen> seen = read("websocket-call").webSocketUpgrades();
    assertEquals(List.of("tcp:203.0.113.30:42623", "tcp:203.0.113.20:46013"),
        seen.stream().map(s -> s.client().toString()).toList());
    assertEquals(List.of(101, 101), seen.stream().map(s -> s.handshake().status()).toList());
  }
}
