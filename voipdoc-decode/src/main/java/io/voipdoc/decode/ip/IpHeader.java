package io.voipdoc.decode.ip;

/**
 * The facts of one IPv4 or IPv6 header: a mutable holder that {@link Ipv4Decoder} and {@link
 * Ipv6Decoder} refill, so decoding allocates nothing.
 */
public final class IpHeader {
  /** 4 or 6. */
  public int version;
  /** Source and destination address; the first {@link #addressLength} bytes are valid. */
  public final byte[] src = new byte[16];
  public final byte[] dst = new byte[16];
  /** 4 or 16. */
  public int addressLength;
  /**
   * Protocol of the payload: the IPv4 protocol field, or the IPv6 next header after the
   * extension headers (for a fragment: the next header of the fragment header); -1 when
   * damaged extension headers hide it.
   */
  public int protocol;
  /** DSCP (0..63). */
  public int dscp;
  /** TTL or hop limit. */
  public int ttl;
  /** Start of the payload after all headers walked, in the decoded buffer. */
  public int payloadOffset;
  /** Payload bytes present: bounded by the length fields and by what was captured. */
  public int payloadLength;
  /** Whether this packet is a fragment (not an atomic fragment, which passes straight on). */
  public boolean fragment;
  /** Offset of this fragment's payload in the original datagram, in bytes. */
  public int fragmentOffset;
  /** The MF flag (IPv4) or M flag (IPv6 fragment header). */
  public boolean moreFragments;
  /** Identification (16 bits for IPv4, 32 bits for IPv6). */
  public long id;

  void reset(int v) {
    version = v;
    addressLength = v == 4 ? 4 : 16;
    protocol = -1;
    dscp = 0;
    ttl = 0;
    payloadOffset = 0;
    payloadLength = 0;
    fragment = false;
    fragmentOffset = 0;
    moreFragments = false;
    id = 0;
  }
}
