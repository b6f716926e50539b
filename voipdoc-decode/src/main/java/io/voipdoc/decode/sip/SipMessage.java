package io.voipdoc.decode.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One SIP request or response (RFC 3261 §7). Holds a copy of the message bytes and the position of
 * every header line in wire order; typed views ({@link #via()}, {@link #cseq()}, {@link #from()},
 * ...) are parsed on first call and kept. Header names are matched case-insensitively, and a
 * compact form (§7.3.3) matches its full name.
 *
 * <p>{@link #problems()} lists every deviation found; the first call also runs every typed view so
 * that the list is complete. {@link #structuralProblems()} are those the decoder found without
 * parsing any view; views, URIs included, are parsed only when asked for. Offsets count from the
 * first byte handed to the decoder. Instances are not thread-safe until {@link #problems()} has
 * been called once.
 */
public final class SipMessage {
  private static final int UNPARSED = -3;
  private static final String SIP_2_0 = "SIP/2.0";

  private final byte[] data;
  private final boolean request;
  private final int[] startLine;
  private final HeaderIndex headers;
  private final List<SipProblem.At> problems;
  private int bodyOffset;
  private int bodyLength;
  private int structuralProblems;
  private boolean validated;

  private @Nullable String method;
  private @Nullable String requestUriText;
  private @Nullable String version;
  private @Nullable String callId;
  private boolean callIdParsed;
  private int statusCode = UNPARSED;
  private @Nullable SipUri requestUri;
  private @Nullable CSeq cseq;
  private boolean cseqParsed;
  private @Nullable NameAddr from;
  private boolean fromParsed;
  private @Nullable NameAddr to;
  private boolean toParsed;
  private @Nullable List<Via> via;
  private @Nullable List<Contact> contact;
  private @Nullable List<Reason> reason;
  private @Nullable ContentType contentType;
  private boolean contentTypeParsed;
  private @Nullable List<BodyPart> parts;
  /** URIs the views read, whose grammar {@link #problems()} checks: see {@link #checkUriLater}. */
  private @Nullable List<UriCheck> uriChecks;
  private int contentLength = UNPARSED;
  private int maxForwards = UNPARSED;
  private long expires = UNPARSED;

  SipMessage(
      byte[] data,
      boolean request,
      int[] startLine,
      HeaderIndex headers,
      List<SipProblem.At> problems) {
    this.data = data;
    this.request = request;
    this.startLine = startLine;
    this.headers = headers;
    this.problems = problems;
    checkStartLine();
  }

  // ---------------------------------------------------------------- start line

  /** Whether this is a request (else a response). */
  public boolean isRequest() {
    return request;
  }

  /** The method of a request (case-sensitive, §7.1), or null for a response. */
  public @Nullable String method() {
    if (request && method == null) {
      method = knownMethod();
      if (method == null) {
        method = part(StartLine.A_START);
      }
    }
    return method;
  }

  /** The method as a shared constant when it is one of RFC 3261's and its extensions', else null. */
  private @Nullable String knownMethod() {
    int s = startLine[StartLine.A_START];
    int len = startLine[StartLine.A_END] - s;
    for (String known : SipDecoder.KNOWN_METHODS) {
      if (known.length() == len && sameBytes(s, known)) {
        return known;
      }
    }
    return null;
  }

  private boolean sameBytes(int s, String ascii) {
    for (int k = 0; k < ascii.length(); k++) {
      if (data[s + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The Request-URI as written, or null for a response. */
  public @Nullable String requestUriText() {
    if (request && requestUriText == null) {
      requestUriText = part(StartLine.B_START);
    }
    return requestUriText;
  }

  /** The Request-URI, parsed; null for a response. */
  public @Nullable SipUri requestUri() {
    String text = requestUriText();
    if (text != null && requestUri == null) {
      requestUri = SipUri.parse(text);
    }
    return requestUri;
  }

  /** The status code of a response (100..699 when valid), or -1 for a request or a bad code. */
  public int statusCode() {
    if (request) {
      return -1;
    }
    if (statusCode == UNPARSED) {
      int s = startLine[StartLine.B_START];
      int e = startLine[StartLine.B_END];
      long code = -1;
      if (e - s > 3) {
        code = Grammar.decimal(part(StartLine.B_START), 999);
      } else if (e > s) {
        code = 0;
        for (int k = s; k < e; k++) {
          code = code * 10 + (data[k] - '0'); // the start-line grammar admits only digits here
        }
      }
      statusCode = code < 0 ? -1 : (int) code;
    }
    return statusCode;
  }

  /** The reason phrase of a response (may be empty), or null for a request. */
  public @Nullable String reasonPhrase() {
    return request ? null : part(StartLine.C_START);
  }

  /** The SIP-Version as written, normally {@code SIP/2.0}. */
  public String version() {
    if (version == null) {
      int s = startLine[request ? StartLine.C_START : StartLine.A_START];
      version = isSip20(s) ? SIP_2_0 : part(request ? StartLine.C_START : StartLine.A_START);
    }
    return version;
  }

  private boolean isSip20(int s) {
    int e = startLine[(request ? StartLine.C_START : StartLine.A_START) + 1];
    return e - s == SIP_2_0.length() && sameBytes(s, SIP_2_0);
  }

  private String part(int startIndex) {
    int s = startLine[startIndex];
    return new String(data, s, startLine[startIndex + 1] - s, StandardCharsets.UTF_8);
  }

  private void checkStartLine() {
    int flags = startLine[StartLine.FLAGS];
    int at = startLine[StartLine.A_START];
    if ((flags & StartLine.FLAG_WHITESPACE) != 0) {
      problems.add(new SipProblem.At(SipProblem.START_LINE_WHITESPACE, at, ""));
    }
    if ((flags & StartLine.FLAG_MISSING_SP) != 0) {
      problems.add(new SipProblem.At(SipProblem.BAD_START_LINE, at, "no_sp_after_code"));
    }
    if ((flags & StartLine.FLAG_BAD_CODE) != 0) {
      problems.add(
          new SipProblem.At(
              SipProblem.BAD_STATUS_CODE, startLine[StartLine.B_START], part(StartLine.B_START)));
    }
    if (!isSip20(startLine[request ? StartLine.C_START : StartLine.A_START])
        && !version().equalsIgnoreCase(SIP_2_0)) {
      problems.add(new SipProblem.At(SipProblem.BAD_VERSION, at, version()));
    }
  }

  // ---------------------------------------------------------------- raw headers

  /** Number of header lines kept. */
  public int headerCount() {
    return headers.count;
  }

  /** The name of header line {@code i} as written. */
  public String headerName(int i) {
    int p = checkIndex(i) * 4;
    return new String(data, headers.pos[p], headers.pos[p + 1] - headers.pos[p], StandardCharsets.UTF_8);
  }

  /** The value of header line {@code i}, folded lines joined with a single SP (§7.3.1). */
  public String headerValue(int i) {
    int p = checkIndex(i) * 4;
    return unfold(i, headers.pos[p + 2], headers.pos[p + 3]);
  }

  /** Byte offset of header line {@code i} in the message. */
  public int headerOffset(int i) {
    return headers.pos[checkIndex(i) * 4];
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= headers.count) {
      throw new IndexOutOfBoundsException(i);
    }
    return i;
  }

  private String unfold(int line, int s, int e) {
    String raw = new String(data, s, e - s, StandardCharsets.UTF_8);
    if (!headers.folded[line]) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r' || c == '\n') {
        int k = out.length();
        while (k > 0 && (out.charAt(k - 1) == ' ' || out.charAt(k - 1) == '\t')) {
          k--;
        }
        out.setLength(k);
        while (i + 1 < raw.length() && Grammar.isWhitespace(raw.charAt(i + 1))) {
          i++;
        }
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private boolean matches(int i, @Nullable HeaderName known, String name) {
    if (known != null) {
      return headers.known[i] == known;
    }
    int p = i * 4;
    int s = headers.pos[p];
    int len = headers.pos[p + 1] - s;
    if (len != name.length()) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      int a = data[s + k];
      int b = name.charAt(k);
      if (a != b && (a | 0x20) != (b | 0x20)) {
        return false;
      }
    }
    return true;
  }

  /** The value of the first header with this name (full or compact form), or null. */
  public @Nullable String header(String name) {
    HeaderName known = HeaderName.of(name);
    for (int i = 0; i < headers.count; i++) {
      if (matches(i, known, name)) {
        return headerValue(i);
      }
    }
    return null;
  }

  /** The values of every header line with this name, in order, one entry per line. */
  public List<String> headers(String name) {
    HeaderName known = HeaderName.of(name);
    List<String> out = new ArrayList<>(1);
    for (int i = 0; i < headers.count; i++) {
      if (matches(i, known, name)) {
        out.add(headerValue(i));
      }
    }
    return out;
  }

  /**
   * The list elements of every header line with this name: each line split at commas that are
   * outside quoted strings and {@code <...>} (§7.3.1). Only for headers whose grammar is a list
   * (Via, Contact, Route, Allow, Supported, ...); authentication headers are not lists.
   */
  public List<String> values(String name) {
    HeaderName known = HeaderName.of(name);
    List<String> out = new ArrayList<>(2);
    for (int i = 0; i < headers.count; i++) {
      if (matches(i, known, name)) {
        out.addAll(split(i));
      }
    }
    return out;
  }

  private List<String> split(int i) {
    boolean[] unbalanced = new boolean[1];
    List<String> parts = Grammar.splitList(headerValue(i), unbalanced);
    if (unbalanced[0]) {
      problems.add(
          new SipProblem.At(SipProblem.UNBALANCED_QUOTES, headers.pos[i * 4], headerName(i)));
    }
    return parts;
  }

  private int first(HeaderName h) {
    for (int i = 0; i < headers.count; i++) {
      if (headers.known[i] == h) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- typed views

  /** The Call-ID, or null when absent. */
  public @Nullable String callId() {
    if (!callIdParsed) {
      callIdParsed = true;
      int i = first(HeaderName.CALL_ID);
      callId = i < 0 ? null : headerValue(i);
    }
    return callId;
  }

  /** The CSeq, or null when absent or malformed. */
  public @Nullable CSeq cseq() {
    if (!cseqParsed) {
      cseqParsed = true;
      int i = first(HeaderName.CSEQ);
      if (i >= 0) {
        cseq = CSeq.parse(headerValue(i), headerOffset(i), problems);
        String method = method();
        if (cseq != null && method != null && !cseq.method().equals(method)) {
          problems.add(
              new SipProblem.At(
                  SipProblem.CSEQ_METHOD_MISMATCH, headerOffset(i), method + " " + cseq.method()));
        }
      }
    }
    return cseq;
  }

  /** The From address, or null when absent or unreadable. */
  public @Nullable NameAddr from() {
    if (!fromParsed) {
      fromParsed = true;
      from = nameAddr(HeaderName.FROM);
    }
    return from;
  }

  /** The To address, or null when absent or unreadable. */
  public @Nullable NameAddr to() {
    if (!toParsed) {
      toParsed = true;
      to = nameAddr(HeaderName.TO);
    }
    return to;
  }

  private @Nullable NameAddr nameAddr(HeaderName h) {
    int i = first(h);
    if (i < 0) {
      return null;
    }
    NameAddr a = NameAddr.parse(headerValue(i), h.fullName, headerOffset(i), problems);
    checkUriLater(a, headerOffset(i), h.fullName);
    return a;
  }

  /**
   * Remembers a URI whose grammar {@link #problems()} checks: parsing a URI waits until one of its
   * parts is used, and a message that is only correlated never needs most of them.
   */
  private void checkUriLater(@Nullable NameAddr a, int offset, String header) {
    if (a != null) {
      if (uriChecks == null) {
        uriChecks = new ArrayList<>(3);
      }
      uriChecks.add(new UriCheck(a.uri(), offset, header));
    }
  }

  private record UriCheck(SipUri uri, int offset, String header) {}

  /** Every Via value in order, topmost first; malformed values are left out (and reported). */
  public List<Via> via() {
    if (via == null) {
      List<Via> out = new ArrayList<>(2);
      for (int i = 0; i < headers.count; i++) {
        if (headers.known[i] == HeaderName.VIA) {
          for (String v : split(i)) {
            Via parsed = Via.parse(v, headerOffset(i), problems);
            if (parsed != null) {
              out.add(parsed);
            }
          }
        }
      }
      via = Collections.unmodifiableList(out);
    }
    return via;
  }

  /** Every Contact value in order (including {@code *}); malformed values are left out. */
  public List<Contact> contact() {
    if (contact == null) {
      List<Contact> out = new ArrayList<>(1);
      for (int i = 0; i < headers.count; i++) {
        if (headers.known[i] == HeaderName.CONTACT) {
          for (String v : split(i)) {
            Contact c = Contact.parse(v, headerOffset(i), problems);
            if (c != null) {
              out.add(c);
              checkUriLater(c.address(), headerOffset(i), HeaderName.CONTACT.fullName);
            }
          }
        }
      }
      contact = Collections.unmodifiableList(out);
    }
    return contact;
  }

  /** The Route values in order (§20.34); malformed values are left out. */
  public List<NameAddr> route() {
    return routes("Route");
  }

  /** The Record-Route values in order (§20.30); malformed values are left out. */
  public List<NameAddr> recordRoute() {
    return routes("Record-Route");
  }

  private List<NameAddr> routes(String name) {
    List<NameAddr> out = new ArrayList<>(1);
    for (String v : values(name)) {
      NameAddr a = NameAddr.parse(v, name, 0, new ArrayList<>(0));
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /** The Reason values (RFC 3326) in order; values without a protocol token are left out. */
  public List<Reason> reason() {
    if (reason == null) {
      List<Reason> out = new ArrayList<>(1);
      for (String v : values("Reason")) {
        Reason r = Reason.parse(v);
        if (r != null) {
          out.add(r);
        }
      }
      reason = Collections.unmodifiableList(out);
    }
    return reason;
  }

  /** The Content-Length value, or -1 when absent or invalid. */
  public int contentLength() {
    if (contentLength == UNPARSED) {
      int i = first(HeaderName.CONTENT_LENGTH);
      contentLength = i < 0 ? -1 : (int) Math.max(-1, decimalValue(i, Integer.MAX_VALUE));
    }
    return contentLength;
  }

  /** The Content-Type, or null when absent or malformed. */
  public @Nullable ContentType contentType() {
    if (!contentTypeParsed) {
      contentTypeParsed = true;
      int i = first(HeaderName.CONTENT_TYPE);
      if (i >= 0 && isPlainSdp(i)) {
        contentType = ContentType.SDP;
      } else if (i >= 0) {
        contentType = ContentType.parse(headerValue(i));
        if (contentType == null) {
          problems.add(
              new SipProblem.At(SipProblem.BAD_CONTENT_TYPE, headerOffset(i), headerValue(i)));
        }
      }
    }
    return contentType;
  }

  /**
   * Header line {@code i}'s value as {@link Grammar#decimal}: read from the bytes when it is a few
   * plain digits (no String), else from the unfolded value.
   */
  private long decimalValue(int i, long max) {
    int s = headers.pos[i * 4 + 2];
    int e = headers.pos[i * 4 + 3];
    if (e == s || e - s > 9 || headers.folded[i]) {
      return Grammar.decimal(headerValue(i), max);
    }
    long v = 0;
    for (int k = s; k < e; k++) {
      int c = data[k];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v > max ? -2 : v;
  }

  /** Whether header line {@code i}'s value is exactly {@code application/sdp}, in any case. */
  private boolean isPlainSdp(int i) {
    int s = headers.pos[i * 4 + 2];
    return headers.pos[i * 4 + 3] - s == APPLICATION_SDP.length
        && !headers.folded[i]
        && HeaderName.equalsIgnoreCase(data, s, APPLICATION_SDP);
  }

  private static final byte[] APPLICATION_SDP =
      "application/sdp".getBytes(StandardCharsets.US_ASCII);

  /** Max-Forwards (0..255), or -1 when absent or invalid. */
  public int maxForwards() {
    if (maxForwards == UNPARSED) {
      int i = first(HeaderName.MAX_FORWARDS);
      maxForwards = -1;
      if (i >= 0) {
        long v = Grammar.decimal(headerValue(i), 255);
        if (v < 0) {
          problems.add(
              new SipProblem.At(SipProblem.BAD_MAX_FORWARDS, headerOffset(i), headerValue(i)));
        } else {
          maxForwards = (int) v;
        }
      }
    }
    return maxForwards;
  }

  /** The Expires header in seconds (§20.19), or -1 when absent or invalid. */
  public long expires() {
    if (expires == UNPARSED) {
      int i = first(HeaderName.EXPIRES);
      expires = -1;
      if (i >= 0) {
        long v = Grammar.decimal(headerValue(i), 0xFFFF_FFFFL);
        if (v < 0) {
          problems.add(new SipProblem.At(SipProblem.BAD_EXPIRES, headerOffset(i), "Expires"));
        } else {
          expires = v;
        }
      }
    }
    return expires;
  }

  /** The User-Agent header, or null. */
  public @Nullable String userAgent() {
    int i = first(HeaderName.USER_AGENT);
    return i < 0 ? null : headerValue(i);
  }

  /** The Server header, or null. */
  public @Nullable String server() {
    int i = first(HeaderName.SERVER);
    return i < 0 ? null : headerValue(i);
  }

  // ---------------------------------------------------------------- body

  /** The whole body as a byte range (possibly empty), with the message's Content-Type. */
  public BodyPart body() {
    return new BodyPart(data, bodyOffset, bodyLength, contentType());
  }

  /**
   * The parts of a multipart body (RFC 2046 §5.1), or the body itself as a single part when it is
   * not multipart; empty when there is no body.
   */
  public List<BodyPart> bodyParts() {
    if (parts == null) {
      ContentType ct = contentType();
      if (bodyLength == 0) {
        parts = List.of();
      } else if (ct != null && ct.type().equals("multipart")) {
        parts =
            Multipart.split(
                data, bodyOffset, bodyLength, ct.boundary(), SipDecoderConfig.DEFAULT, problems);
      } else {
        parts = List.of(body());
      }
    }
    return parts;
  }

  /** The first {@code application/sdp} part (the body itself, or a part of multipart), or null. */
  public @Nullable BodyPart sdp() {
    for (BodyPart p : bodyParts()) {
      if (p.isSdp()) {
        return p;
      }
    }
    return null;
  }

  /** The message bytes (shared, do not modify): from the first byte handed to the decoder. */
  public byte[] bytes() {
    return data;
  }

  /** Offset just past the body: where the message ends in {@link #bytes()}. */
  public int end() {
    return bodyOffset + bodyLength;
  }

  // ---------------------------------------------------------------- problems

  /** Every problem found, in the order found; the first call parses every typed view. */
  public List<SipProblem.At> problems() {
    if (!validated) {
      validated = true;
      SipUri uri = requestUri();
      if (uri != null && !uri.wellFormed()) {
        problems.add(new SipProblem.At(SipProblem.BAD_URI, startLine[StartLine.B_START], "request_uri"));
      }
      callId();
      cseq();
      from();
      to();
      via();
      contact();
      maxForwards();
      expires();
      bodyParts();
      if (uriChecks != null) {
        for (UriCheck c : uriChecks) {
          if (!c.uri().wellFormed()) {
            problems.add(new SipProblem.At(SipProblem.BAD_URI, c.offset(), c.header()));
          }
        }
      }
    }
    return Collections.unmodifiableList(problems);
  }

  /**
   * The problems found while the message was cut out and its start line and header lines were
   * read (framing, start line, header syntax and counts, Content-Length), without parsing any
   * typed view: the first part of {@link #problems()}, and free to ask for.
   */
  public List<SipProblem.At> structuralProblems() {
    return structuralProblems == 0 ? List.of() : List.copyOf(problems.subList(0, structuralProblems));
  }

  /** Whether {@link #problems()} holds this kind. */
  public boolean has(SipProblem kind) {
    for (SipProblem.At p : problems()) {
      if (p.problem() == kind) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- decoder steps

  /** Sets the body range from Content-Length and what follows the header section (§18.3). */
  void frameBody(boolean framed) {
    int start = headers.bodyStart;
    int available = data.length - start;
    bodyOffset = start;
    bodyLength = available;
    int i = first(HeaderName.CONTENT_LENGTH);
    if (i < 0) {
      return;
    }
    long cl = decimalValue(i, Integer.MAX_VALUE);
    if (cl < 0) {
      problems.add(
          new SipProblem.At(SipProblem.BAD_CONTENT_LENGTH, headerOffset(i), headerValue(i)));
    } else if (framed) {
      return;
    } else if (cl > available) {
      problems.add(
          new SipProblem.At(
              SipProblem.CONTENT_LENGTH_MISMATCH,
              headerOffset(i),
              "declared=" + cl + " available=" + available));
    } else {
      bodyLength = (int) cl;
      for (int k = start + bodyLength; k < data.length; k++) {
        if (!Grammar.isWhitespace(data[k])) {
          problems.add(
              new SipProblem.At(
                  SipProblem.BYTES_AFTER_BODY, k, Integer.toString(data.length - start - bodyLength)));
          break;
        }
      }
    }
  }

  /** The decoder is done: the problems found so far are the {@link #structuralProblems()}. */
  void structureChecked() {
    structuralProblems = problems.size();
  }

  /** Reports headers that §7.3 allows once but appear more often, and §8.1.1 headers missing. */
  void checkHeaderCounts() {
    long seen = 0; // one bit per HeaderName, set at its first line
    long repeated = 0; // set at its second line, where a duplicate is reported
    for (int i = 0; i < headers.count; i++) {
      HeaderName h = headers.known[i];
      if (h == null) {
        continue;
      }
      long bit = 1L << h.ordinal();
      if ((seen & bit) == 0) {
        seen |= bit;
      } else if ((repeated & bit) == 0) {
        repeated |= bit;
        if (h.single) {
          problems.add(
              new SipProblem.At(SipProblem.DUPLICATE_SINGLE_HEADER, headerOffset(i), h.fullName));
        }
      }
    }
    for (HeaderName h : REQUIRED) {
      if ((seen & (1L << h.ordinal())) == 0 && (request || h != HeaderName.MAX_FORWARDS)) {
        problems.add(
            new SipProblem.At(
                SipProblem.MISSING_MANDATORY_HEADER, startLine[StartLine.A_START], h.fullName));
      }
    }
  }

  /** Headers §8.1.1 requires in every request; Max-Forwards is not required in responses. */
  private static final HeaderName[] REQUIRED = {
    HeaderName.TO, HeaderName.FROM, HeaderName.CSEQ, HeaderName.CALL_ID, HeaderName.VIA,
    HeaderName.MAX_FORWARDS
  };

  @Override
  public String toString() {
    int s = startLine[StartLine.A_START];
    return new String(data, s, startLine[StartLine.LINE_END] - s, StandardCharsets.UTF_8);
  }
}
