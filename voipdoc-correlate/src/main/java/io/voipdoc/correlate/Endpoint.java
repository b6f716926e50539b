package io.voipdoc.correlate;

import io.voipdoc.decode.Packet;
import java.net.InetAddress;
import java.util.Locale;

/**
 * One end of a conversation: address, port and transport ({@code UDP} or {@code TCP}).
 *
 * @param address IP address
 * @param port port number
 * @param transport {@code UDP} or {@code TCP}
 */
public record Endpoint(InetAddress address, int port, String transport) {

  /** Where the packet came from. */
  public static Endpoint source(Packet p) {
    return new Endpoint(p.srcAddress(), p.srcPort, transport(p));
  }

  /** Where the packet went. */
  public static Endpoint destination(Packet p) {
    return new Endpoint(p.dstAddress(), p.dstPort, transport(p));
  }

  private static String transport(Packet p) {
    return p.protocol == 6 ? "TCP" : "UDP";
  }

  /** {@code 192.0.2.1:5060} or {@code [2001:db8::1]:5060}. */
  public String hostPort() {
    String host = address.getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return transport.toLowerCase(Locale.ROOT) + ":" + hostPort();
  }
}
