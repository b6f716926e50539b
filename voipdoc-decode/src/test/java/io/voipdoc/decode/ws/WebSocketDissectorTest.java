package io.voipdoc.decode.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketDecoder;
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
    PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, dissector, anomalies);
    Path file = LabWebSocketCapture.path();
    try (CaptureReader reader =
        Captures.open(new CaptureInput(file.getFileName().toString(), file), anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
      }
    }
    decoder.finish();

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
}
