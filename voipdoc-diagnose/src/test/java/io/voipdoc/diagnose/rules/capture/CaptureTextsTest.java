package io.voipdoc.diagnose.rules.capture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Rules;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the capture findings on the fixtures, in English and German, has all its values. */
class CaptureTextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"snaplen-200.pcapng", "started-late.pcapng", "too-short.pcapng", "one-direction.pcapng"})
  void texts_are_complete(String fixture) {
    List<Finding> all = Diagnoser.diagnose(Incidents.of(Fixtures.of(fixture)), Rules.ALL);
    assertTrue(all.stream().anyMatch(f -> f.id().startsWith(Diagnoser.CAPTURE_PREFIX)), all.toString());
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
      FindingText text = new FindingText(locale);
      for (Finding f : all) {
        assertFalse(text.title(f).contains("{"), text.title(f));
        f.evidence().forEach(e -> assertFalse(text.evidence(f, e).contains("{"), text.evidence(f, e)));
        f.advice().forEach(a -> assertFalse(text.advice(f, a).contains("{"), text.advice(f, a)));
      }
    }
  }
}
