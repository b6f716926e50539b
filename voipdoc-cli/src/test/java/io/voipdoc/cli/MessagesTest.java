package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.voipdoc.testkit.TextBundles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in English and German, and every anomaly ID that a reader or decoder can
 * report (the constants of every {@code *Problem} enum) has an explanation in both.
 */
class MessagesTest {

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/io/voipdoc/cli/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndGermanHaveTheSameKeys() throws IOException {
    assertEquals(
        new TreeSet<>(bundle("Messages.properties").stringPropertyNames()),
        new TreeSet<>(bundle("Messages_de.properties").stringPropertyNames()));
  }

  @Test
  void apostrophesAreEscapedForMessageFormat() throws IOException {
    for (String name : new String[] {"Messages.properties", "Messages_de.properties"}) {
      Properties p = bundle(name);
      for (String key : p.stringPropertyNames()) {
        String unescaped = p.getProperty(key).replace("''", "");
        assertTrue(unescaped.indexOf('\'') < 0, name + " " + key + " has a single apostrophe");
      }
    }
  }

  @Test
  void textsParseAndUseTheSameArgumentsInBothLanguages() throws IOException {
    Path dir = Path.of("src/main/resources/io/voipdoc/cli");
    assertEquals(
        List.of(),
        TextBundles.problems(
            dir.resolve("Messages.properties"),
            dir.resolve("Messages_de.properties"),
            TextBundles.Formatting.ONLY_WITH_ARGUMENTS));
  }

  /**
   * Every key is named in the code, either whole ({@code "analyze.nothing"}) or by a prefix the
   * code completes at run time ({@code "calls.state." + state}).
   */
  @Test
  void everyKeyIsUsed() throws IOException {
    StringBuilder code = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        code.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    Set<String> prefixes = new TreeSet<>();
    Matcher m = Pattern.compile("\"([a-z_.]+\\.)\"\\s*\\+").matcher(code);
    while (m.find()) {
      prefixes.add(m.group(1));
    }
    assertTrue(prefixes.contains("anomaly."), "prefixes built at run time: " + prefixes);
    List<String> unused = new ArrayList<>();
    for (String key : new TreeSet<>(bundle("Messages.properties").stringPropertyNames())) {
      if (code.indexOf("\"" + key + "\"") < 0 && prefixes.stream().noneMatch(key::startsWith)) {
        unused.add(key);
      }
    }
    assertEquals(List.of(), unused);
  }

  @Test
  void everyAnomalyIdIsExplained() throws Exception {
    Set<String> ids = new TreeSet<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.voipdoc.capture", "io.voipdoc.decode")) {
      if (c.isEnum() && c.getSimpleName().endsWith("Problem")) {
        Class<?> type = c.reflect();
        for (Object constant : type.getEnumConstants()) {
          ids.add((String) type.getMethod("id").invoke(constant));
        }
      }
    }
    assertTrue(ids.size() > 40, "found the problem enums: " + ids);
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
      Messages messages = new Messages(locale);
      for (String id : ids) {
        assertTrue(messages.has("anomaly." + id), locale + " explains " + id);
      }
    }
  }
}
