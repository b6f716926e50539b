package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code voipdoc info --format json} agrees with the facts tshark computed for every capture of
 * the shared corpus (expected.tsv): format, packet count, link types, SIP requests and responses,
 * and STUN messages. A row added to the TSV is checked without code changes.
 */
class CorpusInfoTest {

  /**
   * Where voipdoc legitimately counts differently from tshark, per file and column, with why. SIP
   * counts are per message: they equal tshark's per-frame counts as long as no frame carries two
   * messages.
   */
  private static final Map<String, String> DIFFERENT_STUN_COUNT =
      Map.of(
          "stun-ice/arkime-stun.pcap",
          "three RFC 3489 messages on port 3478 that tshark calls classicstun are counted; one"
              + " message whose length is not a multiple of 4 (RFC 8489 section 5) is not STUN");

  @TestFactory
  Stream<DynamicTest> info_agrees_with_expected_tsv() throws IOException {
    Path corpus = Cli.corpus();
    List<String> lines = Files.readAllLines(corpus.resolve("expected.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    int file = header.indexOf("file");
    int format = header.indexOf("format");
    int linktypes = header.indexOf("linktypes");
    int packets = header.indexOf("packets");
    int requests = header.indexOf("sip_requests");
    int responses = header.indexOf("sip_responses");
    int stun = header.indexOf("stun_messages");
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split("\t");
      tests.add(
          DynamicTest.dynamicTest(
              row[file],
              () -> {
                Cli cli = Cli.run("info", "--format", "json", corpus.resolve(row[file]).toString());
                assertEquals(0, cli.exitCode(), cli.err());
                JsonNode input = cli.json().get("inputs").get(0);
                assertEquals(row[format], input.get("format").asText(), "format");
                assertEquals(Long.parseLong(row[packets]), input.get("packets").asLong(), "packets");
                List<String> types = new ArrayList<>();
                input.get("linkTypes").forEach(t -> types.add(t.asText()));
                assertEquals(row[linktypes], String.join(",", types), "link types");
                JsonNode counts = input.get("counts");
                assertEquals(
                    Long.parseLong(row[requests]), counts.get("sipRequests").asLong(), "SIP requests");
                assertEquals(
                    Long.parseLong(row[responses]),
                    counts.get("sipResponses").asLong(),
                    "SIP responses");
                if (!DIFFERENT_STUN_COUNT.containsKey(row[file])) {
                  assertEquals(Long.parseLong(row[stun]), counts.get("stun").asLong(), "STUN");
                }
              }));
    }
    return tests.stream();
  }
}
