package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --log/--log-offset/--acl} on the lab's acl-rejected-403 scenario and on bad input. */
class AnalyzeLogsTest {
  private static final Path LAB = Cli.root().resolve("lab").resolve("acl-rejected-403");
  private static final String CAPTURE = LAB.resolve("pbx.pcapng").toString();

  @TempDir Path dir;

  @Test
  void jsonEvidenceNamesTheLogLine() {
    Cli cli = Cli.run("analyze", CAPTURE, "--log", LAB.resolve("kamailio.log").toString(), "--format", "json");
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode evidence = cli.json().get("findings").get(0).get("evidence");
    JsonNode line = evidence.get(2);
    assertTrue(line.get("log").asText().endsWith("kamailio.log"));
    assertEquals(1, line.get("line").asInt());
    assertTrue(line.get("frame").isNull());
    // placed on the captures' clock: at the 403 it reports
    assertEquals(evidence.get(1).get("time").asText(), line.get("time").asText());
    assertTrue(evidence.get(1).get("log").isNull());
    JsonNode log = cli.json().get("logs").get(0);
    assertEquals("freeswitch", log.get("format").asText());
    assertEquals("estimated", log.get("offsetSource").asText());
    assertEquals(1, log.get("sharedEvents").asInt());
  }

  @Test
  void textShowsFileAndLine() {
    Cli cli = Cli.run("analyze", CAPTURE, "--log", LAB.resolve("kamailio.log").toString(),
        "--acl", LAB.resolve("acl.txt").toString(), "--lang", "en");
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("    kamailio.log:1 at 12:55:38.549  At the same moment, the call controller's log records that its access list \"group1\" rejected 203.0.113.20."), cli.out());
    assertTrue(cli.out().contains("In the access list group1, no whitelist entry contains 203.0.113.20"), cli.out());
    assertTrue(cli.out().contains("  kamailio.log: freeswitch format, 1 line(s), 1 event(s), clock offset +0.000 s, estimated from 1 event(s)"), cli.out());
  }

  @Test
  void textInGermanWritesTheOffsetWithADecimalComma() {
    Cli cli = Cli.run("analyze", CAPTURE, "--log", LAB.resolve("kamailio.log").toString(),
        "--acl", LAB.resolve("acl.txt").toString(), "--lang", "de");
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(cli.out().contains("  kamailio.log: Format freeswitch, 1 Zeile(n), 1 Ereignis(se), Uhrzeitversatz +0,000 s,"), cli.out());
  }

  @Test
  void givenOffsetMovesTheLogLine() throws IOException {
    // the same line written by a host whose clock is an hour ahead, corrected with --log-offset
    Path ahead = Files.writeString(dir.resolve("ahead.log"),
        Files.readString(LAB.resolve("kamailio.log")).replace("12:55:38", "13:55:38"));
    Cli cli = Cli.run("analyze", CAPTURE, "--log", ahead.toString(), "--log-offset", "-1h", "--format", "json");
    JsonNode log = cli.json().get("logs").get(0);
    assertEquals("given", log.get("offsetSource").asText());
    assertEquals(-3_600_000.0, log.get("offsetMs").asDouble());
    assertEquals(1, cli.json().get("findings").get(0).get("evidence").get(2).get("line").asInt());
  }

  @Test
  void offsetForOneLogByItsName() throws IOException {
    Path ahead = Files.writeString(dir.resolve("ahead.log"),
        Files.readString(LAB.resolve("kamailio.log")).replace("12:55:38", "12:55:40"));
    Cli cli = Cli.run("analyze", CAPTURE, "--log", ahead.toString(), "--log", LAB.resolve("kamailio.log").toString(),
        "--log-offset", "ahead.log=-2000ms", "--format", "json");
    JsonNode logs = cli.json().get("logs");
    assertEquals("given", logs.get(0).get("offsetSource").asText());
    assertEquals(-2000.0, logs.get(0).get("offsetMs").asDouble());
    assertEquals("estimated", logs.get(1).get("offsetSource").asText());
  }

  @Test
  void badOffsetIsAUsageError() {
    Cli cli = Cli.run("analyze", CAPTURE, "--log-offset", "soon", "--lang", "en");
    assertEquals(ExitCode.USAGE, cli.exitCode());
    assertTrue(cli.err().startsWith("voipdoc: --log-offset: \"soon\" is not an offset"), cli.err());
  }

  @Test
  void unknownLogFormatIsReportedInOneLineAndTheAnalysisStillRuns() throws IOException {
    Path app = Files.writeString(dir.resolve("app.log"), "<html><body>not a log</body></html>\n", StandardCharsets.UTF_8);
    Cli cli = Cli.run("analyze", CAPTURE, "--log", app.toString(), "--lang", "en");
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode());
    assertEquals("voipdoc: " + app + ": log format not recognised (first line: <html><body>not a log</body></html>); "
        + "voipdoc reads FreeSWITCH, kamailio (syslog/journald) and AudioCodes SBC logs\n", cli.err());
    assertTrue(cli.out().contains("ACL_REJECTED_403"), cli.out());
  }

  @Test
  void captureGivenAsLogAndGarbage() throws IOException {
    Cli cli = Cli.run("analyze", CAPTURE, "--log", CAPTURE, "--lang", "en");
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode());
    assertTrue(cli.err().startsWith("voipdoc: " + CAPTURE + ": this is a binary file, not a text log"), cli.err());
    assertEquals(1, cli.err().lines().count());
    Path noise = dir.resolve("noise.log");
    byte[] bytes = new byte[200_000];
    new java.util.Random(7).nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = bytes[i] == 0 ? 1 : bytes[i];
    }
    Files.write(noise, bytes);
    cli = Cli.run("analyze", CAPTURE, "--log", noise.toString(), "--lang", "en");
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode());
    assertTrue(cli.err().contains(": log format not recognised"), cli.err());
    assertEquals(1, cli.err().lines().count());
  }

  @Test
  void badAclStopsBeforeTheAnalysis() throws IOException {
    Path acl = Files.writeString(dir.resolve("acl.txt"), "whitelist 10.0.0.0/8\npermit any\n");
    Cli cli = Cli.run("analyze", CAPTURE, "--acl", acl.toString(), "--lang", "en");
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode());
    assertEquals("voipdoc: " + acl + ":2: \"permit any\" is not an entry; write \"whitelist RANGE\", "
        + "\"blacklist RANGE\" or \"name NAME\" (see docs/acl.md)\n", cli.err());
    assertEquals("", cli.out());
  }
}
