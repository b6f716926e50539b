package io.voipdoc.decode.ws;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP/1.1 opening handshake of a WebSocket (RFC 6455 §4.1, §4.2.2): recognising the client's
 * upgrade request, and reading header values from either side's header section.
 */
public final class WebSocketHandshake {
  /** Bytes {@link #accepts} reads at most: an opening GET fits well within this. */
  public static final int ACCEPT_SCAN_LIMIT = 4096;

  private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UPGRADE = "upgrade:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBSOCKET = "websocket".getBytes(StandardCharsets.US_ASCII);

  private WebSocketHandshake() {}

  /**
   * Whether the bytes start an HTTP GET whose header section, within its first {@value
   * #ACCEPT_SCAN_LIMIT} bytes, has an {@code Upgrade} header naming {@code websocket}. Reads a
   * bounded prefix, allocates nothing, never throws.
   */
  public static boolean accepts(byte[] b, int off, int len) {
    if (off < 0 || len < GET.length || off > b.length - len) {
      return false;
    }
    for (int i = 0; i < GET.length; i++) {
      if (b[off + i] != GET[i]) {
        return false;
      }
    }
    int end = off + Math.min(len, ACCEPT_SCAN_LIMIT);
    int line = nextLine(b, off, end);
    while (line < end && b[line] != '\r' && b[line] != '\n') {
      int next = nextLine(b, line, end);
      if (startsWithIgnoreCase(b, line, next, UPGRADE)
          && containsIgnoreCase(b, line + UPGRADE.length, next, WEBSOCKET)) {
        return true;
      }
      line = next;
    }
    return false;
  }

  /**
   * Whether the bytes are the start of a GET whose header section has not ended yet, within
   * {@value #ACCEPT_SCAN_LIMIT} bytes: a client that writes its request in several TCP segments
   * may send the {@code Upgrade} header only in a later one. Allocates nothing, never throws.
   */
  public static boolean mayStillUpgrade(byte[] b, int off, int len) {
    if (off < 0 || len < 0 || off > b.length - len || len >= ACCEPT_SCAN_LIMIT) {
      return false;
    }
    for (int i = 0; i < Math.min(len, GET.length); i++) {
      if (b[off + i] != GET[i]) {
        return false;
      }
    }
    // the header section ends with an empty line (RFC 9112 §2.1); bare LF lines count as well
    for (int i = off; i < off + len - 1; i++) {
      if (b[i] == '\n' && (b[i + 1] == '\n' || (b[i + 1] == '\r' && i + 2 < off + len && b[i + 2] == '\n'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The status code of an HTTP status line ({@code HTTP/1.1 101 Switching Protocols}), or -1 when
   * the header section does not start with one.
   */
  static int statusCode(String headerSection) {
    // Status-Line = HTTP-Version SP Status-Code SP Reason-Phrase CRLF (RFC 9112 §4)
    if (!headerSection.startsWith("HTTP/1.") || headerSection.length() < 12) {
      return -1;
    }
    int code = 0;
    for (int i = 9; i < 12; i++) {
      char c = headerSection.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      code = code * 10 + (c - '0');
    }
    return headerSection.charAt(8) == ' ' && code >= 100 ? code : -1;
  }

  /**
   * The request target of a GET request line ({@code GET /ws HTTP/1.1} gives {@code /ws}); empty
   * when the line has no second word.
   */
  static String requestTarget(String headerSection) {
    // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
    int eol = headerSection.indexOf('\n');
    String line = (eol < 0 ? headerSection : headerSection.substring(0, eol)).strip();
    int from = line.indexOf(' ');
    if (from < 0) {
      return "";
    }
    int to = line.indexOf(' ', from + 1);
    return line.substring(from + 1, to < 0 ? line.length() : to);
  }

  /** The value of the first header named {@code name} (any case), trimmed; null when absent. */
  static @Nullable String header(String headerSection, String name) {
    String wanted = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : headerSection.split("\r?\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(wanted)) {
        return line.substring(wanted.length()).strip();
      }
    }
    return null;
  }

  private static int nextLine(byte[] b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return end;
  }

  private static boolean startsWithIgnoreCase(byte[] b, int from, int end, byte[] lower) {
    if (end - from < lower.length) {
      return false;
    }
    for (int i = 0; i < lower.length; i++) {
      if (lower(b[from + i]) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsIgnoreCase(byte[] b, int from, int end, byte[] lower) {
    for (int i = from; i <= end - lower.length; i++) {
      if (startsWithIgnoreCase(b, i, end, lower)) {
        return true;
      }
    }
    return false;
  }

  private static byte lower(byte c) {
    return c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
  }
}
