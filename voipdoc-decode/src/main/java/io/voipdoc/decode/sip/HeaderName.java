package io.voipdoc.decode.sip;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Header names the decoder knows by name: those with a compact form (RFC 3261 §7.3.3 and the
 * extensions listed in the package documentation) and those whose count it checks. Other names
 * are compared byte by byte, case-insensitively (§7.3.1).
 */
enum HeaderName {
  CALL_ID("Call-ID", 'i', true),
  FROM("From", 'f', true),
  TO("To", 't', true),
  VIA("Via", 'v', false),
  CONTACT("Contact", 'm', false),
  CONTENT_LENGTH("Content-Length", 'l', true),
  CONTENT_TYPE("Content-Type", 'c', true),
  SUPPORTED("Supported", 'k', false),
  SUBJECT("Subject", 's', true),
  CONTENT_ENCODING("Content-Encoding", 'e', false),
  EVENT("Event", 'o', true),
  ALLOW_EVENTS("Allow-Events", 'u', false),
  REFER_TO("Refer-To", 'r', true),
  REFERRED_BY("Referred-By", 'b', true),
  SESSION_EXPIRES("Session-Expires", 'x', true),
  IDENTITY("Identity", 'y', false),
  CSEQ("CSeq", '\0', true),
  MAX_FORWARDS("Max-Forwards", '\0', true),
  EXPIRES("Expires", '\0', true),
  USER_AGENT("User-Agent", '\0', false),
  SERVER("Server", '\0', false),
  REASON("Reason", '\0', false),
  ROUTE("Route", '\0', false),
  RECORD_ROUTE("Record-Route", '\0', false);

  private static final HeaderName[] VALUES = values();

  /** The number of known names. */
  static final int COUNT = VALUES.length;

  final String fullName;
  private final byte[] full;
  final char compact;
  /** Whether RFC 3261 §7.3 allows the header only once per message. */
  final boolean single;

  HeaderName(String fullName, char compact, boolean single) {
    this.fullName = fullName;
    this.full = fullName.getBytes(StandardCharsets.US_ASCII);
    this.compact = compact;
    this.single = single;
  }

  /** The known header the name bytes stand for (full or compact form), or null. */
  static @Nullable HeaderName of(byte[] b, int start, int end) {
    int n = end - start;
    if (n == 1) {
      int c = b[start] | 0x20;
      for (HeaderName h : VALUES) {
        if (h.compact == c) {
          return h;
        }
      }
      return null;
    }
    int first = (b[start] | 0x20) - 'a';
    if (first < 0 || first >= BY_FIRST_LETTER.length) {
      return null;
    }
    for (HeaderName h : BY_FIRST_LETTER[first]) {
      if (h.full.length == n && equalsIgnoreCase(b, start, h.full)) {
        return h;
      }
    }
    return null;
  }

  /** The full names by their first letter in lower case, 'a' first: at most a few each. */
  private static final HeaderName[][] BY_FIRST_LETTER = new HeaderName[26][];

  static {
    for (int c = 0; c < 26; c++) {
      int letter = 'a' + c;
      BY_FIRST_LETTER[c] =
          java.util.Arrays.stream(VALUES)
              .filter(h -> (h.fullName.charAt(0) | 0x20) == letter)
              .toArray(HeaderName[]::new);
    }
  }

  /** The known header a name string stands for (full or compact form), or null. */
  static @Nullable HeaderName of(String name) {
    if (name.isEmpty()) {
      return null;
    }
    if (name.length() == 1) {
      char c = Character.toLowerCase(name.charAt(0));
      for (HeaderName h : VALUES) {
        if (h.compact == c) {
          return h;
        }
      }
      return null;
    }
    int first = (name.charAt(0) | 0x20) - 'a';
    if (first < 0 || first >= BY_FIRST_LETTER.length) {
      return null;
    }
    for (HeaderName h : BY_FIRST_LETTER[first]) {
      if (h.fullName.equalsIgnoreCase(name)) {
        return h;
      }
    }
    return null;
  }

  /** ASCII case-insensitive comparison of {@code b[start..]} with {@code lower}. */
  static boolean equalsIgnoreCase(byte[] b, int start, byte[] name) {
    for (int i = 0; i < name.length; i++) {
      int x = b[start + i];
      int y = name[i];
      if (x != y && ((x | 0x20) != (y | 0x20) || !isLetter(y))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
