package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code voipdoc info} on the captures that testdata/make-captures.sh made with tcpdump, dumpcap,
 * editcap and text2pcap agrees with tshark's facts about them (testdata/captures/facts.tsv): format,
 * link types, frames, IPv4/IPv6/UDP/TCP frames, reassembled datagrams, SIP messages (counted per
 * message in both) and the time span.
 */
class ToolMadeCapturesTest {

  @TestFactory
  Stream<DynamicTest> info_agrees_with_tshark() throws IOException {
    Path dir = Cli.root().resolve("testdata/captures");
    List<String> lines = Files.readAllLines(dir.resolve("facts.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split("\t");
      tests.add(DynamicTest.dynamicTest(row[0], () -> check(dir, header, row)));
    }
    return tests.stream();
  }

  private static void check(Path dir, List<String> header, String[] row) {
    Cli cli = Cli.run("info", "--format", "json", dir.resolve(row[0]).toString());
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode input = cli.json().get("inputs").get(0);
    JsonNode counts = input.get("counts");
    assertEquals(row[header.indexOf("format")], input.get("format").asText(), "format");
    List<String> types = new ArrayList<>();
    input.get("linkTypes").forEach(t -> types.add(t.asText()));
    assertEquals(row[header.indexOf("linktypes")], String.join(",", types), "link types");
    assertEquals(value(header, row, "packets"), input.get("packets").asLong(), "packets");
    assertEquals(value(header, row, "ipv4"), counts.get("ipv4").asLong(), "ipv4 frames");
    assertEquals(value(header, row, "ipv6"), counts.get("ipv6").asLong(), "ipv6 frames");
    assertEquals(value(header, row, "udp"), counts.get("udp").asLong(), "udp datagrams");
    assertEquals(value(header, row, "tcp"), counts.get("tcp").asLong(), "tcp segments");
    assertEquals(
        value(header, row, "ip_reassembled"), counts.get("ipReassembled").asLong(), "reassembled");
    assertEquals(value(header, row, "sip_requests"), counts.get("sipRequests").asLong(), "SIP requests");
    assertEquals(
        value(header, row, "sip_responses"), counts.get("sipResponses").asLong(), "SIP responses");
    assertEquals(
        instant(row[header.indexOf("first_ts")]),
        Instant.parse(input.get("firstTimestamp").asText()),
        "first timestamp");
    assertEquals(
        instant(row[header.indexOf("last_ts")]),
        Instant.parse(input.get("lastTimestamp").asText()),
        "last timestamp");
  }

  private static long value(List<String> header, String[] row, String column) {
    return Long.parseLong(row[header.indexOf(column)]);
  }

  /** tshark's frame.time_epoch, seconds with nine decimals. */
  private static Instant instant(String epoch) {
    BigDecimal nanos = new BigDecimal(epoch).movePointRight(9);
    long n = nanos.longValueExact();
    return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }
}
