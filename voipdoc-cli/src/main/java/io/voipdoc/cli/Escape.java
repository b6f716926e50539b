package io.voipdoc.cli;

import java.util.Locale;

/**
 * Makes text that comes from a capture (user agents, display names, URIs, header values, SDP)
 * safe to print. A capture is written by whoever sent the packets: a hostile sender can put
 * terminal escape sequences, bidirectional-text overrides or Markdown and HTML into a header, and
 * the report must show them as text instead of letting them act on the reader's terminal or
 * renderer.
 */
final class Escape {
  /**
   * Characters that are markup anywhere in a line. Those that are markup only at its start (list
   * and heading markers) are escaped only there, to keep the text readable as typed.
   */
  private static final String INLINE_MARKUP = "\\`*_[]<>|&~#!";

  private Escape() {}

  /**
   * The text with every character that could act on a terminal or hide what follows turned into
   * a visible escape: C0 controls ({@code \n}, {@code \r}, {@code \t}, {@code \x1b}, …), DEL and C1
   * controls, the bidirectional controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069),
   * the line and paragraph separators, and U+FFFD, which stands for bytes that were not valid
   * UTF-8.
   */
  static String terminal(String s) {
    int i = 0;
    while (i < s.length() && !special(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!special(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x100) {
        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean special(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0xfffd;
  }

  /**
   * The text escaped for Markdown (CommonMark, GitHub): first as for a terminal, then every
   * character that Markdown could read as markup (emphasis, code, links, HTML, entities, table
   * cells, headings, strike-through) preceded by a backslash, so that a renderer shows it as
   * typed.
   */
  static String markdown(String s) {
    String t = terminal(s);
    StringBuilder b = new StringBuilder(t.length() + 16);
    int digits = 0;
    while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
      digits++;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ordered = i > 0 && i == digits && (c == '.' || c == ')') && marker(t, i);
      boolean bulletOrRule =
          i == 0 && "+-=".indexOf(c) >= 0 && (marker(t, 0) || t.chars().allMatch(x -> x == c));
      if (INLINE_MARKUP.indexOf(c) >= 0 || ordered || bulletOrRule) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Whether the character at {@code i} ends a list marker: a blank or the end follows it. */
  private static boolean marker(String t, int i) {
    return i + 1 == t.length() || t.charAt(i + 1) == ' ' || t.charAt(i + 1) == '\t';
  }

  /**
   * A fenced code block around {@code lines} (already escaped with {@link #terminal}): the fence
   * is longer than any run of backticks inside, so no content can close it early.
   */
  static String fence(String lines, String info) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < lines.length(); i++) {
      run = lines.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return fence + info + "\n" + lines + (lines.endsWith("\n") ? "" : "\n") + fence + "\n";
  }

  /** An inline code span around {@code text}, delimited so that backticks inside cannot end it. */
  static String code(String text) {
    String t = terminal(text);
    int longest = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      run = t.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String ticks = "`".repeat(longest + 1);
    String pad = t.startsWith("`") || t.endsWith("`") || t.isBlank() ? " " : "";
    return ticks + pad + t + pad + ticks;
  }

  /** The text cut to {@code max} characters, the cut marked with "…". */
  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
