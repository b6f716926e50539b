package io.voipdoc.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.TextBundles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The texts of every rule area are sound in English and German: the same keys, patterns that
 * {@link FindingText} can format (it formats every text with MessageFormat, so every apostrophe
 * must be doubled), the same arguments in both languages, every key used by its rule, and every
 * key a rule names present.
 */
class FindingTextBundlesTest {
  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern KEY =
      Pattern.compile("([A-Z][A-Z0-9_]*)\\.(title(?:\\.[a-z0-9_]+)?|evidence\\.([a-z0-9_]+)|advice\\.([a-z0-9_]+)|term\\.[a-z0-9_]+)");
  /** A key named right in the call: {@code .advice("key"} or {@code .evidence(frame, "key"}. */
  private static final Pattern NAMED_KEY = Pattern.compile(
      "\\.advice\\(\\s*\"([a-z0-9_]+)\""
          + "|\\.(?:evidence|lineEvidence)\\((?:[^\"();]|\\(\\))*,\\s*\"([a-z0-9_]+)\"");

  private static List<Path> englishBundles() throws IOException {
    try (Stream<Path> files = Files.walk(RESOURCES.resolve("io/voipdoc/diagnose/rules"))) {
      return files
          .filter(p -> p.getFileName().toString().equals("Messages.properties"))
          .sorted()
          .toList();
    }
  }

  @Test
  void bothLanguagesHaveTheSameSoundTexts() throws IOException {
    List<Path> bundles = englishBundles();
    assertTrue(bundles.size() >= 7, "rule areas with texts: " + bundles);
    List<String> problems = new ArrayList<>();
    for (Path en : bundles) {
      Path de = en.resolveSibling("Messages_de.properties");
      for (String p : TextBundles.problems(en, de, TextBundles.Formatting.ALWAYS)) {
        problems.add(RESOURCES.relativize(en.getParent()) + ": " + p);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyKeyBelongsToARuleOfItsAreaThatUsesIt() throws IOException {
    Map<String, Rule> rules = new HashMap<>();
    Rules.ALL.forEach(r -> rules.put(r.spec().id(), r));
    List<String> problems = new ArrayList<>();
    for (Path en : englishBundles()) {
      String area = RESOURCES.relativize(en.getParent()).toString().replace('/', '.');
      for (String key : new TreeSet<>(TextBundles.load(en).stringPropertyNames())) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
          problems.add(key + " is not <ID>.title(.<variant>), <ID>.evidence.<key>, <ID>.advice.<key> or <ID>.term.<key>");
          continue;
        }
        Rule rule = rules.get(m.group(1));
        if (rule == null || !rule.getClass().getPackageName().equals(area)) {
          problems.add(key + ": no rule " + m.group(1) + " in " + area);
          continue;
        }
        String sub = m.group(3) != null ? m.group(3) : m.group(4);
        if (sub != null && !source(rule).contains("\"" + sub + "\"")) {
          problems.add(
              key + ": " + rule.getClass().getSimpleName() + " never names \"" + sub + "\"");
        }
        String variant = key.contains(".title.") ? key.substring(key.lastIndexOf('.') + 1) : null;
        if (variant != null && !source(rule).contains("titleVariant(\"" + variant + "\")")) {
          problems.add(key + ": " + rule.getClass().getSimpleName() + " never asks for that title");
        }
        if (key.contains(".term.") && !source(rule).contains("Term.")
            && !source(rule).contains("new Term(")) {
          problems.add(key + ": " + rule.getClass().getSimpleName() + " passes no Term");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyKeyARuleNamesHasAText() throws IOException {
    List<String> problems = new ArrayList<>();
    int named = 0;
    for (Rule rule : Rules.ALL) {
      String id = rule.spec().id();
      Properties texts = TextBundles.load(RESOURCES.resolve(
          rule.getClass().getPackageName().replace('.', '/') + "/Messages.properties"));
      Matcher m = NAMED_KEY.matcher(source(rule));
      while (m.find()) {
        String key =
            m.group(1) != null ? id + ".advice." + m.group(1) : id + ".evidence." + m.group(2);
        named++;
        if (!texts.containsKey(key)) {
          problems.add(rule.getClass().getSimpleName() + " names " + key + ", which has no text");
        }
      }
    }
    assertEquals(List.of(), problems);
    // the pattern must keep finding the calls, or this test would pass by finding nothing
    assertTrue(named > 150, "keys named in the rules: " + named);
  }

  /**
   * The rule's source, followed by the sources of the helper classes of the rules packages it
   * uses, other rules excepted (a helper such as {@code TlsLogLines} names evidence keys for the rules that call it).
   */
  private static String source(Rule rule) throws IOException {
    Path file = SOURCES.resolve(rule.getClass().getName().replace('.', '/') + ".java");
    String own = Files.readString(file, StandardCharsets.UTF_8);
    StringBuilder all = new StringBuilder(own);
    Path rulesDir = SOURCES.resolve("io/voipdoc/diagnose/rules");
    try (java.util.stream.Stream<Path> files = Files.walk(rulesDir)) {
      for (Path helper : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = helper.getFileName().toString().replace(".java", "");
        if (!helper.equals(file) && own.matches("(?s).*\\b" + name + "\\.[a-z].*")) {
          String text = Files.readString(helper, StandardCharsets.UTF_8);
          if (!text.contains("@RuleSpec")) {
            all.append(text);
          }
        }
      }
    }
    return all.toString();
  }
}
