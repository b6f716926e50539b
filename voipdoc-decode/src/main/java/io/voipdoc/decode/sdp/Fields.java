package io.voipdoc.decode.sdp;

/** Splitting and number reading shared by the line parsers. */
final class Fields {
  private static final String[] NONE = new String[0];

  private Fields() {}

  /** Splits at single spaces (RFC 8866 fields are separated by exactly one SP). */
  static String[] split(String v) {
    if (v.isEmpty()) {
      return NONE;
    }
    int n = 1;
    for (int i = v.indexOf(' '); i >= 0; i = v.indexOf(' ', i + 1)) {
      n++;
    }
    String[] out = new String[n]; // as v.split(" ", -1), without its intermediate list
    int start = 0;
    for (int k = 0; k < n - 1; k++) {
      int sp = v.indexOf(' ', start);
      out[k] = SdpTokens.substring(v, start, sp);
      start = sp + 1;
    }
    out[n - 1] = SdpTokens.substring(v, start, v.length());
    return out;
  }

  /** {@link #decimal} of {@code s[start, end)}, without a substring. */
  static long decimal(String s, int start, int end, long max) {
    if (end <= start || end - start > 19) {
      return -1;
    }
    long v = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9' || v > (max - (c - '0')) / 10) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Splits at runs of spaces, for attributes whose senders pad with several: the result of {@code
   * v.split(" +")} (a leading empty field when {@code v} starts with SP, no trailing empty ones),
   * without a regular expression.
   */
  static String[] words(String v) {
    if (v.indexOf(' ') < 0) {
      return new String[] {v};
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>(8);
    int start = 0;
    int i = 0;
    while (i < v.length()) {
      if (v.charAt(i) == ' ') {
        out.add(SdpTokens.substring(v, start, i));
        while (i < v.length() && v.charAt(i) == ' ') {
          i++;
        }
        start = i;
      } else {
        i++;
      }
    }
    out.add(SdpTokens.substring(v, start, v.length()));
    int n = out.size();
    while (n > 0 && out.get(n - 1).isEmpty()) {
      n--;
    }
    return out.subList(0, n).toArray(NONE);
  }

  /** An unsigned decimal up to {@code max}, or -1 when {@code s} is not one. */
  static long decimal(String s, long max) {
    return decimal(s, 0, s.length(), max);
  }
}
