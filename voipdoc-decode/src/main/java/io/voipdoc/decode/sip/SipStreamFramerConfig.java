package io.voipdoc.decode.sip;

/**
 * Limits of {@link SipStreamFramer}: how much one direction of a stream may buffer.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>on excess</th></tr>
 *   <tr><td>{@code maxMessageSize}</td><td>{@value #DEFAULT_MAX_MESSAGE_SIZE}</td>
 *       <td>{@code sip.message_too_large}: a header section that does not end within the limit
 *       is dropped and the framer resynchronises at the next start line; a body that would cross
 *       the limit is skipped by its Content-Length and the message is delivered without it</td></tr>
 *   <tr><td>{@code maxProblemsKept}</td><td>{@value #DEFAULT_MAX_PROBLEMS_KEPT}</td>
 *       <td>framing problems not tied to a message are counted but no longer kept</td></tr>
 * </table>
 *
 * @param maxMessageSize most bytes buffered for one message (header section plus body)
 * @param maxProblemsKept most framing problems kept between two calls of {@code drainProblems()}
 * @param decoder limits passed to {@link SipDecoder} for each framed message
 */
public record SipStreamFramerConfig(
    int maxMessageSize, int maxProblemsKept, SipDecoderConfig decoder) {
  /** 64 KiB: the largest UDP datagram, and far above real SIP messages. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;
  /** Enough to show what went wrong on a damaged stream without growing with it. */
  public static final int DEFAULT_MAX_PROBLEMS_KEPT = 100;

  /** The defaults above. */
  public static final SipStreamFramerConfig DEFAULT =
      new SipStreamFramerConfig(
          DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_PROBLEMS_KEPT, SipDecoderConfig.DEFAULT);
}
