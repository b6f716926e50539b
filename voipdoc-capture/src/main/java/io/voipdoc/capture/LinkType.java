package io.voipdoc.capture;

/**
 * Link-layer header types (tcpdump.org LINKTYPE_* registry) and the names voipdoc reports for
 * them.
 */
public final class LinkType {
  public static final int NULL = 0;
  public static final int ETHERNET = 1;
  public static final int RAW = 101;
  /** Raw IP as OpenBSD numbers it in pcap files (DLT_RAW 12 and 14 on some systems). */
  public static final int RAW_DLT12 = 12;
  public static final int RAW_DLT14 = 14;
  public static final int LOOP = 108;
  public static final int LINUX_SLL = 113;
  public static final int NFLOG = 239;
  public static final int IPV4 = 228;
  public static final int IPV6 = 229;
  public static final int LINUX_SLL2 = 276;

  private LinkType() {}

  /**
   * The reported name: {@code ETHERNET}, {@code LINUX_SLL}, {@code LINUX_SLL2}, {@code RAW} (types
   * 12, 14, 101, 228, 229), {@code NULL}, {@code LOOP}, else {@code LINKTYPE_<number>}.
   */
  public static String name(int linkType) {
    return switch (linkType) {
      case NULL -> "NULL";
      case ETHERNET -> "ETHERNET";
      case RAW, RAW_DLT12, RAW_DLT14, IPV4, IPV6 -> "RAW";
      case LOOP -> "LOOP";
      case LINUX_SLL -> "LINUX_SLL";
      case LINUX_SLL2 -> "LINUX_SLL2";
      default -> "LINKTYPE_" + linkType;
    };
  }
}
