package io.voipdoc.correlate.web;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.ws.WebSocketUpgrade;

/**
 * One WebSocket opening handshake and the TCP connection that carried it.
 *
 * @param client the side that sent the upgrading GET
 * @param server the side it was sent to (a web server, or the reverse proxy in front of it)
 * @param displayFilter Wireshark display filter that shows the connection
 * @param handshake the GET, and the answer or how the connection went without one
 */
public record WebSocketUpgradeSeen(
    Endpoint client, Endpoint server, String displayFilter, WebSocketUpgrade handshake) {}
