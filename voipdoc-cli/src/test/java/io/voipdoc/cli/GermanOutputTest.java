package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers and the usage-error hint follow {@code --lang}: with {@code de} the text, Markdown and
 * HTML outputs write a decimal comma, while English stays as it was and JSON keeps a decimal point
 * in every language. Runs on the one-way-audio lab captures.
 */
class GermanOutputTest {
  private static final String PBX = capture("pbx.pcapng");

  @TempDir Path dir;

  private static String capture(String name) {
    return Cli.root().resolve("lab/one-way-audio").resolve(name).toString();
  }

  private static String[] allCaptures() {
    return new String[] {capture("nat1-lan.pcapng"), capture("nat1-wan.pcapng"), PBX};
  }

  @Test
  void callsTableWritesTheDurationWithADecimalCommaInGerman() {
    Cli de = Cli.run("calls", "--lang", "de", PBX);
    assertEquals(ExitCode.OK, de.exitCode(), de.err());
    assertEquals(
        "1  2026-11-25 11:16:08.334786  6,506    bob  alice  angenommen  200     1                 13",
        de.out().lines().toList().get(1));

    Cli en = Cli.run("calls", "--lang", "en", PBX);
    assertEquals(
        "1  2026-11-25 11:16:08.334786  6.506       bob   alice  answered  200    1     13",
        en.out().lines().toList().get(1));
  }

  @Test
  void flowWritesMessageTimesWithADecimalCommaInGerman() {
    Cli de = Cli.run("flow", "--lang", "de", "--call", "1", PBX);
    assertEquals(ExitCode.OK, de.exitCode(), de.err());
    assertTrue(de.out().contains("\n    6,509 #21    |<"), de.out());
    assertFalse(de.out().contains("6.509"), de.out());

    Cli en = Cli.run("flow", "--lang", "en", "--call", "1", PBX);
    assertTrue(en.out().contains("\n    6.509 #21    |<"), en.out());
  }

  @Test
  void analyzeMarkdownLadderWritesTimesWithADecimalCommaInGerman() {
    List<String> args = new ArrayList<>(List.of("analyze", "--lang", "de", "--format", "md"));
    args.addAll(List.of(allCaptures()));
    Cli de = Cli.run(args.toArray(String[]::new));
    assertTrue(de.out().contains("\n    6,509 #18    |-BYE sip:alice"), de.out());
    assertFalse(de.out().contains("6.509"), de.out());
  }

  @Test
  void jsonKeepsTheDecimalPointInGerman() {
    Cli de = Cli.run("streams", "--lang", "de", "--format", "json", capture("nat1-wan.pcapng"));
    assertEquals(ExitCode.OK, de.exitCode(), de.err());
    assertTrue(de.out().contains("\"maxJitterMs\" : 1.2"), de.out());
    JsonNode stream = de.json().get("streams").get(0);
    assertEquals(1.2, stream.get("maxJitterMs").asDouble(), 0.05);
  }

  @Test
  void htmlTooltipsTimesAndAxesUseADecimalCommaInGerman() throws IOException {
    String de = html("de");
    // SIP ticks on the media timeline and the ladder's arrows: time, then the message
    assertTrue(de.contains("<title>6,509 s  BYE sip:alice-0x55a8ff9debd0@203.0.113.11:5060</title>"));
    assertTrue(de.contains("class=\"time\">6,509 s</text>"));
    // the message table of the call
    assertTrue(de.contains("<td class=\"num\">6,509 s</td>"));
    // registration dots and the jitter axis of a stream plot
    assertTrue(de.contains("<title>+1,1 s  REGISTER → 401</title>"));
    assertTrue(de.contains("class=\"axis-left\">1,5</text>"));
    // SVG coordinates keep their point whatever the language
    assertTrue(de.contains("y=\"115.5\" class=\"axis-left\">0,5</text>"));
    assertFalse(de.contains("6.509 s"));

    String en = html("en");
    assertTrue(en.contains("<title>6.509 s  BYE sip:alice-0x55a8ff9debd0@203.0.113.11:5060</title>"));
    assertTrue(en.contains("<td class=\"num\">6.509 s</td>"));
    assertTrue(en.contains("<title>+1.1 s  REGISTER → 401</title>"));
    assertTrue(en.contains("y=\"115.5\" class=\"axis-left\">0.5</text>"));
  }

  private String html(String lang) throws IOException {
    Path out = dir.resolve("report-" + lang + ".html");
    List<String> args = new ArrayList<>(List.of("analyze", "--lang", lang, "--format", "html", "-o", out.toString()));
    args.addAll(List.of(allCaptures()));
    Cli r = Cli.run(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void usageErrorHintIsGermanWithGermanTexts() {
    Cli de = Cli.run("calls", "--lang", "de", "--format", "md", PBX);
    assertEquals(ExitCode.USAGE, de.exitCode());
    assertEquals(
        List.of(
            "voipdoc: --format md gibt es für 'calls' nicht; möglich sind [text, json]",
            "Mehr dazu: 'voipdoc --help'."),
        de.err().lines().toList());

    // an option picocli does not know: the language is read from the raw arguments
    Cli unknown = Cli.run("calls", "--lang=de", "--bogus", PBX);
    assertEquals(ExitCode.USAGE, unknown.exitCode());
    assertEquals("Mehr dazu: 'voipdoc --help'.", unknown.err().lines().toList().get(1));

    Cli en = Cli.run("calls", "--lang", "en", "--format", "md", PBX);
    assertEquals(
        List.of(
            "voipdoc: --format md is not available for 'calls'; use one of [text, json]",
            "Try 'voipdoc --help'."),
        en.err().lines().toList());
  }
}
