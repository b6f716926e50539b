package io.voipdoc.decode.ip;

/**
 * The facts of one UDP or TCP header: a mutable holder that {@link UdpDecoder} and {@link
 * TcpHeaderDecoder} refill.
 */
public final class TransportHeader {
  public int srcPort;
  public int dstPort;
  /** TCP sequence and acknowledgement numbers (0 for UDP). */
  public long seq;
  public long ack;
  /** TCP flags, the low 8 bits of the flags field (CWR ECE URG ACK PSH RST SYN FIN); 0 for UDP. */
  public int flags;
  /** Start and length of the payload in the decoded buffer. */
  public int payloadOffset;
  public int payloadLength;
}
