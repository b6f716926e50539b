package io.voipdoc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.TextBundles.Formatting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle checks find each kind of mistake, and pass sound texts. */
class TextBundlesTest {

  @Test
  void findsTheArgumentIndexesOutsideQuotesAndInsideChoices() {
    assertEquals(Set.of(0, 2), TextBundles.argumentIndexes("Call {2} to {0}"));
    assertEquals(Set.of(0, 1), TextBundles.argumentIndexes(
        "{0,choice,0#no errors|1#1 error|1<{0,number,integer} errors}, {1,number,integer} notes"));
    assertEquals(Set.of(0), TextBundles.argumentIndexes("the phone''s {0}"));
    assertEquals(Set.of(), TextBundles.argumentIndexes("the phone's {0}"));
  }

  @Test
  void aSingleApostropheIsReported() {
    List<String> problems =
        TextBundles.patternProblems("Ton des Anrufer's ({3})", Locale.GERMAN, Formatting.ALWAYS);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("single apostrophe"), problems.get(0));
    assertEquals(List.of(),
        TextBundles.patternProblems("the caller''s {0}", Locale.ENGLISH, Formatting.ALWAYS));
  }

  @Test
  void anEscapedApostropheWithoutArgumentsIsReportedWhenShownUnformatted() {
    assertEquals(List.of(),
        TextBundles.patternProblems("the caller''s phone", Locale.ENGLISH, Formatting.ALWAYS));
    assertEquals(1, TextBundles.patternProblems(
        "the caller''s phone", Locale.ENGLISH, Formatting.ONLY_WITH_ARGUMENTS).size());
    assertEquals(List.of(), TextBundles.patternProblems(
        "the caller''s {0}", Locale.ENGLISH, Formatting.ONLY_WITH_ARGUMENTS));
  }

  @Test
  void aPatternThatDoesNotParseIsReported() {
    List<String> problems =
        TextBundles.patternProblems("Call {0 to {1}", Locale.ENGLISH, Formatting.ALWAYS);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("does not parse"), problems.get(0));
  }

  @Test
  void comparesKeysAndArgumentsOfBothLanguages(@TempDir Path dir) throws IOException {
    Path en = dir.resolve("Messages.properties");
    Path de = dir.resolve("Messages_de.properties");
    Files.writeString(en, "a=Call {0} to {1}\nb=Caller {0} ({1})\nc=only English\n",
        StandardCharsets.UTF_8);
    Files.writeString(de, "a=Anruf {1} an {0}\nb=Anrufer {0} ({3})\nd=nur Deutsch\n",
        StandardCharsets.UTF_8);
    assertEquals(
        List.of(
            "b: English uses the arguments [0, 1], German uses [0, 3]",
            "c: only in Messages.properties",
            "d: only in Messages_de.properties"),
        TextBundles.problems(en, de, Formatting.ALWAYS));
  }
}
