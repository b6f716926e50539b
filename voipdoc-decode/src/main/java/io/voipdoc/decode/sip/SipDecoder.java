package io.voipdoc.decode.sip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one SIP message from a datagram, or from a message that {@link SipStreamFramer} cut out
 * of a stream. Stateless; never throws on bad input: damage becomes a {@link SipProblem} on the
 * returned message, and bytes that are not SIP give null.
 *
 * <p>Recognition follows the start-line grammar (RFC 3261 §7.1, §7.2), not a list of methods.
 * Leading CRLFs are keep-alives (RFC 5626 §3.5.1) and are skipped silently. Up to {@link
 * SipDecoderConfig#maxJunkBeforeStartLine()} bytes of junk before a start line are skipped and
 * reported as {@code sip.junk_before_start_line}.
 *
 * <p>On a datagram the body is what Content-Length declares (§18.3): a longer datagram has bytes
 * after the body ({@code sip.bytes_after_body}, they are ignored), a shorter one a mismatch
 * ({@code sip.content_length_mismatch}, the body is what is there), and without Content-Length the
 * body runs to the end of the datagram, which §18.3 allows for UDP.
 */
public final class SipDecoder {
  /** Bytes {@link #accepts} looks at: enough for any real start line, small enough to be cheap. */
  public static final int ACCEPT_SCAN_LIMIT = 1024;

  /**
   * Methods of RFC 3261 and its extensions, used only to split junk glued to the front of a method
   * (a packet seen in the wild, in Zeek's test trace sip-junk-before-request, reads {@code
   * DBREGISTER sip:...}), and to share one String per method among messages. Recognition never
   * depends on this list.
   */
  static final String[] KNOWN_METHODS = {
    "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "PRACK", "SUBSCRIBE", "NOTIFY",
    "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE"
  };

  private SipDecoder() {}

  /** The {@link #KNOWN_METHODS} instance equal to {@code method}, or {@code method} itself. */
  static String shared(String method) {
    for (String known : KNOWN_METHODS) {
      if (known.equals(method)) {
        return known;
      }
    }
    return method;
  }

  /**
   * Whether the bytes start (after keep-alives and a little junk) with a SIP start line. Reads at
   * most {@link #ACCEPT_SCAN_LIMIT} bytes, never allocates and never throws.
   */
  public static boolean accepts(byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off > buf.length - len) {
      return false;
    }
    int end = off + Math.min(len, ACCEPT_SCAN_LIMIT);
    int p = skipKeepAlives(buf, off, end);
    if (p == end) {
      return false;
    }
    return StartLine.recognise(buf, p, end, null) != StartLine.NOT_SIP
        || junkEnd(buf, p, end, SipDecoderConfig.DEFAULT_MAX_JUNK_BEFORE_START_LINE) >= 0;
  }

  /** Decodes one datagram with the default limits; null when it is not SIP. */
  public static @Nullable SipMessage decode(byte[] buf, int off, int len) {
    return decode(buf, off, len, SipDecoderConfig.DEFAULT);
  }

  /** Decodes one datagram; null when it is not SIP. */
  public static @Nullable SipMessage decode(
      byte[] buf, int off, int len, SipDecoderConfig config) {
    Objects.checkFromIndexSize(off, len, buf.length);
    return parse(Arrays.copyOfRange(buf, off, off + len), config, false, List.of());
  }

  /**
   * Decodes a message the framer delimited: {@code d} holds exactly one message whose body is
   * everything after the header section. {@code framing} lists problems the framer found.
   */
  static @Nullable SipMessage decodeFramed(
      byte[] d, SipDecoderConfig config, List<SipProblem.At> framing) {
    return parse(d, config, true, framing);
  }

  private static @Nullable SipMessage parse(
      byte[] d, SipDecoderConfig config, boolean framed, List<SipProblem.At> framing) {
    int n = d.length;
    int p = skipKeepAlives(d, 0, n);
    if (p == n) {
      return null;
    }
    List<SipProblem.At> problems = new ArrayList<>(framing);
    int[] sl = new int[StartLine.SIZE];
    int kind = StartLine.recognise(d, p, n, sl);
    if (kind == StartLine.NOT_SIP) {
      int q = junkEnd(d, p, n, config.maxJunkBeforeStartLine());
      if (q < 0) {
        return null;
      }
      problems.add(new SipProblem.At(SipProblem.JUNK_BEFORE_START_LINE, p, "bytes=" + (q - p)));
      kind = StartLine.recognise(d, q, n, sl);
    } else if (kind == StartLine.REQUEST) {
      splitGluedJunk(d, sl, problems);
    }
    if (sl[StartLine.LINE_END] - p > config.maxLineLength()) {
      problems.add(
          new SipProblem.At(
              SipProblem.LINE_TOO_LONG, p, Integer.toString(sl[StartLine.LINE_END] - p)));
    }
    HeaderIndex h = HeaderIndex.read(d, sl[StartLine.NEXT], n, config, problems);
    checkUtf8(d, p, h.bodyStart, problems);
    SipMessage m = new SipMessage(d, kind == StartLine.REQUEST, sl, h, problems);
    m.frameBody(framed);
    m.checkHeaderCounts();
    m.structureChecked();
    return m;
  }

  private static int skipKeepAlives(byte[] b, int p, int end) {
    while (p < end && (b[p] == '\r' || b[p] == '\n')) {
      p++;
    }
    return p;
  }

  /**
   * The start of a start line found after junk in the first line, or -1. Candidates start with a
   * token character right after a byte that is neither a token character nor SP.
   */
  static int junkEnd(byte[] b, int p, int end, int maxJunk) {
    int limit = Math.min(end, p + maxJunk + 1);
    for (int q = p + 1; q < limit && b[q - 1] != '\n'; q++) {
      if (Grammar.isToken(b[q])
          && !Grammar.isToken(b[q - 1])
          && b[q - 1] != ' '
          && StartLine.recognise(b, q, end, null) != StartLine.NOT_SIP) {
        return q;
      }
    }
    return -1;
  }

  private static void splitGluedJunk(byte[] d, int[] sl, List<SipProblem.At> problems) {
    int ms = sl[StartLine.A_START];
    int me = sl[StartLine.A_END];
    String method = new String(d, ms, me - ms, java.nio.charset.StandardCharsets.US_ASCII);
    for (String known : KNOWN_METHODS) {
      if (method.equals(known)) {
        return;
      }
    }
    for (String known : KNOWN_METHODS) {
      if (method.length() > known.length() && method.endsWith(known)) {
        int junk = method.length() - known.length();
        problems.add(new SipProblem.At(SipProblem.JUNK_BEFORE_START_LINE, ms, "bytes=" + junk));
        sl[StartLine.A_START] = ms + junk;
        return;
      }
    }
  }

  /** Reports the first byte of {@code d[from, to)} that is not part of valid UTF-8. */
  private static void checkUtf8(byte[] d, int from, int to, List<SipProblem.At> problems) {
    int i = ByteScan.nonAscii(d, from, to);
    while (i < to) {
      int c = d[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int extra = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1;
      if (c > 0xF4) {
        extra = -1;
      }
      boolean ok = extra > 0 && i + extra < to + 1;
      for (int k = 1; ok && k <= extra; k++) {
        ok = i + k < to && (d[i + k] & 0xC0) == 0x80;
      }
      if (!ok) {
        problems.add(new SipProblem.At(SipProblem.NON_UTF8, i, ""));
        return;
      }
      i += extra + 1;
    }
  }
}
