package io.voipdoc.decode.ws;

/**
 * The kinds of damage or deviation a WebSocket connection can show. Each has a stable ID {@code
 * ws.<snake_case>}; the text shown to users is looked up by ID.
 */
public enum WebSocketProblem {
  /**
   * The server answered the upgrade with a status other than 101 Switching Protocols (typically
   * 400, 403, 404 or 502 from a reverse proxy without WebSocket support); the detail holds it.
   */
  UPGRADE_REFUSED("ws.upgrade_refused"),
  /** The answer to the upgrade is not an HTTP status line. */
  BAD_HANDSHAKE("ws.bad_handshake"),
  /**
   * The handshake's header section does not end within {@link WebSocketConfig#maxHandshakeSize()}.
   */
  HANDSHAKE_TOO_LARGE("ws.handshake_too_large"),
  /** A frame from the client without a mask (RFC 6455 §5.1 requires one). */
  UNMASKED_CLIENT_FRAME("ws.unmasked_client_frame"),
  /** A frame from the server with a mask (RFC 6455 §5.1 forbids it). */
  MASKED_SERVER_FRAME("ws.masked_server_frame"),
  /** RSV bits set that no negotiated extension defines (RFC 6455 §5.2). */
  RESERVED_BITS("ws.reserved_bits"),
  /** A message compressed with permessage-deflate (RSV1, RFC 7692); it is not inflated. */
  COMPRESSED_MESSAGE("ws.compressed_message"),
  /** An opcode RFC 6455 §5.2 reserves (3-7, 11-15); the frame is skipped. */
  UNKNOWN_OPCODE("ws.unknown_opcode"),
  /** A control frame that is fragmented or longer than 125 bytes, or a close frame of 1 byte. */
  BAD_CONTROL_FRAME("ws.bad_control_frame"),
  /** A continuation frame without a message to continue; it is skipped. */
  UNEXPECTED_CONTINUATION("ws.unexpected_continuation"),
  /** A new message started before the fragments of the previous one ended; that one is dropped. */
  UNFINISHED_MESSAGE("ws.unfinished_message"),
  /** A 64-bit payload length with its most significant bit set (RFC 6455 §5.2). */
  BAD_LENGTH("ws.bad_length"),
  /**
   * A frame longer than {@link WebSocketConfig#maxFrameLength()}: nothing a SIP peer sends, so the
   * direction is not read further rather than trusting the length.
   */
  FRAME_TOO_LARGE("ws.frame_too_large"),
  /** A message longer than {@link WebSocketConfig#maxMessageSize()}; it is skipped. */
  MESSAGE_TOO_LARGE("ws.message_too_large"),
  /** Bytes of the stream were not captured; the direction is not read further. */
  STREAM_GAP("ws.stream_gap");

  private final String id;

  WebSocketProblem(String id) {
    this.id = id;
  }

  /** The stable ID, e.g. {@code ws.upgrade_refused}. */
  public String id() {
    return id;
  }

  /**
   * One occurrence of a problem.
   *
   * @param problem what is wrong
   * @param side {@link WebSocketConnection#CLIENT} or {@link WebSocketConnection#SERVER}
   * @param offset byte offset in that direction of the stream
   * @param detail raw facts (numbers); empty when the kind says it all
   */
  public record At(WebSocketProblem problem, int side, long offset, String detail) {
    @Override
    public String toString() {
      return problem.id()
          + "@"
          + side
          + ":"
          + offset
          + (detail.isEmpty() ? "" : "(" + detail + ")");
    }
  }
}
