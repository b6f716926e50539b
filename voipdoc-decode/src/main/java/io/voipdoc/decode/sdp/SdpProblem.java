package io.voipdoc.decode.sdp;

/**
 * The kinds of damage or deviation an SDP body can show, each with a stable ID {@code
 * sdp.<snake_case>}.
 */
public enum SdpProblem {
  /** A line that is not {@code <type>=<value>} with a single-letter type (RFC 8866 §5). */
  BAD_LINE("sdp.bad_line"),
  /** Lines end in a bare LF; RFC 8866 §5 asks parsers to accept it, but senders must use CRLF. */
  BARE_LF("sdp.bare_lf"),
  /** A line longer than {@link SdpDecoderConfig#maxLineLength()}; it was skipped. */
  LINE_TOO_LONG("sdp.line_too_long"),
  /** Bytes that are not UTF-8 (RFC 8866 §5: the charset is UTF-8 unless a=charset says else). */
  NON_UTF8("sdp.non_utf8"),
  /** A mandatory line (v, o, s, t) is absent; the detail names it. */
  MISSING_FIELD("sdp.missing_field"),
  /** A line that appears out of the order of RFC 8866 §5, or twice where once is allowed. */
  OUT_OF_ORDER("sdp.out_of_order"),
  /** v= other than 0. */
  BAD_VERSION("sdp.bad_version"),
  /** o= that is not six fields. */
  BAD_ORIGIN("sdp.bad_origin"),
  /** c= that is not {@code nettype addrtype connection-address}, or a bad multicast suffix. */
  BAD_CONNECTION("sdp.bad_connection"),
  /** b= that is not {@code bwtype:bandwidth}. */
  BAD_BANDWIDTH("sdp.bad_bandwidth"),
  /** t= that is not two decimal times. */
  BAD_TIMING("sdp.bad_timing"),
  /** m= that is not {@code media port[/count] proto 1*fmt}. */
  BAD_MEDIA("sdp.bad_media"),
  /** A known attribute whose value does not follow its grammar; the detail names it. */
  BAD_ATTRIBUTE("sdp.bad_attribute"),
  /** a=candidate that does not follow RFC 8839 §5.1. */
  BAD_CANDIDATE("sdp.bad_candidate"),
  /** A media section has no usable connection address (no c= there nor at session level). */
  NO_CONNECTION("sdp.no_connection"),
  /** More lines, media sections or attributes than the configured limits; the rest is ignored. */
  LIMIT_EXCEEDED("sdp.limit_exceeded");

  private final String id;

  SdpProblem(String id) {
    this.id = id;
  }

  /** The stable ID, e.g. {@code sdp.bad_candidate}. */
  public String id() {
    return id;
  }

  /**
   * One occurrence of a problem.
   *
   * @param problem what is wrong
   * @param offset byte offset from the start of the SDP body
   * @param detail raw facts (a field or attribute name, a value); empty when the kind says it all
   */
  public record At(SdpProblem problem, int offset, String detail) {
    @Override
    public String toString() {
      return problem.id() + "@" + offset + (detail.isEmpty() ? "" : "(" + detail + ")");
    }
  }
}
