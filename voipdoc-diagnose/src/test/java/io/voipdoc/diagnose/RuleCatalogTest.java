package io.voipdoc.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The registry of rules is consistent: unique IDs from the failure catalogue (or voipdoc's own,
 * documented in docs/rules.md), class names that are the CamelCase form of their IDs, and a title
 * and advice in English and German for each.
 */
class RuleCatalogTest {
  /** IDs of voipdoc's own that the failure catalogue does not have; docs/rules.md lists them. */
  private static final Set<String> OWN_IDS = Set.of("CALL_REJECTED");

  @Test
  void idsAreUniqueAndClassNamesMatch() {
    Set<String> ids = new HashSet<>();
    for (Rule rule : Rules.ALL) {
      String id = rule.spec().id();
      assertTrue(ids.add(id), "duplicate " + id);
      StringBuilder camel = new StringBuilder();
      for (String part : id.split("_")) {
        camel.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
      assertEquals(camel.toString(), rule.getClass().getSimpleName(), "class name of " + id);
    }
  }

  @Test
  void idsComeFromTheFailureCatalogue() throws IOException {
    Path knowledge = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "KNOWLEDGE.md");
    Assumptions.assumeTrue(Files.exists(knowledge), "domain brief not present at " + knowledge);
    Set<String> catalogue = new HashSet<>();
    Matcher m = Pattern.compile("^\\| ([A-Z][A-Z0-9_]+) \\|", Pattern.MULTILINE)
        .matcher(Files.readString(knowledge, StandardCharsets.UTF_8));
    while (m.find()) {
      catalogue.add(m.group(1));
    }
    // findings about the captures themselves (CAPTURE_*) are no failure patterns: docs/rules.md
    // lists them
    String documented = Files.readString(
        Path.of(System.getProperty("voipdoc.root", "..")).resolve("docs").resolve("rules.md"),
        StandardCharsets.UTF_8);
    for (Rule rule : Rules.ALL) {
      String id = rule.spec().id();
      if (id.startsWith(Diagnoser.CAPTURE_PREFIX)) {
        assertTrue(documented.contains("| " + id + " |"), id + " is in docs/rules.md");
      } else if (OWN_IDS.contains(id)) {
        assertTrue(!catalogue.contains(id), id + " is voipdoc's own, not a catalogue row");
        assertTrue(documented.contains("| " + id + " |"), id + " is in docs/rules.md");
      } else {
        assertTrue(catalogue.contains(id), id + " is in the catalogue");
      }
    }
  }

  @Test
  void everyRuleHasTitleAndAdviceInBothLanguages() throws IOException {
    for (Rule rule : Rules.ALL) {
      String id = rule.spec().id();
      String base = "/" + rule.getClass().getPackageName().replace('.', '/') + "/Messages";
      for (String suffix : new String[] {"", "_de"}) {
        Properties p = new Properties();
        try (InputStream in = RuleCatalogTest.class.getResourceAsStream(base + suffix + ".properties")) {
          assertTrue(in != null, "bundle " + base + suffix);
          p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertTrue(p.containsKey(id + ".title"), id + ".title in " + base + suffix);
        assertTrue(
            p.stringPropertyNames().stream().anyMatch(k -> k.startsWith(id + ".advice.")),
            id + " has advice in " + base + suffix);
      }
    }
  }
}
