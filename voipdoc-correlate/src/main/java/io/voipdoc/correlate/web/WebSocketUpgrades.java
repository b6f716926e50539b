package io.voipdoc.correlate.web;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.Flow;
import io.voipdoc.decode.ws.WebSocketUpgrade;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the WebSocket opening handshakes the decoder hands on, in the order their answer came or
 * their connection ended. At most {@value #MAX_KEPT} are kept; later ones are dropped.
 */
public final class WebSocketUpgrades {
  /** Handshakes kept: far more than the phones and apps of one incident open. */
  public static final int MAX_KEPT = 4096;

  private final List<WebSocketUpgradeSeen> seen = new ArrayList<>();

  /** One handshake, answered or not (see {@link io.voipdoc.decode.MessageListener}). */
  public void onWebSocketUpgrade(Flow flow, WebSocketUpgrade upgrade) {
    if (seen.size() >= MAX_KEPT) {
      return;
    }
    seen.add(
        new WebSocketUpgradeSeen(
            new Endpoint(flow.client(), flow.clientPort(), "TCP"),
            new Endpoint(flow.server(), flow.serverPort(), "TCP"),
            flow.displayFilter(),
            upgrade));
  }

  /** The handshakes kept. */
  public List<WebSocketUpgradeSeen> all() {
    return List.copyOf(seen);
  }
}
