package io.voipdoc.diagnose.rules.nat;

import org.jspecify.annotations.Nullable;

/**
 * A host and port as written in a Via sent-by (RFC 3261 §20.42) or a SIP URI (§19.1.1); 5060 when
 * no port is written.
 */
record HostPort(String host, int port) {
  static @Nullable HostPort ofSentBy(@Nullable String hostPort) {
    if (hostPort == null || hostPort.isEmpty()) {
      return null;
    }
    String host = hostPort;
    String port = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = hostPort.substring(1, close);
      if (hostPort.startsWith(":", close + 1)) {
        port = hostPort.substring(close + 2);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      if (colon >= 0 && hostPort.indexOf(':') == colon) {
        host = hostPort.substring(0, colon);
        port = hostPort.substring(colon + 1);
      }
    }
    try {
      return new HostPort(host, port == null ? 5060 : Integer.parseInt(port));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code sip:user@host:port;params} (RFC 3261 §19.1.1); null for other schemes. */
  static @Nullable HostPort ofUri(@Nullable String uri) {
    if (uri == null) {
      return null;
    }
    String u = uri.toLowerCase(java.util.Locale.ROOT);
    if (!u.startsWith("sip:")) {
      return null;
    }
    String rest = uri.substring(4);
    int at = rest.lastIndexOf('@');
    rest = rest.substring(at + 1);
    int end = rest.length();
    for (char c : new char[] {';', '?', '>'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return ofSentBy(rest.substring(0, end));
  }
}
