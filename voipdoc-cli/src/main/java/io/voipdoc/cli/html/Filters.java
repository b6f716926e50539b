package io.voipdoc.cli.html;

import io.voipdoc.correlate.Endpoint;
import java.net.Inet6Address;
import java.util.List;
import java.util.StringJoiner;

/** Wireshark display filters for the items of the report. */
final class Filters {
  private Filters() {}

  /** A string literal of a display filter: quotes and backslashes escaped. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Every message of these Call-IDs. */
  static String callIds(List<String> ids) {
    StringJoiner j = new StringJoiner(" || ");
    for (String id : ids) {
      j.add("sip.Call-ID == " + quote(id));
    }
    return j.toString();
  }

  /** UDP (or TCP) packets from one endpoint to another. */
  static String flow(Endpoint from, Endpoint to) {
    String ip = from.address() instanceof Inet6Address ? "ipv6" : "ip";
    String l4 = from.transport().equals("TCP") ? "tcp" : "udp";
    return ip + ".src == " + from.address().getHostAddress() + " && " + l4 + ".srcport == " + from.port()
        + " && " + ip + ".dst == " + to.address().getHostAddress() + " && " + l4 + ".dstport == " + to.port();
  }

  /** The STUN messages between two endpoints, both ways. */
  static String stun(Endpoint a, Endpoint b) {
    String ip = a.address() instanceof Inet6Address ? "ipv6" : "ip";
    return "stun && " + ip + ".addr == " + a.address().getHostAddress() + " && udp.port == " + a.port()
        + " && " + ip + ".addr == " + b.address().getHostAddress() + " && udp.port == " + b.port();
  }
}
