package io.voipdoc.decode.ws;

import io.voipdoc.capture.FrameRef;
import org.jspecify.annotations.Nullable;

/**
 * The opening handshake of one WebSocket connection as a capture shows it (RFC 6455 §4.1, §4.2.2):
 * the client's upgrading GET and the server's answer, or, when no answer came, how the connection
 * ended and how long the capture watched it.
 *
 * @param request the frame that completed the client's GET
 * @param target the GET's request target, e.g. {@code /ws}
 * @param host the GET's Host header, or null
 * @param protocols the subprotocols the GET asks for (Sec-WebSocket-Protocol, {@code sip} for RFC
 *     7118), or null
 * @param answer the frame that completed the server's answer, or null when none came
 * @param status the answer's status code (101 Switching Protocols when accepted); -1 when the
 *     answer is no HTTP status line or none came
 * @param closed the first FIN of the connection while no answer had come, or null
 * @param closedBy {@link WebSocketConnection#CLIENT} or {@link WebSocketConnection#SERVER}, the side
 *     that sent {@code closed}; -1 when it is null
 * @param endNanos capture time of the answer; without an answer, the time of the last packet
 *     decoded when the connection ended (its closing FIN, an idle timeout or the end of the input)
 */
public record WebSocketUpgrade(
    FrameRef request,
    String target,
    @Nullable String host,
    @Nullable String protocols,
    @Nullable FrameRef answer,
    int status,
    @Nullable FrameRef closed,
    int closedBy,
    long endNanos) {

  /** The status code of an accepted upgrade: 101 Switching Protocols. */
  public static final int SWITCHING_PROTOCOLS = 101;

  /** Whether the server accepted the upgrade (101). */
  public boolean accepted() {
    return answer != null && status == SWITCHING_PROTOCOLS;
  }

  /** How long after the GET the answer came, or the connection was watched without one, in ns. */
  public long waitedNanos() {
    return endNanos - request.timestampNanos();
  }
}
