package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every capture of the shared corpus that voipdoc can read is diagnosed as {@code
 * corpus-findings.tsv} says: exactly the listed finding IDs, each with its count, at warning or
 * error level, and nothing else at those levels (information is not asserted). Findings the table
 * marks known-wrong (reported although the capture does not show them) are asserted as well, so
 * that fixing the rule fails this test and the table gets updated. A readable corpus file the table
 * does not list fails the test, so that a new corpus capture is judged before it counts.
 */
class CorpusDiagnosisTest {

  /**
   * One judged capture.
   *
   * @param capture path relative to the corpus
   * @param expected findings the capture shows, ID to count
   * @param knownWrong findings voipdoc reports although the capture does not show them
   * @param reason what in the capture shows it
   */
  record Row(
      String capture, Map<String, Integer> expected, Map<String, Integer> knownWrong, String reason) {}

  @TestFactory
  Stream<DynamicTest> corpusCapturesAreDiagnosedAsExpected() throws IOException {
    Path corpus = Cli.corpus();
    Map<String, Row> rows = table();
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : rows.values()) {
      tests.add(DynamicTest.dynamicTest(row.capture(), () -> check(corpus, row)));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "every readable corpus capture is in the table", () -> covered(corpus, rows)));
    return tests.stream();
  }

  private static void check(Path corpus, Row row) {
    Cli cli =
        Cli.run("analyze", "--format", "json", "--lang", "en", corpus.resolve(row.capture()).toString());
    assertEquals(0, cli.exitCode(), row.capture() + ": " + cli.err());
    Map<String, Integer> reported = new TreeMap<>();
    for (JsonNode f : cli.json().get("findings")) {
      String severity = f.get("severity").asText();
      if (severity.equals("warning") || severity.equals("error")) {
        reported.merge(f.get("id").asText(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> wrong : row.knownWrong().entrySet()) {
      assertEquals(
          wrong.getValue(),
          reported.get(wrong.getKey()),
          row.capture() + ": the known-wrong " + wrong.getKey() + " (" + row.reason()
              + ") is no longer reported as listed; if its rule was fixed, update"
              + " corpus-findings.tsv");
    }
    Map<String, Integer> wanted = new TreeMap<>(row.expected());
    row.knownWrong().forEach((id, n) -> wanted.merge(id, n, Integer::sum));
    assertEquals(wanted, reported, row.capture() + " (" + row.reason() + "): " + cli.json().get("findings"));
  }

  /** Files of the corpus the table does not list must be ones voipdoc refuses to read. */
  private static void covered(Path corpus, Map<String, Row> rows) throws IOException {
    List<String> unlisted = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = corpus.relativize(file).toString().replace('\\', '/');
        if (rows.containsKey(name)) {
          continue;
        }
        Cli cli = Cli.run("info", "--format", "json", file.toString());
        if (cli.exitCode() != ExitCode.UNREADABLE_INPUT) {
          unlisted.add(name);
        }
      }
    }
    assertTrue(
        unlisted.isEmpty(),
        "readable corpus captures missing from corpus-findings.tsv (judge them and add a row): "
            + unlisted);
  }

  private static Map<String, Row> table() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (InputStream in = CorpusDiagnosisTest.class.getResourceAsStream("/corpus-findings.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      boolean header = true;
      for (String line : lines) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          assertEquals("capture\texpected\tknown_wrong\treason", line, "table header");
          header = false;
          continue;
        }
        String[] cells = line.split("\t", -1);
        assertEquals(4, cells.length, "four columns: " + line);
        assertTrue(!cells[3].isBlank(), "a reason: " + line);
        Row row = new Row(cells[0], counts(cells[1]), counts(cells[2]), cells[3]);
        assertTrue(rows.put(row.capture(), row) == null, "listed twice: " + row.capture());
      }
    }
    assertTrue(rows.size() >= 80, "rows: " + rows.size());
    return rows;
  }

  /** {@code ID:count,ID:count} or {@code -}. */
  private static Map<String, Integer> counts(String cell) {
    Map<String, Integer> counts = new TreeMap<>();
    if (cell.equals("-")) {
      return counts;
    }
    for (String item : cell.split(",")) {
      String[] idCount = item.split(":");
      assertEquals(2, idCount.length, "ID:count, not " + item);
      counts.put(idCount[0], Integer.parseInt(idCount[1]));
    }
    return counts;
  }
}
