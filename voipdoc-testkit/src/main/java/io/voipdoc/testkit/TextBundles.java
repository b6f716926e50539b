package io.voipdoc.testkit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Checks a pair of resource bundles of user-facing texts (English {@code Messages.properties} and
 * German {@code Messages_de.properties}) the way {@link MessageFormat} will read them: both have
 * the same keys, every text parses, each key uses the same argument indexes in both languages, and
 * no apostrophe turns part of a text into a quoted literal (in a MessageFormat pattern a single
 * {@code '} starts a quote, so "don't {0}" prints "dont {0}"; it must be written "don''t").
 */
public final class TextBundles {

  /** How the code that shows the texts applies {@link MessageFormat}. */
  public enum Formatting {
    /** Every text goes through MessageFormat, with or without arguments. */
    ALWAYS,
    /**
     * Only texts called with arguments go through MessageFormat; the others are shown as written,
     * so a text without arguments must not contain an apostrophe at all (escaped or not).
     */
    ONLY_WITH_ARGUMENTS
  }

  private TextBundles() {}

  /** Reads a properties file as UTF-8, as {@code ResourceBundle} does since Java 9. */
  public static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  /**
   * Everything wrong with an English bundle and its German counterpart, one line per problem;
   * empty when both are sound.
   */
  public static List<String> problems(Path english, Path german, Formatting formatting)
      throws IOException {
    Properties en = load(english);
    Properties de = load(german);
    List<String> problems = new ArrayList<>();
    SortedSet<String> keys = new TreeSet<>(en.stringPropertyNames());
    keys.addAll(de.stringPropertyNames());
    for (String key : keys) {
      String e = en.getProperty(key);
      String d = de.getProperty(key);
      if (e == null || d == null) {
        problems.add(key + ": only in " + (e == null ? german : english).getFileName());
        continue;
      }
      List<String> enProblems = patternProblems(e, Locale.ENGLISH, formatting);
      List<String> deProblems = patternProblems(d, Locale.GERMAN, formatting);
      enProblems.forEach(p -> problems.add(key + " (en): " + p));
      deProblems.forEach(p -> problems.add(key + " (de): " + p));
      if (enProblems.isEmpty() && deProblems.isEmpty()
          && !argumentIndexes(e).equals(argumentIndexes(d))) {
        problems.add(key + ": English uses the arguments " + argumentIndexes(e)
            + ", German uses " + argumentIndexes(d));
      }
    }
    return problems;
  }

  /**
   * What is wrong with one MessageFormat pattern: it does not parse, it has a single apostrophe
   * (which quotes the text after it), or, when shown without formatting, an escaped one.
   */
  public static List<String> patternProblems(String pattern, Locale locale, Formatting formatting) {
    List<String> problems = new ArrayList<>();
    try {
      new MessageFormat(pattern, locale);
    } catch (IllegalArgumentException e) {
      problems.add("does not parse as a MessageFormat pattern: " + e.getMessage());
      return problems;
    }
    String unpaired = pattern.replace("''", "");
    if (unpaired.indexOf('\'') >= 0) {
      int at = unpaired.indexOf('\'');
      problems.add("single apostrophe (it quotes the rest of the text, arguments included; write ''"
          + " for one): ..." + unpaired.substring(Math.max(0, at - 20), at + 1));
    }
    if (formatting == Formatting.ONLY_WITH_ARGUMENTS
        && argumentIndexes(pattern).isEmpty()
        && pattern.contains("''")) {
      problems.add("text without arguments is shown unformatted, so '' would appear doubled");
    }
    return problems;
  }

  /**
   * The argument indexes a pattern uses outside quotes, those inside choice sub-patterns (such as
   * {@code {0,choice,1#one|1<{0,number} many}}) included.
   */
  public static SortedSet<Integer> argumentIndexes(String pattern) {
    SortedSet<Integer> indexes = new TreeSet<>();
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (!quoted && c == '{') {
        depth++;
        int j = i + 1;
        while (j < pattern.length() && Character.isWhitespace(pattern.charAt(j))) {
          j++;
        }
        int start = j;
        while (j < pattern.length() && Character.isDigit(pattern.charAt(j))) {
          j++;
        }
        if (j > start) {
          indexes.add(Integer.parseInt(pattern.substring(start, j)));
        }
      } else if (!quoted && c == '}' && depth > 0) {
        depth--;
      }
    }
    return indexes;
  }
}
