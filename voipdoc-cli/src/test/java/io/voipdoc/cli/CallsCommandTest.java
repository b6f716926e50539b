package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code voipdoc calls}: JSON fields, the table, exit codes. */
class CallsCommandTest {

  @Test
  void jsonListsB2buaCallWithBothLegsAndTheirFrames() {
    String file = Cli.corpus().resolve("sip/sipnab-b2bua-asterisk.pcapng").toString();
    Cli r = Cli.run("calls", "--format", "json", file);
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    JsonNode calls = r.json().get("calls");
    assertEquals(1, calls.size());
    JsonNode c = calls.get(0);
    assertEquals("M2Q0ZDc1ZGM1NzIyMTlhZTA3NDU3NTgzMzA5YmJmZWQ.", c.get("callIds").get(0).asText());
    assertEquals(
        "37686afc57ce24ac655742b3644a7bb8@172.16.98.101:5060", c.get("callIds").get(1).asText());
    assertEquals("telephone1", c.get("from").asText());
    assertEquals("2302", c.get("to").asText());
    assertEquals("ANSWERED", c.get("state").asText());
    assertEquals(200, c.get("finalStatus").asInt());
    assertEquals("2016-05-18T18:23:15.920336Z", c.get("start").asText());
    assertEquals(2, c.get("legs").size());
    JsonNode frames = c.get("legs").get(1).get("frames");
    assertEquals(24, frames.get(0).get(1).asInt());
    assertTrue(frames.get(0).get(0).asText().endsWith("sipnab-b2bua-asterisk.pcapng"));
  }

  @Test
  void jsonTellsTheTransferAndTheCallItStarted() {
    Cli r = Cli.run("calls", "--format", "json", Cli.root().resolve("lab/blind-transfer/pbx.pcapng").toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    JsonNode calls = r.json().get("calls");
    assertEquals(2, calls.size());
    JsonNode t = calls.get(0).get("transfers").get(0);
    assertEquals("CALLER", t.get("by").asText());
    assertEquals("sip:alice@198.51.100.10", t.get("referTo").asText());
    assertEquals(false, t.get("attended").asBoolean());
    assertEquals(202, t.get("status").asInt());
    assertEquals("[100,200]", t.get("notified").toString());
    assertEquals("COMPLETED", t.get("outcome").asText());
    assertEquals(22, t.get("frame").get(1).asInt());
    assertEquals(calls.get(1).get("callIds").get(0).asText(), t.get("transferCallId").asText());
    assertEquals(1, calls.get(1).get("transferOf").asInt());
    assertTrue(calls.get(0).get("transferOf").isNull());
    assertEquals(0, calls.get(1).get("transfers").size());
  }

  @Test
  void jsonTellsSessionTimersSubscriptionsAndKeepAlives() {
    JsonNode doc = Cli.run("calls", "--format", "json",
        Cli.corpus().resolve("sip/sipnab-b2bua-asterisk.pcapng").toString()).json();
    JsonNode timer = doc.get("calls").get(0).get("sessionTimers").get(0);
    assertEquals(1800, timer.get("sessionExpires").asInt());
    // Asterisk, the callee, refreshes; its re-INVITE's 200 OK says "uac" for the re-INVITE's sender
    assertEquals("uas", timer.get("refresher").asText());
    assertEquals(90, timer.get("minSe").asInt());
    assertEquals(1, timer.get("refreshes").asInt());
    assertEquals(false, timer.get("endedAtSessionExpiry").asBoolean());
    JsonNode sub = doc.get("subscriptions").get(0);
    assertEquals(5, doc.get("subscriptions").size());
    assertEquals("presence.winfo", sub.get("event").asText());
    assertEquals("REJECTED", sub.get("state").asText());
    assertEquals(489, sub.get("lastStatus").asInt());
    assertEquals(10, sub.get("frame").get(1).asInt());

    JsonNode pings = Cli.run("calls", "--format", "json",
        Cli.corpus().resolve("sip/sipnab-sip-488-codec-reject.pcapng").toString()).json().get("keepAlives");
    assertEquals(3, pings.size());
    assertEquals("udp:192.168.8.13:5060", pings.get(0).get("source").asText());
    assertEquals(1, pings.get(0).get("answered").asInt());
    assertEquals(1, pings.get(0).get("statuses").get("200").asInt());
  }

  @Test
  void tableShowsFiveSippCalls() {
    Cli r = Cli.run("calls", "--lang", "en", Cli.corpus().resolve("sip/pkts-sipp.pcap").toString());
    assertEquals(ExitCode.OK, r.exitCode());
    String[] lines = r.out().split("\n");
    assertEquals(6, lines.length, r.out());
    assertTrue(lines[1].contains("sipp") && lines[1].contains("answered"), lines[1]);
  }

  @Test
  void germanStates() {
    Cli r = Cli.run("calls", "--lang", "de", Cli.corpus().resolve("sip/pkts-cancel.pcap").toString());
    assertTrue(r.out().contains("abgebrochen"), r.out());
  }

  @Test
  void unreadableInputGivesExitCode3AndTheRestIsStillListed() {
    Cli r =
        Cli.run(
            "calls",
            "--format",
            "json",
            "/nonexistent/x.pcap",
            Cli.corpus().resolve("sip/pkts-cancel.pcap").toString());
    assertEquals(ExitCode.UNREADABLE_INPUT, r.exitCode());
    assertEquals(1, r.json().get("calls").size());
    assertEquals("CANCELLED", r.json().get("calls").get(0).get("state").asText());
  }
}
