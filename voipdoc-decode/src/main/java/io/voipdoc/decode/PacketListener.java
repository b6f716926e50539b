package io.voipdoc.decode;

import io.voipdoc.decode.tcp.TcpStream;

/**
 * Receives what {@link PacketDecoder} finds, in capture order. Every method has an empty default so
 * a listener implements only what it needs. Arguments are only valid during the call.
 */
public interface PacketListener {

  /** A UDP datagram, or a message carried in HEP; the payload is in {@link Packet#payload}. */
  default void onDatagram(Packet packet) {}

  /**
   * Every TCP segment as seen on the wire (before reassembly), with its payload in {@link
   * Packet#payload}: for connection statistics.
   */
  default void onTcpSegment(Packet packet, TcpStream stream, int flags) {}

  /**
   * Contiguous, in-order bytes of one direction of a TCP connection. {@code packet} is the segment
   * whose arrival made these bytes deliverable.
   */
  default void onStreamData(TcpStream stream, Packet packet, byte[] data, int offset, int length) {}

  /** Bytes of one direction that were never captured; the stream continues after the gap. */
  default void onStreamGap(TcpStream stream, Packet packet, long missingBytes) {}

  /** One direction of a TCP connection ended (FIN, RST, idle eviction or end of input). */
  default void onStreamEnd(TcpStream stream) {}

  /** An ICMP or ICMPv6 error that quotes a packet we may care about. */
  default void onIcmpError(Packet packet, IcmpError error) {}
}
