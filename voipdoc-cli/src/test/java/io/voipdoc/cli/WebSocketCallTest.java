package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIP over WebSocket end to end, on the lab's websocket-call capture (kamailio's websocket module
 * and two Node {@code ws} phones): the call and the registrations are found, and every SIP message
 * that tshark decodes is counted.
 */
class WebSocketCallTest {
  private static final String CAPTURE = "lab/websocket-call/pbx.pcapng";

  /** tshark -r pbx.pcapng -Y 'sip.Call-ID == "fa2b3dbe3f42@203.0.113.20"': 13 frames from 32. */
  @Test
  void callsListsTheCallOverWebSocket() {
    Cli r = Cli.run("calls", "--format", "json", Cli.root().resolve(CAPTURE).toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    JsonNode calls = r.json().get("calls");
    assertEquals(1, calls.size(), r.out());
    JsonNode call = calls.get(0);
    assertEquals("fa2b3dbe3f42@203.0.113.20", call.get("callIds").get(0).asText());
    assertEquals("bob", call.get("from").asText());
    assertEquals("dave", call.get("to").asText());
    assertEquals("ANSWERED", call.get("state").asText());
    assertEquals(200, call.get("finalStatus").asInt());
    assertEquals("CALLER", call.get("hungUpBy").asText());
    assertEquals(13, call.get("messages").asInt());
    JsonNode leg = call.get("legs").get(0);
    assertEquals("tcp:203.0.113.20:46013", leg.get("caller").asText());
    assertEquals("tcp:198.51.100.10:8080", leg.get("callee").asText());
    assertEquals(32, leg.get("frames").get(0).get(1).asInt());
  }

  /** tshark -r pbx.pcapng -Y sip: 21 frames, 10 requests and 11 responses. */
  @Test
  void infoCountsEverySipMessageTsharkShows() {
    Cli r = Cli.run("info", "--format", "json", Cli.root().resolve(CAPTURE).toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    JsonNode input = r.json().get("inputs").get(0);
    JsonNode counts = input.get("counts");
    assertEquals(10, counts.get("sipRequests").asInt());
    assertEquals(11, counts.get("sipResponses").asInt());
    assertEquals(21, counts.get("webSocketMessages").asInt());
    assertEquals(0, counts.get("otherTcpStreams").asInt());
    assertEquals(0, input.get("anomalyCounts").size(), input.toString());
  }

  @Test
  void analyzeFindsTwoRegistrationsAndOnlyTheMissingMedia() {
    Cli r = Cli.run("analyze", "--format", "json", Cli.root().resolve(CAPTURE).toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    JsonNode summary = r.json().get("summary");
    assertEquals(1, summary.get("calls").asInt());
    assertEquals(2, summary.get("registrations").asInt());
    // the lab's WebSocket phones negotiate audio but send none: only the capture finding says so
    List<String> ids = new ArrayList<>();
    for (JsonNode f : r.json().get("findings")) {
      if (!f.get("severity").asText().equals("info")) {
        ids.add(f.get("id").asText());
      }
    }
    assertEquals(List.of("CAPTURE_SIGNALLING_ONLY"), ids);
  }

  /** lab/websocket-upgrade-refused: kamailio answers the upgrade with 404 in frame 6. */
  @Test
  void refusedUpgradeIsAnAnomalyWithItsStatusAndFrame() {
    Cli r =
        Cli.run(
            "info",
            "--format",
            "json",
            Cli.root().resolve("lab/websocket-upgrade-refused/pbx.pcapng").toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    JsonNode input = r.json().get("inputs").get(0);
    assertEquals(1, input.get("anomalyCounts").get("ws.upgrade_refused").asInt(), input.toString());
    JsonNode anomaly = input.get("anomalies").get(0);
    assertEquals(6, anomaly.get("frame").asInt(), anomaly.toString());
    assertEquals("status=404", anomaly.get("detail").asText());
    assertEquals(0, input.get("counts").get("sipRequests").asInt());
  }
}
