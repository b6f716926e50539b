package io.voipdoc.decode.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Character classes and small scanners shared by the header parsers (RFC 3261 §25.1). */
final class Grammar {
  private static final boolean[] TOKEN = new boolean[128];

  static {
    // token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[c - 32] = true;
    }
    for (char c : "-.!%*_+`'~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  private Grammar() {}

  static boolean isToken(int c) {
    return c >= 0 && c < 128 && TOKEN[c];
  }

  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isToken(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static int skipWhitespace(String s, int i) {
    while (i < s.length() && isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static int trimEnd(String s, int start, int end) {
    while (end > start && isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** The trimmed substring, or the empty string. */
  static String trimmed(String s, int start, int end) {
    start = Math.min(start, end);
    while (start < end && isWhitespace(s.charAt(start))) {
      start++;
    }
    return s.substring(start, trimEnd(s, start, end));
  }

  /**
   * The index of the closing quote of the quoted string opening at {@code open}, honouring
   * quoted-pair ({@code "\" %x00-09 / %x0B-0C / %x0E-7F}), or -1 when it is never closed.
   */
  static int closingQuote(String s, int open) {
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /** The content of a quoted string without quotes, quoted-pairs resolved. */
  static String unquote(String s, int open, int close) {
    int backslash = s.indexOf('\\', open + 1);
    if (backslash < 0 || backslash >= close) {
      return s.substring(open + 1, close);
    }
    StringBuilder out = new StringBuilder(close - open);
    for (int i = open + 1; i < close; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < close) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Splits a header value at the commas that separate list elements ({@code #element}, RFC 3261
   * §7.3.1): commas inside quoted strings and inside {@code <...>} do not count. Elements are
   * trimmed; empty elements are kept so the caller can report them. When a quoted string is not
   * closed, {@code unbalanced[0]} is set and the rest of the value is the last element.
   */
  static List<String> splitList(String s, boolean[] unbalanced) {
    @Nullable List<String> out = null; // most values are a single element: no list until a comma
    int start = 0;
    boolean inAngle = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        int close = closingQuote(s, i);
        if (close < 0) {
          unbalanced[0] = true;
          break;
        }
        i = close;
      } else if (c == '<') {
        inAngle = true;
      } else if (c == '>') {
        inAngle = false;
      } else if (c == ',' && !inAngle) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(trimmed(s, start, i));
        start = i + 1;
      }
    }
    String last = trimmed(s, start, s.length());
    if (out == null) {
      return List.of(last);
    }
    out.add(last);
    return out;
  }

  /**
   * Decodes {@code %HH} escapes (RFC 3261 §25.1 {@code escaped}) into UTF-8 text. A {@code %} not
   * followed by two hex digits is kept as it is: RFC 4475 §3.1.1.5 shows it is not an escape.
   */
  static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '%' && i + 2 < b.length && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
        out.write(hex(b[i + 1]) << 4 | hex(b[i + 2]));
        i += 2;
      } else {
        out.write(b[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static int hex(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  /**
   * Parses an unsigned decimal, or returns -1 when {@code s} is not {@code 1*DIGIT}, or -2 when it
   * is digits but exceeds {@code max}.
   */
  static long decimal(String s, long max) {
    if (s.isEmpty()) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      if (v > (max - (c - '0')) / 10) {
        for (int j = i + 1; j < s.length(); j++) {
          if (s.charAt(j) < '0' || s.charAt(j) > '9') {
            return -1;
          }
        }
        return -2;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
