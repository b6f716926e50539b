/**
 * SIP over WebSocket (RFC 7118) in clear text: the HTTP/1.1 upgrade handshake (RFC 6455 §4) and the
 * frames that follow it (RFC 6455 §5), in both directions of one TCP connection.
 *
 * <p>{@link io.voipdoc.decode.ws.WebSocketHandshake#accepts} recognises the client's opening GET
 * with {@code Upgrade: websocket}; {@link io.voipdoc.decode.ws.WebSocketConnection} then reads the
 * server's answer and the frames, unmasks client frames, joins fragments and hands each complete
 * text or binary message on: by RFC 7118 §5 every such message holds exactly one SIP message, which
 * the caller decodes like a UDP datagram. Ping, pong and close frames are counted; close status
 * codes are kept. Every deviation is a {@link io.voipdoc.decode.ws.WebSocketProblem}; nothing here
 * throws on bad input and every buffer is bounded by {@link io.voipdoc.decode.ws.WebSocketConfig}.
 *
 * <p>Not decoded: messages compressed with permessage-deflate (RFC 7692). With the usual context
 * takeover every message is inflated with the window of all earlier ones, so one lost segment or a
 * capture that starts after the handshake leaves every later message unreadable; they are counted
 * as {@code ws.compressed_message} instead of being inflated. SIP stacks for WebSocket (kamailio,
 * JsSIP, SIP.js) do not negotiate it. Also not decoded: WebSocket over TLS (wss), which is TLS
 * application data here, and HTTP/2 WebSockets (RFC 8441). After a stream gap, a direction is not
 * read any further: frames carry no marker to resynchronise on.
 */
@NullMarked
package io.voipdoc.decode.ws;

import org.jspecify.annotations.NullMarked;
