package io.voipdoc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Colours of the text reports. ANSI colours are used only where they help: on a terminal, unless
 * the user asked for none with {@code NO_COLOR} (no-color.org) or {@code TERM=dumb}; {@code
 * --color=always|never} overrides that, as {@code ls} and {@code grep} do.
 */
final class Style {
  /** The values of {@code --color}. */
  enum Mode {
    auto,
    always,
    never
  }

  /** No colours. */
  static final Style PLAIN = new Style(false);

  private static final String RESET = "\033[0m";

  private final boolean colour;

  private Style(boolean colour) {
    this.colour = colour;
  }

  /** The style for standard output under {@code mode} and the given environment. */
  static Style forStandardOutput(Mode mode, Map<String, String> env) {
    return switch (mode) {
      case always -> new Style(true);
      case never -> PLAIN;
      case auto -> {
        String noColor = env.get("NO_COLOR");
        boolean wanted = (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
        yield wanted && isTerminal(1) ? new Style(true) : PLAIN;
      }
    };
  }

  /** Whether this style colours at all. */
  boolean colour() {
    return colour;
  }

  /** Red and bold: errors. */
  String error(String s) {
    return sgr("1;31", s);
  }

  /** Yellow and bold: warnings. */
  String warning(String s) {
    return sgr("1;33", s);
  }

  /** Cyan: notes. */
  String note(String s) {
    return sgr("36", s);
  }

  /** Bold: headings. */
  String strong(String s) {
    return sgr("1", s);
  }

  /** Dim: where a piece of evidence is, and filters. */
  String faint(String s) {
    return sgr("2", s);
  }

  private String sgr(String code, String s) {
    return colour ? "\033[" + code + "m" + s + RESET : s;
  }

  /**
   * Whether file descriptor {@code fd} of this process is a terminal. Java 17 has no direct test:
   * on Linux the descriptor's link in {@code /proc/self/fd} names the terminal device; elsewhere
   * {@link System#console()} (non-null only when both standard input and output are terminals)
   * stands in.
   */
  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd", Integer.toString(fd));
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }
}
