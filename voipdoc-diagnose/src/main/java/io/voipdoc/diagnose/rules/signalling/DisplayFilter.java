package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import java.util.Locale;

/** Wireshark display filters for the evidence of the signalling rules. */
final class DisplayFilter {
  private DisplayFilter() {}

  /** Every SIP message of one Call-ID. */
  static String callId(String callId) {
    return "sip.Call-ID == \"" + callId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Exactly one frame. */
  static String frame(FrameRef frame) {
    return "frame.number == " + frame.number();
  }

  /** Traffic to or from one transport address, e.g. {@code ip.addr == 192.0.2.1 && udp.port == 5060}. */
  static String endpoint(Endpoint e) {
    String host = e.address().getHostAddress();
    String ip = host.indexOf(':') >= 0 ? "ipv6.addr" : "ip.addr";
    return ip + " == " + host + " && " + e.transport().toLowerCase(Locale.ROOT) + ".port == " + e.port();
  }
}
