package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The documented behaviour for damaged and foreign inputs (docs/cli.md): partial results with
 * anomalies at the right offsets, or exit code 3 with one line on stderr naming the problem; never
 * a stack trace.
 */
class DamagedInputsTest {

  private static Path corpus(String name) {
    return Cli.corpus().resolve(name);
  }

  private static Path testdata(String name) {
    return Cli.root().resolve("testdata/captures").resolve(name);
  }

  private static JsonNode readable(Path file, long packets) {
    Cli cli = Cli.run("info", "--format", "json", file.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("", cli.err());
    JsonNode input = cli.json().get("inputs").get(0);
    assertEquals(packets, input.get("packets").asLong(), "packets before the damage");
    return input;
  }

  private static void anomaly(JsonNode input, String id, long offset) {
    for (JsonNode a : input.get("anomalies")) {
      if (a.get("id").asText().equals(id)) {
        assertEquals(offset, a.get("offset").asLong(), id + " offset");
        assertFalse(a.get("message").asText().isBlank(), "explained");
        return;
      }
    }
    throw new AssertionError("no anomaly " + id + " in " + input.get("anomalies"));
  }

  private static Cli unreadable(Path file, String reason, String mentioned) {
    Cli cli = Cli.run("info", "--format", "json", file.toString());
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode());
    assertEquals(1, cli.err().lines().count(), "one line: " + cli.err());
    assertTrue(cli.err().contains(mentioned), cli.err());
    assertEquals(reason, cli.json().get("unreadable").get(0).get("reason").asText());
    return cli;
  }

  @Test
  void emptyFile() {
    unreadable(corpus("malformed/empty.pcap"), "EMPTY", "empty");
    unreadable(testdata("damaged-empty.pcap"), "EMPTY", "empty");
  }

  @Test
  void headerOnlyPcapIsAValidEmptyCapture() {
    JsonNode input = readable(corpus("malformed/header-only.pcap"), 0);
    assertEquals(0, input.get("anomalyCounts").size());
    assertFalse(input.has("firstTimestamp"));
  }

  @Test
  void textFileIsNotACapture() {
    unreadable(corpus("malformed/not-a-capture.txt"), "NOT_A_CAPTURE", "not a pcap or pcapng");
  }

  @Test
  void netmonFileIsNamedAsUnsupported() {
    unreadable(
        corpus("formats/sipnab-c07-sip-r2-netmon2.cap"),
        "UNSUPPORTED_FORMAT",
        "Microsoft Network Monitor 2.x");
  }

  @Test
  void absurdCaplenEndsTheCaptureAfterTheGoodRecords() {
    JsonNode input = readable(corpus("malformed/pcap-absurd-caplen.pcap"), 1);
    anomaly(input, "pcap.record_length_impossible", 0x222);
  }

  @Test
  void corruptBlockLengthEndsTheCaptureAfterTheGoodBlocks() {
    anomaly(readable(corpus("malformed/pcapng-corrupt-block-length.pcapng"), 1), "pcapng.block_length_corrupt", 548);
    anomaly(readable(testdata("damaged-epb-length.pcapng"), 2), "pcapng.block_length_corrupt", 1240);
  }

  @Test
  void truncatedRecordKeepsEverythingBeforeIt() {
    anomaly(readable(corpus("malformed/truncated-mid-record.pcap"), 639), "pcap.record_truncated", 149841);
    anomaly(readable(testdata("damaged-truncated.pcap"), 3), "pcap.record_truncated", 1257);
  }

  @Test
  void damageAboveTheCaptureLayerIsAnAnomalyNotAnError() {
    JsonNode nflog = readable(corpus("malformed/zeek-nflog-bad-tlv-len.pcap"), 1);
    assertTrue(nflog.get("anomalyCounts").size() > 0, "nflog damage reported");
    JsonNode icmp6 = readable(corpus("malformed/zeek-icmp6-destunreach-ip6ext-trunc.pcap"), 1);
    assertTrue(icmp6.get("anomalyCounts").size() > 0, "truncated ICMPv6 quote reported");
  }

  @Test
  void missingFile() {
    Cli cli = Cli.run("info", "no/such/capture.pcap");
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode());
    assertEquals("voipdoc: no/such/capture.pcap: no such file or directory.\n", cli.err());
  }

  @Test
  void usageErrors() {
    assertEquals(ExitCode.USAGE, Cli.run().exitCode());
    assertEquals(ExitCode.USAGE, Cli.run("info").exitCode());
    assertEquals(ExitCode.USAGE, Cli.run("info", "--format", "xml", "x.pcap").exitCode());
    assertEquals(ExitCode.USAGE, Cli.run("frobnicate").exitCode());
  }

  @Test
  void germanTexts() {
    Cli cli = Cli.run("info", "--lang", "de", corpus("malformed/empty.pcap").toString());
    assertTrue(cli.err().contains("Die Datei ist leer"), cli.err());
  }
}
