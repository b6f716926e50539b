package io.voipdoc.decode.sip;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code name[=value]} parameter of a header value or URI, in wire order. Names keep their
 * case; compare them case-insensitively. A quoted value is returned without its quotes.
 *
 * @param name parameter name
 * @param value parameter value, or null when the parameter has none (e.g. {@code lr}, {@code
 *     rport})
 */
public record Parameter(String name, @Nullable String value) {

  /** The value of the first parameter with this name (case-insensitive), or null. */
  static @Nullable String find(List<Parameter> params, String name) {
    for (int i = 0; i < params.size(); i++) { // no iterator: called for every message's tags
      Parameter p = params.get(i);
      if (p.name.equalsIgnoreCase(name)) {
        return p.value;
      }
    }
    return null;
  }

  /** Whether a parameter with this name is present, with or without value. */
  static boolean has(List<Parameter> params, String name) {
    for (Parameter p : params) {
      if (p.name.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads {@code *( SEMI generic-param )} from {@code s} starting at a {@code ;}, where
   * {@code generic-param = token [ EQUAL gen-value ]} and {@code gen-value = token / host /
   * quoted-string} (RFC 3261 §25.1). Stops at the end of {@code s}.
   *
   * @return false when a parameter is empty ({@code ;;}) or malformed
   */
  static boolean parseAll(String s, int i, List<Parameter> out) {
    boolean ok = true;
    while (i < s.length()) {
      i = Grammar.skipWhitespace(s, i);
      if (i >= s.length()) {
        break;
      }
      if (s.charAt(i) != ';') {
        ok = false;
        i = next(s, i);
        continue;
      }
      i = Grammar.skipWhitespace(s, i + 1);
      int nameStart = i;
      while (i < s.length() && Grammar.isToken(s.charAt(i))) {
        i++;
      }
      String name = name(s, nameStart, i);
      i = Grammar.skipWhitespace(s, i);
      String value = null;
      if (i < s.length() && s.charAt(i) == '=') {
        i = Grammar.skipWhitespace(s, i + 1);
        if (i < s.length() && s.charAt(i) == '"') {
          int close = Grammar.closingQuote(s, i);
          if (close < 0) {
            return false;
          }
          value = Grammar.unquote(s, i, close);
          i = close + 1;
        } else {
          int vs = i;
          while (i < s.length() && s.charAt(i) != ';' && !Grammar.isWhitespace(s.charAt(i))) {
            i++;
          }
          value = s.substring(vs, i);
          ok &= !value.isEmpty();
        }
      }
      if (name.isEmpty()) {
        ok = false;
      } else {
        out.add(new Parameter(name, value));
      }
    }
    return ok;
  }

  /**
   * The names nearly every message repeats, kept once: messages of a call are kept together, and
   * the look-ups of {@code tag} and {@code branch} then find them by identity first.
   */
  private static final String[] COMMON = {
    "tag", "branch", "rport", "received", "lr", "transport", "maddr", "expires", "q", "user"
  };

  private static String name(String s, int start, int end) {
    for (String c : COMMON) {
      if (c.length() == end - start && s.startsWith(c, start)) {
        return c;
      }
    }
    return s.substring(start, end);
  }

  private static int next(String s, int i) {
    int semi = s.indexOf(';', i);
    return semi < 0 ? s.length() : semi;
  }
}
