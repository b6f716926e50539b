package io.voipdoc.decode.ws;

/**
 * One complete WebSocket data message, unmasked and with its fragments joined.
 *
 * @param side {@link WebSocketConnection#CLIENT} or {@link WebSocketConnection#SERVER}
 * @param text whether it was sent as a text message (opcode 1) rather than binary (opcode 2)
 * @param frames how many frames carried it (1 when not fragmented)
 * @param payload the message bytes
 */
public record WebSocketMessage(int side, boolean text, int frames, byte[] payload) {}
