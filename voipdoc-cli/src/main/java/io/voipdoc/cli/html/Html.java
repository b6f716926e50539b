package io.voipdoc.cli.html;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds HTML (and inline SVG) text. Tag and attribute names always come from this code; every
 * value, text or attribute, goes through {@link #escape}, the one escaping function of the
 * report. Attribute values are always double-quoted.
 *
 * <p>Why no template library: the report is one page whose parts are loops over the model, and
 * the risk that matters is one forgotten escape. With a builder whose only way to write a value
 * is {@link #text} or an attribute, that cannot happen by accident; {@link #raw} is used for
 * constant markup and numbers only.
 */
final class Html {
  private final StringBuilder out;

  Html(StringBuilder out) {
    this.out = out;
  }

  Html() {
    this(new StringBuilder(1 << 16));
  }

  /**
   * Text from a capture or a bundle made safe for element content and quoted attribute values:
   * markup characters become entities; control characters (C0 other than tab and newline, DEL,
   * C1), bidirectional overrides and isolates, and non-characters become visible escapes such as
   * {@code \x1B} or {@code \u202E}, so that they can neither reorder nor hide text; unpaired
   * surrogates become U+FFFD.
   */
  static String escape(@Nullable String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '\t', '\n' -> b.append(c);
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            b.append('\uFFFD');
          } else if (c < 0x20 || c == 0x7F) {
            b.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
          } else if ((c >= 0x80 && c < 0xA0) || hidden(c)) {
            b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Characters that change how text around them is shown without being visible themselves. */
  private static boolean hidden(char c) {
    return (c >= 0x202A && c <= 0x202E) // bidi embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069) // bidi isolates
        || c == 0x200E || c == 0x200F || c == 0x061C // direction marks
        || c == 0x2028 || c == 0x2029 // line and paragraph separators
        || c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF); // non-characters
  }

  /** {@code s} cut to {@code max} characters, ending in "…" when cut. */
  static String clip(@Nullable String s, int max) {
    if (s == null) {
      return "";
    }
    if (s.length() <= max) {
      return s;
    }
    int cut = Math.max(0, max - 1);
    if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--; // keep a surrogate pair whole
    }
    return s.substring(0, cut) + "…";
  }

  /** Opens an element; {@code attributes} are name, value pairs, a null value omits the pair. */
  Html open(String tag, @Nullable String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
      }
    }
    out.append('>');
    return this;
  }

  /** An element with no content ({@code <br>}, {@code <line .../>}). */
  Html empty(String tag, @Nullable String... attributes) {
    open(tag, attributes);
    if (!tag.equals("br") && !tag.equals("meta") && !tag.equals("input") && !tag.equals("hr")) {
      out.insert(out.length() - 1, '/');
    }
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An element holding escaped {@code text}. */
  Html element(String tag, @Nullable String text, @Nullable String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  Html text(@Nullable String s) {
    out.append(escape(s));
    return this;
  }

  /** Markup written by this code (constants, numbers); never text from a capture or bundle. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /**
   * A number for SVG coordinates, always with a decimal point as SVG requires; numbers a reader
   * sees are written in the report's language instead.
   */
  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
