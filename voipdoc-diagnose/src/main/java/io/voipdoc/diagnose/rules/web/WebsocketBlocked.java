package io.voipdoc.diagnose.rules.web;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.web.WebSocketUpgradeSeen;
import io.voipdoc.decode.ws.WebSocketConnection;
import io.voipdoc.decode.ws.WebSocketUpgrade;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * WEBSOCKET_BLOCKED: a browser phone or an app cannot open its WebSocket (RFC 6455 §4), so it cannot
 * register (SIP over WebSocket, RFC 7118) or receive its events. The server, or a reverse proxy or
 * load balancer in front of it, answers the upgrading GET with anything but {@code 101 Switching
 * Protocols} (§4.2.2: a 404 for a path it does not serve as WebSocket, 400/403/426/502 from a proxy
 * without WebSocket support), closes the connection without an answer, or leaves the GET
 * unanswered for {@value #STALLED_SECONDS} s or more (a proxy that buffers the response or does not
 * pass the upgrade on). A server answers an upgrade within milliseconds; a client that gives up
 * sooner, or a capture that ends sooner, proves nothing and is not reported.
 *
 * <p>Attempts to the same server and path with the same outcome are one finding; the first of each
 * capture is cited. Error: nothing of what runs over the channel works. WebSockets over TLS (wss)
 * are encrypted and not judged. Catalogue row WEBSOCKET_BLOCKED (KNOWLEDGE.md §3). Lab: {@code
 * websocket-upgrade-refused} (404); healthy counterpart {@code websocket-call}. An unanswered GET is
 * tested on the lab capture cut after it.
 */
@RuleSpec(id = "WEBSOCKET_BLOCKED", severity = Severity.ERROR)
public final class WebsocketBlocked implements Rule {
  /** How long a GET may go unanswered before the upgrade counts as stalled. */
  public static final int STALLED_SECONDS = 5;

  private static final long STALLED_NANOS = STALLED_SECONDS * 1_000_000_000L;
  private static final int NOT_FOUND = 404;

  @Override
  public void judge(Incident incident, Findings out) {
    Map<String, List<WebSocketUpgradeSeen>> blocked = new LinkedHashMap<>();
    for (WebSocketUpgradeSeen u : incident.webSocketUpgrades()) {
      String outcome = outcome(u.handshake());
      if (outcome != null) {
        String key = u.server().hostPort() + "|" + u.handshake().target() + "|" + outcome;
        blocked.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
      }
    }
    for (List<WebSocketUpgradeSeen> group : blocked.values()) {
      report(group, out);
    }
  }

  /**
   * How the upgrade failed: {@code status <code>}, {@code not_http}, {@code closed} (by the server),
   * {@code stalled}; null when it did not, or the capture cannot tell.
   */
  private static @Nullable String outcome(WebSocketUpgrade h) {
    if (h.answer() != null) {
      return h.accepted() ? null : h.status() < 0 ? "not_http" : "status " + h.status();
    }
    if (h.closed() != null && h.closedBy() == WebSocketConnection.SERVER) {
      return "closed";
    }
    return h.waitedNanos() >= STALLED_NANOS ? "stalled" : null;
  }

  private void report(List<WebSocketUpgradeSeen> group, Findings out) {
    WebSocketUpgradeSeen first = group.get(0);
    WebSocketUpgrade h = first.handshake();
    String server = first.server().hostPort();
    Findings.Builder b =
        out.add(this, "websocket " + server + h.target()).title(server, h.target(), group.size());
    Set<String> inputs = new HashSet<>();
    for (WebSocketUpgradeSeen u : group) {
      if (inputs.add(u.handshake().request().input())) {
        cite(b, u);
      }
    }
    if (h.answer() != null && h.status() == NOT_FOUND) {
      b.advice("wrong_path", h.target(), server);
    } else if (h.answer() != null && (h.status() == 401 || h.status() == 403)) {
      b.advice("forbidden", server);
    } else {
      b.advice("proxy_upgrade", server);
    }
    if (h.answer() == null) {
      b.advice("proxy_buffering");
    }
    b.advice("test_upgrade", h.host() != null ? h.host() : server, h.target())
        .advice("long_polling")
        .done();
  }

  private static void cite(Findings.Builder b, WebSocketUpgradeSeen u) {
    WebSocketUpgrade h = u.handshake();
    String flow = u.displayFilter();
    b.evidence(h.request(), "request", flow + " && http.request", u.client().hostPort(),
        h.target(), orDash(h.host()), orDash(h.protocols()));
    FrameRef answer = h.answer();
    if (answer != null) {
      long ms = h.waitedNanos() / 1_000_000;
      if (h.status() < 0) {
        b.evidence(answer, "answer_not_http", flow, ms);
      } else {
        b.evidence(answer, "refused", flow + " && http.response.code == " + h.status(),
            h.status(), ms);
      }
      return;
    }
    FrameRef closed = h.closed();
    if (closed != null) {
      long seconds = (closed.timestampNanos() - h.request().timestampNanos()) / 1_000_000_000L;
      boolean byServer = h.closedBy() == WebSocketConnection.SERVER;
      b.evidence(closed, byServer ? "closed_by_server" : "closed_by_client",
          flow + " && tcp.flags.fin == 1", seconds);
    }
    if (closed == null || h.closedBy() != WebSocketConnection.SERVER) {
      b.evidence(null, "no_answer", flow, h.waitedNanos() / 1_000_000_000L);
    }
  }

  private static String orDash(@Nullable String s) {
    return s == null || s.isEmpty() ? "-" : s;
  }
}
