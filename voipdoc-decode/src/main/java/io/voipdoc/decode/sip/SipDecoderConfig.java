package io.voipdoc.decode.sip;

/**
 * Limits of {@link SipDecoder}. Inputs beyond a limit are not rejected; the excess is recorded as
 * a {@link SipProblem} and ignored, so memory per message stays bounded.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>on excess</th></tr>
 *   <tr><td>{@code maxLineLength}</td><td>{@value #DEFAULT_MAX_LINE_LENGTH}</td>
 *       <td>{@code sip.line_too_long}; the line is still read (the message is bounded anyway)</td></tr>
 *   <tr><td>{@code maxHeaders}</td><td>{@value #DEFAULT_MAX_HEADERS}</td>
 *       <td>{@code sip.too_many_headers}; later header lines are ignored</td></tr>
 *   <tr><td>{@code maxBodyParts}</td><td>{@value #DEFAULT_MAX_BODY_PARTS}</td>
 *       <td>{@code sip.bad_multipart}; later parts are ignored</td></tr>
 *   <tr><td>{@code maxJunkBeforeStartLine}</td><td>{@value #DEFAULT_MAX_JUNK_BEFORE_START_LINE}</td>
 *       <td>the datagram is not recognised as SIP</td></tr>
 * </table>
 *
 * @param maxLineLength longest header or start line accepted without a problem, in bytes
 * @param maxHeaders most header lines kept per message
 * @param maxBodyParts most parts read from a multipart body
 * @param maxJunkBeforeStartLine most bytes of junk skipped to find a start line
 */
public record SipDecoderConfig(
    int maxLineLength, int maxHeaders, int maxBodyParts, int maxJunkBeforeStartLine) {
  /** Longer than any header seen in practice; RFC 4475's longreq has lines of about 600 bytes. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 8192;
  /** RFC 4475's longreq has 40 Via lines; real messages rarely exceed 60 headers. */
  public static final int DEFAULT_MAX_HEADERS = 256;
  /** Multipart bodies in SIP carry SDP plus a few ISUP or XML parts. */
  public static final int DEFAULT_MAX_BODY_PARTS = 16;
  /** Devices that prepend junk prepend a few bytes, not a packet's worth. */
  public static final int DEFAULT_MAX_JUNK_BEFORE_START_LINE = 64;

  /** The defaults above. */
  public static final SipDecoderConfig DEFAULT =
      new SipDecoderConfig(
          DEFAULT_MAX_LINE_LENGTH,
          DEFAULT_MAX_HEADERS,
          DEFAULT_MAX_BODY_PARTS,
          DEFAULT_MAX_JUNK_BEFORE_START_LINE);
}
