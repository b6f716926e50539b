package io.voipdoc.decode.link;

/**
 * Where the network-layer packet of a frame starts, as the link decoders found it: a mutable
 * holder refilled for every frame so that decoding allocates nothing.
 */
public final class NetworkLayer {
  /** What the link layer carries. */
  public enum Kind {
    /** An IPv4 packet starts at {@link #offset}. */
    IPV4,
    /** An IPv6 packet starts at {@link #offset}. */
    IPV6,
    /** A protocol other than IP (ARP, LLDP, PPP control, ...); {@link #etherType} names it. */
    NON_IP,
    /** A link type the decoder does not know. */
    UNSUPPORTED,
    /** The link-layer headers are damaged; an anomaly was reported. */
    DAMAGED
  }

  public Kind kind = Kind.DAMAGED;
  /** Start of the network-layer packet in the buffer. */
  public int offset;
  /** Bytes from {@link #offset} that belong to it (bounded by the capture and length fields). */
  public int length;
  /** The last EtherType (or PPP protocol, NFLOG family) seen, or -1 when none. */
  public int etherType;
  /** VLAN tags (802.1Q, 802.1ad, 0x9100) walked. */
  public int vlanTags;
  /** MPLS labels walked. */
  public int mplsLabels;
  /** Whether a PPPoE session header was walked. */
  public boolean pppoe;

  /** Clears the holder before a new frame. */
  public void reset() {
    kind = Kind.DAMAGED;
    offset = 0;
    length = 0;
    etherType = -1;
    vlanTags = 0;
    mplsLabels = 0;
    pppoe = false;
  }

  void found(Kind k, int off, int len) {
    kind = k;
    offset = off;
    length = len;
  }
}
