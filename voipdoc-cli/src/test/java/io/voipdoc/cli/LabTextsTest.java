package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The findings of every lab scenario read as whole sentences in English and German: no text has
 * an argument left unfilled (MessageFormat prints "{3}" as it is when a text names an argument the
 * rule does not pass), every finding has its title, evidence and advice, and the German texts
 * carry no English: no side of the call as an English word, no decimal point in a measurement.
 */
class LabTextsTest {
  private static final Pattern UNFILLED = Pattern.compile("\\{\\d");
  /** English in a German text: a role word passed as an argument, or 2.6 s / 18.5 % / 87.5 kbit. */
  private static final Pattern ENGLISH_IN_GERMAN =
      Pattern.compile("\\b(?:caller|callee)\\b|(?<![\\d.])\\d+\\.\\d+ ?(?:s\\b|ms\\b|%|kbit)");

  @TestFactory
  Stream<DynamicTest> everyFindingTextIsFilledInBothLanguages() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Cli.root().resolve("lab"))) {
      for (Path dir : dirs.sorted().toList()) {
        Path expected = dir.resolve("expected.yaml");
        if (Files.exists(expected)) {
          for (String lang : new String[] {"en", "de"}) {
            tests.add(DynamicTest.dynamicTest(
                dir.getFileName() + " " + lang, () -> check(dir, expected, lang)));
          }
        }
      }
    }
    assertTrue(tests.size() >= 40, "lab scenarios found: " + tests.size() / 2);
    return tests.stream();
  }

  private static void check(Path dir, Path expectedFile, String lang) throws IOException {
    JsonNode expected = new ObjectMapper(new YAMLFactory()).readTree(expectedFile.toFile());
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "--lang", lang));
    for (JsonNode c : expected.get("captures")) {
      args.add(dir.resolve(c.asText()).toString());
    }
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
    List<String> unfilled = new ArrayList<>();
    for (JsonNode f : cli.json().get("findings")) {
      String id = f.get("id").asText();
      List<String> texts = new ArrayList<>(List.of(f.get("title").asText()));
      f.get("evidence").forEach(e -> texts.add(e.get("text").asText()));
      f.get("advice").forEach(a -> texts.add(a.asText()));
      assertTrue(f.get("advice").size() > 0, id + " has advice");
      for (String t : texts) {
        assertTrue(!t.isBlank(), id + " has an empty text");
        if (UNFILLED.matcher(t).find()
            || lang.equals("de") && ENGLISH_IN_GERMAN.matcher(t).find()) {
          unfilled.add(id + ": " + t);
        }
      }
    }
    assertEquals(List.of(), unfilled);
  }
}
