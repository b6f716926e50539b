package io.voipdoc.decode.sip;

/**
 * The kinds of damage or deviation a SIP message can show. Each has a stable ID {@code
 * sip.<snake_case>} that reports and tests refer to; the text shown to users is looked up by ID.
 */
public enum SipProblem {
  /** Bytes before the start line that are neither CRLF keep-alives nor part of the message. */
  JUNK_BEFORE_START_LINE("sip.junk_before_start_line"),
  /** The start line does not follow RFC 3261 §7.1/§7.2 (missing or extra SP, missing part). */
  BAD_START_LINE("sip.bad_start_line"),
  /** Several SP (or SP at the end) where the start-line grammar has exactly one. */
  START_LINE_WHITESPACE("sip.start_line_whitespace"),
  /** SIP-Version other than SIP/2.0. */
  BAD_VERSION("sip.bad_version"),
  /** Status-Code that is not three digits in 100..699. */
  BAD_STATUS_CODE("sip.bad_status_code"),
  /** A URI that does not follow its grammar (Request-URI or inside a header). */
  BAD_URI("sip.bad_uri"),
  /** Lines end in a bare LF instead of CRLF. */
  BARE_LF("sip.bare_lf"),
  /** A header line without a colon; the line is skipped. */
  HEADER_WITHOUT_COLON("sip.header_without_colon"),
  /** The header section is not closed by an empty line. */
  HEADERS_UNTERMINATED("sip.headers_unterminated"),
  /** A line longer than {@link SipDecoderConfig#maxLineLength()}. */
  LINE_TOO_LONG("sip.line_too_long"),
  /** More header lines than {@link SipDecoderConfig#maxHeaders()}; the rest are ignored. */
  TOO_MANY_HEADERS("sip.too_many_headers"),
  /** The header section holds bytes that are not UTF-8 (RFC 3261 §7.3.1 requires UTF-8). */
  NON_UTF8("sip.non_utf8"),
  /** A header required by RFC 3261 §8.1.1 is absent; the detail names it. */
  MISSING_MANDATORY_HEADER("sip.missing_mandatory_header"),
  /** A header that may appear only once appears several times; the detail names it. */
  DUPLICATE_SINGLE_HEADER("sip.duplicate_single_header"),
  /** Content-Length is required (on streams) but absent. */
  CONTENT_LENGTH_MISSING("sip.content_length_missing"),
  /** Content-Length is not a decimal number in range (negative, too large, not a number). */
  BAD_CONTENT_LENGTH("sip.bad_content_length"),
  /** Content-Length is larger than the bytes that follow the header section. */
  CONTENT_LENGTH_MISMATCH("sip.content_length_mismatch"),
  /** A datagram holds bytes after the body that Content-Length declared (RFC 3261 §18.3). */
  BYTES_AFTER_BODY("sip.bytes_after_body"),
  /** A message larger than the framer's limit; it was skipped or cut to its headers. */
  MESSAGE_TOO_LARGE("sip.message_too_large"),
  /** A stream gap or unreadable bytes forced the framer to look for the next start line. */
  RESYNCHRONISED("sip.resynchronised"),
  /** CSeq is not {@code 1*DIGIT LWS Method}, or its number is 2**31 or more (§8.1.1.5). */
  BAD_CSEQ("sip.bad_cseq"),
  /** The CSeq method differs from the request method (§8.1.1.5). */
  CSEQ_METHOD_MISMATCH("sip.cseq_method_mismatch"),
  /** Max-Forwards is not a number in 0..255 (§20.22). */
  BAD_MAX_FORWARDS("sip.bad_max_forwards"),
  /** Expires (header or Contact parameter) is not delta-seconds below 2**32 (§20.19). */
  BAD_EXPIRES("sip.bad_expires"),
  /** A quoted string that is never closed. */
  UNBALANCED_QUOTES("sip.unbalanced_quotes"),
  /** A display name that is neither a quoted string nor tokens separated by LWS. */
  BAD_DISPLAY_NAME("sip.bad_display_name"),
  /** A From/To/Contact/Route value that is not a valid name-addr or addr-spec. */
  BAD_NAME_ADDR("sip.bad_name_addr"),
  /** A Via value that does not follow §20.42 (sent-protocol, sent-by, parameters). */
  BAD_VIA("sip.bad_via"),
  /** Content-Type that is not {@code type "/" subtype *(";" parameter)}. */
  BAD_CONTENT_TYPE("sip.bad_content_type"),
  /** A multipart body without the boundary from Content-Type, or with too many parts. */
  BAD_MULTIPART("sip.bad_multipart");

  private final String id;

  SipProblem(String id) {
    this.id = id;
  }

  /** The stable ID, e.g. {@code sip.bad_cseq}. */
  public String id() {
    return id;
  }

  /**
   * One occurrence of a problem.
   *
   * @param problem what is wrong
   * @param offset byte offset in the message (for a framer: in the stream direction)
   * @param detail raw facts (a header name, numbers); empty when the kind says it all
   */
  public record At(SipProblem problem, long offset, String detail) {
    @Override
    public String toString() {
      return problem.id() + "@" + offset + (detail.isEmpty() ? "" : "(" + detail + ")");
    }
  }
}
