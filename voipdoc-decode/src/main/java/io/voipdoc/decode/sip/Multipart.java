package io.voipdoc.decode.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a multipart body (RFC 2046 §5.1.1) into its parts, without copying:
 *
 * <pre>
 * multipart-body  := [preamble CRLF] dash-boundary transport-padding CRLF body-part
 *                    *encapsulation close-delimiter transport-padding [CRLF epilogue]
 * encapsulation   := delimiter transport-padding CRLF body-part
 * delimiter       := CRLF dash-boundary        dash-boundary := "--" boundary
 * close-delimiter := delimiter "--"            body-part := MIME-part-headers [CRLF *OCTET]
 * </pre>
 */
final class Multipart {
  private Multipart() {}

  static List<BodyPart> split(
      byte[] d,
      int off,
      int len,
      @Nullable String boundary,
      SipDecoderConfig config,
      List<SipProblem.At> problems) {
    int end = off + len;
    if (boundary == null || boundary.isEmpty()) {
      problems.add(new SipProblem.At(SipProblem.BAD_MULTIPART, off, "no_boundary"));
      return List.of(new BodyPart(d, off, len, null));
    }
    byte[] dash = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
    int p = delimiter(d, off, end, dash, off);
    List<BodyPart> parts = new ArrayList<>(2);
    while (p >= 0) {
      int after = p + dash.length;
      if (after + 1 < end && d[after] == '-' && d[after + 1] == '-') {
        return parts; // close-delimiter
      }
      int partStart = lineEnd(d, after, end);
      int next = delimiter(d, partStart, end, dash, off);
      if (next < 0) {
        problems.add(new SipProblem.At(SipProblem.BAD_MULTIPART, partStart, "no_close_delimiter"));
        next = end;
      }
      if (parts.size() == config.maxBodyParts()) {
        problems.add(
            new SipProblem.At(SipProblem.BAD_MULTIPART, partStart, "max=" + config.maxBodyParts()));
        return parts;
      }
      parts.add(part(d, partStart, contentEnd(d, partStart, next)));
      p = next < end ? next : -1;
    }
    if (parts.isEmpty()) {
      problems.add(new SipProblem.At(SipProblem.BAD_MULTIPART, off, "no_delimiter"));
    }
    return parts;
  }

  /** The next dash-boundary at a line start at or after {@code from}, or -1. */
  private static int delimiter(byte[] d, int from, int end, byte[] dash, int bodyStart) {
    for (int i = from; i + dash.length <= end; i++) {
      if ((i == bodyStart || d[i - 1] == '\n') && startsWith(d, i, dash)) {
        return i;
      }
    }
    return -1;
  }

  /** A part's content ends before the CRLF that belongs to the next delimiter. */
  private static int contentEnd(byte[] d, int start, int delimiter) {
    int e = delimiter;
    if (e > start && d[e - 1] == '\n') {
      e--;
      if (e > start && d[e - 1] == '\r') {
        e--;
      }
    }
    return e;
  }

  private static int lineEnd(byte[] d, int i, int end) {
    while (i < end && d[i] != '\n') {
      i++;
    }
    return Math.min(i + 1, end);
  }

  private static boolean startsWith(byte[] d, int i, byte[] prefix) {
    for (int k = 0; k < prefix.length; k++) {
      if (d[i + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  /** Reads the part headers for Content-Type; the content starts after the empty line. */
  private static BodyPart part(byte[] d, int start, int end) {
    ContentType type = null;
    int p = start;
    while (p < end) {
      int e = p;
      while (e < end && d[e] != '\n') {
        e++;
      }
      int le = e > p && d[e - 1] == '\r' ? e - 1 : e;
      int next = Math.min(e + 1, end);
      if (le == p) {
        return new BodyPart(d, next, end - next, type);
      }
      int colon = p;
      while (colon < le && d[colon] != ':') {
        colon++;
      }
      if (colon < le && HeaderName.of(d, p, colon) == HeaderName.CONTENT_TYPE) {
        type = ContentType.parse(new String(d, colon + 1, le - colon - 1, StandardCharsets.UTF_8));
      }
      p = next;
    }
    // no empty line: a part without headers is all content (RFC 2046 §5.1.1 body-part)
    return new BodyPart(d, start, end - start, type);
  }
}
