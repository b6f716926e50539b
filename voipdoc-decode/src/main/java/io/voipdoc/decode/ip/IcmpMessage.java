package io.voipdoc.decode.ip;

/**
 * The facts of one ICMP or ICMPv6 error message and the packet it quotes: a mutable holder that
 * {@link IcmpDecoder} refills.
 */
public final class IcmpMessage {
  /** 4 for ICMP, 6 for ICMPv6. */
  public int icmpVersion;
  public int type;
  public int code;
  /** Protocol of the quoted packet, or -1 when no packet (or too little of one) is quoted. */
  public int quotedProtocol;
  /** Address length of the quoted packet (4 or 16), or 0 when no IP header is quoted. */
  public int quotedAddressLength;
  public final byte[] quotedSrc = new byte[16];
  public final byte[] quotedDst = new byte[16];
  /** Ports of the quoted UDP or TCP header, or -1. */
  public int quotedSrcPort;
  public int quotedDstPort;

  void reset(int version) {
    icmpVersion = version;
    type = -1;
    code = -1;
    quotedProtocol = -1;
    quotedAddressLength = 0;
    quotedSrcPort = -1;
    quotedDstPort = -1;
  }
}
