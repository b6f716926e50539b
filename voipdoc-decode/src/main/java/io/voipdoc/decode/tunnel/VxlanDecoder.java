package io.voipdoc.decode.tunnel;

/**
 * Recognises VXLAN headers (RFC 7348 §5). Stateless; never throws on bad input.
 *
 * <p>VXLAN has no magic number and its ports are also usable by ordinary flows, so a datagram on
 * a VXLAN port that does not look like VXLAN is left to be an ordinary datagram: there is no
 * VXLAN damage to report, only {@link #accepts} or not.
 */
public final class VxlanDecoder {
  /** The IANA port (RFC 7348 §5). */
  public static final int PORT = 4789;
  /** The port Linux used before IANA assigned one, still the kernel's default. */
  public static final int LINUX_PORT = 8472;
  /** Length of the VXLAN header; the inner Ethernet frame follows it. */
  public static final int HEADER = 8;

  private static final int ETHERNET_HEADER = 14;

  private VxlanDecoder() {}

  /**
   * Whether the UDP payload at {@code off} is a VXLAN header with the I flag set (valid VNI)
   * followed by at least an Ethernet header. Reads 1 byte, never allocates.
   */
  public static boolean accepts(byte[] b, int off, int len) {
    // Flags (8: R R R R I R R R) | Reserved (24)
    // VXLAN Network Identifier (24) | Reserved (8)
    return len >= HEADER + ETHERNET_HEADER && (b[off] & 0x08) != 0;
  }

  /** The VXLAN network identifier of the header at {@code off}; call after {@link #accepts}. */
  public static int vni(byte[] b, int off) {
    return ((b[off + 4] & 0xff) << 16) | ((b[off + 5] & 0xff) << 8) | (b[off + 6] & 0xff);
  }
}
