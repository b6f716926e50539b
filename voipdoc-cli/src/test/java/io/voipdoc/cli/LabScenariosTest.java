package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lab scenario (lab/&lt;name&gt;/expected.yaml, captures made with real SIP, STUN and ICE
 * software) is diagnosed as the scenario says: each expected finding with its count and the frame
 * that shows it (or the frames, one per capture point, when the finding shows a packet at several
 * points; and the log line, for scenarios that keep a log beside the captures), and nothing else at
 * or above the stated severity. A scenario that expects a rule
 * voipdoc does not have yet is skipped, and the skip names the rule.
 */
class LabScenariosTest {

  @TestFactory
  Stream<DynamicTest> labScenariosAreDiagnosedAsExpected() throws IOException {
    Path lab = Cli.root().resolve("lab");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(lab)) {
      for (Path dir : dirs.sorted().toList()) {
        Path expected = dir.resolve("expected.yaml");
        if (Files.exists(expected)) {
          tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir, expected)));
        }
      }
    }
    assertTrue(tests.size() >= 20, "lab scenarios found: " + tests.size());
    return tests.stream();
  }

  private static void check(Path dir, Path expectedFile) throws IOException {
    JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(expectedFile.toFile());
    Set<String> registered = new HashSet<>();
    for (Rule r : Rules.ALL) {
      registered.add(r.spec().id());
    }
    for (JsonNode f : expected.path("findings")) {
      String id = f.get("id").asText();
      Assumptions.assumeTrue(registered.contains(id), "rule " + id + " is not implemented yet");
    }
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
    for (JsonNode c : expected.get("captures")) {
      args.add(dir.resolve(c.asText()).toString());
    }
    // logs and the access list kept beside the captures go in as the user would give them
    for (JsonNode l : expected.path("logs")) {
      args.add("--log");
      args.add(dir.resolve(l.asText()).toString());
    }
    if (expected.has("acl")) {
      args.add("--acl");
      args.add(dir.resolve(expected.get("acl").asText()).toString());
    }
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode findings = cli.json().get("findings");
    Set<String> expectedIds = new HashSet<>();
    for (JsonNode f : expected.path("findings")) {
      String id = f.get("id").asText();
      expectedIds.add(id);
      List<JsonNode> found = new ArrayList<>();
      findings.forEach(x -> {
        if (x.get("id").asText().equals(id)) {
          found.add(x);
        }
      });
      assertEquals(f.path("count").asInt(1), found.size(), id + " count in " + findings);
      // one evidence { input, frame }, or a list of them that one finding must all cite (a
      // packet seen at several capture points)
      JsonNode ev = f.path("evidence");
      List<JsonNode> wanted = new ArrayList<>();
      if (ev.isArray()) {
        ev.forEach(wanted::add);
      } else if (ev.has("frame")) {
        wanted.add(ev);
      }
      if (!wanted.isEmpty()) {
        boolean cited = found.stream().anyMatch(x -> wanted.stream().allMatch(w -> cites(x, w)));
        assertTrue(cited, id + " cites " + wanted + ": " + found);
      }
      JsonNode line = f.path("line");
      if (line.has("log")) {
        String log = line.get("log").asText();
        long number = line.get("line").asLong();
        boolean cited =
            found.stream()
                .anyMatch(
                    x -> {
                      for (JsonNode e : x.get("evidence")) {
                        if (!e.get("log").isNull()
                            && Path.of(e.get("log").asText()).getFileName().toString().equals(log)
                            && e.get("line").asLong() == number) {
                          return true;
                        }
                      }
                      return false;
                    });
        assertTrue(cited, id + " cites " + log + " line " + number + ": " + found);
      }
    }
    String limit = expected.path("nothing-else-at-or-above").asText("warning").toLowerCase(Locale.ROOT);
    for (JsonNode x : findings) {
      String severity = x.get("severity").asText();
      boolean atOrAbove = severity.equals("error") || (limit.equals("warning") && severity.equals("warning"));
      assertTrue(
          expectedIds.contains(x.get("id").asText()) || !atOrAbove,
          "unexpected " + severity + " " + x.get("id").asText() + ": " + x);
    }
  }

  /** Whether the finding cites the frame of the input named in {@code wanted}. */
  private static boolean cites(JsonNode finding, JsonNode wanted) {
    String input = wanted.get("input").asText();
    long frame = wanted.get("frame").asLong();
    for (JsonNode e : finding.get("evidence")) {
      if (!e.get("input").isNull()
          && Path.of(e.get("input").asText()).getFileName().toString().equals(input)
          && e.get("frame").asLong() == frame) {
        return true;
      }
    }
    return false;
  }
}
