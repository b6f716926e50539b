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
