package io.voipdoc.decode.ws;

/**
 * Limits of {@link WebSocketConnection}: how much one direction may buffer.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>on excess</th></tr>
 *   <tr><td>{@code maxHandshakeSize}</td><td>{@value #DEFAULT_MAX_HANDSHAKE_SIZE}</td>
 *       <td>{@code ws.handshake_too_large}; the connection is not read further</td></tr>
 *   <tr><td>{@code maxFrameLength}</td><td>{@value #DEFAULT_MAX_FRAME_LENGTH}</td>
 *       <td>{@code ws.frame_too_large}; the direction is not read further (nothing is
 *       allocated for the declared length)</td></tr>
 *   <tr><td>{@code maxMessageSize}</td><td>{@value #DEFAULT_MAX_MESSAGE_SIZE}</td>
 *       <td>{@code ws.message_too_large}; the message's frames are skipped</td></tr>
 *   <tr><td>{@code maxProblemsKept}</td><td>{@value #DEFAULT_MAX_PROBLEMS_KEPT}</td>
 *       <td>problems are counted but no longer kept until the next {@code drainProblems()}</td></tr>
 * </table>
 *
 * @param maxHandshakeSize most bytes of the HTTP request or response header section
 * @param maxFrameLength largest payload length a frame may declare
 * @param maxMessageSize most bytes of one message, all its fragments together
 * @param maxProblemsKept most problems kept between two calls of {@code drainProblems()}
 */
public record WebSocketConfig(
    int maxHandshakeSize, long maxFrameLength, int maxMessageSize, int maxProblemsKept) {
  /** 8 KiB: the header limit of common HTTP servers and proxies. */
  public static final int DEFAULT_MAX_HANDSHAKE_SIZE = 8 * 1024;

  /** 1 MiB: far above any SIP message, far below what a hostile length could claim. */
  public static final long DEFAULT_MAX_FRAME_LENGTH = 1024 * 1024;

  /** 64 KiB, as for SIP over TCP. */
  public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;

  /** Enough to show what went wrong without growing with a damaged stream. */
  public static final int DEFAULT_MAX_PROBLEMS_KEPT = 100;

  /** The defaults above. */
  public static final WebSocketConfig DEFAULT =
      new WebSocketConfig(
          DEFAULT_MAX_HANDSHAKE_SIZE,
          DEFAULT_MAX_FRAME_LENGTH,
          DEFAULT_MAX_MESSAGE_SIZE,
          DEFAULT_MAX_PROBLEMS_KEPT);
}
