package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code voipdoc info --format json} agrees with the facts tshark computed for every capture of
 * the shared corpus (expected.tsv): format, packet count and link types. A row added to the TSV is
 * checked without code changes.
 */
class CorpusInfoTest {

  @TestFactory
  Stream<DynamicTest> info_agrees_with_expected_tsv() throws IOException {
    Path corpus = Cli.corpus();
    List<String> lines = Files.readAllLines(corpus.resolve("expected.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    int file = header.indexOf("file");
    int format = header.indexOf("format");
    int linktypes = header.indexOf("linktypes");
    int packets = header.indexOf("packets");
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
              }));
    }
    return tests.stream();
  }
}
