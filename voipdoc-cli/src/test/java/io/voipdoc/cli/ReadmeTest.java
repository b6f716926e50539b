package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's commands stay true: the example command runs on a capture shipped in the repo. */
class ReadmeTest {

  @Test
  void exampleCommandRunsOnAShippedCapture() throws IOException {
    Path root = Cli.root();
    List<String> lines = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
    String command =
        lines.stream()
            .filter(l -> l.startsWith("./voipdoc "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("README has no ./voipdoc command"));
    String[] words = command.replaceAll("#.*", "").trim().split("\\s+");
    String[] args = Arrays.copyOfRange(words, 1, words.length);
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("-") && Files.exists(root.resolve(args[i]))) {
        args[i] = root.resolve(args[i]).toString();
      }
    }
    Cli cli = Cli.run(args);
    assertEquals(0, cli.exitCode(), cli.err());
    assertTrue(!cli.out().isBlank(), "prints a report");
    // the sample report in the README is what the command prints today (in English)
    String[] english = Arrays.copyOf(args, args.length + 2);
    english[args.length] = "--lang";
    english[args.length + 1] = "en";
    String report = Cli.run(english).out();
    String readme = String.join("\n", lines) + "\n";
    assertTrue(readme.contains(report), "README shows the current report:\n" + report);
  }

  @Test
  void testCommandIsWhatCiRuns() throws IOException {
    Path root = Cli.root();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    String ci = Files.readString(root.resolve(".ci/run"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("./mvnw -B verify"), "README gives the test command");
    assertTrue(ci.lines().anyMatch(l -> l.trim().equals("./mvnw -B verify")), ".ci/run runs it");
  }
}
