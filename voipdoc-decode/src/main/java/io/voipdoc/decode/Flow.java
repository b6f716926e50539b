package io.voipdoc.decode;

import java.net.InetAddress;

/**
 * A transport conversation seen from its client: who opened it (TCP SYN, or the first datagram)
 * towards whom. Created once per connection, never per packet.
 *
 * @param transport {@code TCP} or {@code UDP}
 * @param client the side that opened the conversation
 * @param clientPort its port
 * @param server the other side
 * @param serverPort its port
 */
public record Flow(String transport, InetAddress client, int clientPort, InetAddress server, int serverPort) {

  /** Wireshark display filter that shows this conversation. */
  public String displayFilter() {
    String ip = client.getAddress().length == 4 ? "ip" : "ipv6";
    String t = transport.toLowerCase(java.util.Locale.ROOT);
    return ip + ".addr == " + client.getHostAddress() + " && " + ip + ".addr == " + server.getHostAddress()
        + " && " + t + ".port == " + clientPort + " && " + t + ".port == " + serverPort;
  }
}
