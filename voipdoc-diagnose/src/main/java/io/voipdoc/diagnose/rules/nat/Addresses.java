package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Address facts the media, ICE and NAT rules share: which addresses are not routable on the
 * internet, which SIP messages carried a given SDP media address, and display filters for flows.
 *
 * <p>Not routable on the internet ("private" here): RFC 1918 (10/8, 172.16/12, 192.168/16), the
 * shared address space of carrier-grade NAT (RFC 6598: 100.64/10), IPv4 link-local (RFC 3927:
 * 169.254/16), IPv6 unique local (RFC 4193: fc00::/7) and IPv6 link-local (RFC 4291 §2.5.6:
 * fe80::/10). Addresses are read as written in SDP; names (FQDN, mDNS candidates) are never
 * resolved and count as not private.
 */
public final class Addresses {
  private Addresses() {}

  /** Whether the textual address lies in a range that is not routed on the internet. */
  public static boolean isPrivate(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    if (a.indexOf(':') >= 0) {
      return a.startsWith("fc") || a.startsWith("fd") || a.startsWith("fe8") || a.startsWith("fe9")
          || a.startsWith("fea") || a.startsWith("feb");
    }
    int[] o = octets(a);
    if (o == null) {
      return false;
    }
    return o[0] == 10
        || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
        || (o[0] == 192 && o[1] == 168)
        || (o[0] == 100 && o[1] >= 64 && o[1] <= 127)
        || (o[0] == 169 && o[1] == 254);
  }

  /** Whether the address lies in a range that is not routed on the internet. */
  public static boolean isPrivate(InetAddress address) {
    return isPrivate(address.getHostAddress());
  }

  /** The dotted-quad octets, or null when {@code a} is not an IPv4 literal. */
  private static int @org.jspecify.annotations.Nullable [] octets(String a) {
    String[] parts = a.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    int[] o = new int[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      o[i] = v;
    }
    return o;
  }

  /** The address as written in SDP and candidates ({@code 2001:db8::1} without brackets). */
  public static String text(InetAddress address) {
    return address.getHostAddress();
  }

  /** Whether the endpoint has this textual address and port. */
  public static boolean same(Endpoint e, String address, int port) {
    return e.port() == port && e.address().getHostAddress().equalsIgnoreCase(address);
  }

  /**
   * Every SIP message of the call (copies at every capture point and retransmissions included)
   * whose SDP announces media at {@code hostPort}, in capture order.
   */
  public static List<SipEvent> sdpCopies(Call call, String hostPort) {
    List<SipEvent> out = new ArrayList<>();
    String needle = " " + hostPort + " ";
    for (CallLeg leg : call.legs()) {
      for (SipEvent e : leg.events()) {
        // the model's one-line summary: "<media> <address>:<port> <codecs> <direction>" per stream
        String sdp = e.sdp();
        if (sdp != null && (" " + sdp + " ").contains(needle)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** The first message of each capture input, in input order of appearance. */
  public static List<SipEvent> firstPerInput(List<SipEvent> events) {
    Set<String> inputs = new HashSet<>();
    List<SipEvent> out = new ArrayList<>();
    for (SipEvent e : events) {
      if (inputs.add(e.frame().input())) {
        out.add(e);
      }
    }
    return out;
  }

  /** A Wireshark display filter for one frame. */
  public static String frameFilter(long number) {
    return "frame.number == " + number;
  }

  /** A Wireshark display filter for the UDP flow from one endpoint to another. */
  public static String flowFilter(Endpoint from, Endpoint to) {
    String ip = from.address() instanceof Inet6Address ? "ipv6" : "ip";
    String l4 = from.transport().equals("TCP") ? "tcp" : "udp";
    return ip + ".src == " + from.address().getHostAddress() + " && " + l4 + ".srcport == "
        + from.port() + " && " + ip + ".dst == " + to.address().getHostAddress() + " && " + l4
        + ".dstport == " + to.port();
  }

  /** A Wireshark display filter for everything sent to or from an address and port. */
  public static String endpointFilter(String address, int port) {
    String ip = address.indexOf(':') >= 0 ? "ipv6" : "ip";
    return ip + ".addr == " + address + " && udp.port == " + port;
  }
}
