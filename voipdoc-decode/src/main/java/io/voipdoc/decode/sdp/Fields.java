package io.voipdoc.decode.sdp;

/** Splitting and number reading shared by the line parsers. */
final class Fields {
  private static final String[] NONE = new String[0];
  /** Runs of spaces, compiled once: {@code String.split(" +")} would compile it on every call. */
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

  private Fields() {}

  /** Splits at single spaces (RFC 8866 fields are separated by exactly one SP). */
  static String[] split(String v) {
    return v.isEmpty() ? NONE : v.split(" ", -1);
  }

  /** Splits at runs of spaces, for attributes whose senders pad with several. */
  static String[] words(String v) {
    return SPACES.split(v, 0);
  }

  /** An unsigned decimal up to {@code max}, or -1 when {@code s} is not one. */
  static long decimal(String s, long max) {
    if (s.isEmpty() || s.length() > 19) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9' || v > (max - (c - '0')) / 10) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
