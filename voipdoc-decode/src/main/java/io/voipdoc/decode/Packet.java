package io.voipdoc.decode;

import io.voipdoc.capture.Frame;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The decoded view of one packet at the transport layer: a mutable holder that the decoder refills
 * for every frame, so the hot path allocates nothing. Valid only during a {@link PacketListener}
 * callback; copy what you keep.
 */
public final class Packet {
  /** The frame this packet came from (for a reassembled datagram: the frame that completed it). */
  public Frame frame = new Frame();

  /** 4 or 6. */
  public int ipVersion;
  /** Source and destination address bytes; the first {@link #addressLength} bytes are valid. */
  public final byte[] src = new byte[16];
  public final byte[] dst = new byte[16];
  /** 4 for IPv4, 16 for IPv6. */
  public int addressLength;
  /** IP protocol number of the transport (17 UDP, 6 TCP, 1 ICMP, 58 ICMPv6, ...). */
  public int protocol;
  /** DSCP of the innermost IP header (0..63). */
  public int dscp;
  /** Hop limit / TTL of the innermost IP header. */
  public int ttl;
  /** Whether this packet was reassembled from IP fragments. */
  public boolean reassembled;

  public int srcPort;
  public int dstPort;

  /** Transport payload (UDP datagram payload, TCP segment payload, HEP payload). */
  public byte[] payload = new byte[0];
  public int payloadOffset;
  public int payloadLength;

  /** How the packet reached the capture point; NONE when it was captured directly. */
  public Encapsulation encapsulation = Encapsulation.NONE;
  /**
   * For encapsulated packets: the outer source and destination (the capture point, e.g. the
   * mirroring switch or the HEP agent); {@link #outerAddressLength} is 0 otherwise.
   */
  public final byte[] outerSrc = new byte[16];
  public final byte[] outerDst = new byte[16];
  public int outerAddressLength;
  /** HEP capture agent ID, or -1 when not carried in HEP. */
  public long hepCaptureId = -1;
  /** HEP3 payload type (1 SIP, 5 RTCP, 100 log, ...), or -1 when not carried in HEP3. */
  public int hepPayloadType = -1;
  /**
   * When the packet was captured, in nanoseconds since the Unix epoch: the frame's time, or for
   * HEP the capture agent's time from the HEP header when it carries one.
   */
  public long timestampNanos;

  /** The source address (allocates). */
  public InetAddress srcAddress() {
    return address(src, addressLength);
  }

  /** The destination address (allocates). */
  public InetAddress dstAddress() {
    return address(dst, addressLength);
  }

  static InetAddress address(byte[] bytes, int length) {
    try {
      return InetAddress.getByAddress(java.util.Arrays.copyOf(bytes, length));
    } catch (UnknownHostException e) {
      // only thrown for lengths other than 4 and 16, which the decoder never sets
      throw new IllegalStateException("address length " + length, e);
    }
  }

  /** How a packet was carried to the capture point. */
  public enum Encapsulation {
    NONE,
    GRE,
    ERSPAN,
    VXLAN,
    IP_IN_IP,
    HEP
  }
}
