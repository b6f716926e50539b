package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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
