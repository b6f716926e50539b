package io.voipdoc.capture;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Capture and compression formats that voipdoc recognises by their first bytes but does not read,
 * so that it can name them instead of calling them "not a capture". Only magics long and specific
 * enough not to match text or pcap data are listed; Endace ERF, for one, has no magic and is left
 * out.
 */
enum ForeignFormat {
  NETMON_1("Microsoft Network Monitor 1.x", ascii("RTSS")),
  NETMON_2("Microsoft Network Monitor 2.x", ascii("GMBU")),
  SNOOP("Sun snoop", ascii("snoop\0\0\0")),
  NA_SNIFFER("NA Sniffer (DOS)", ascii("TRSNIFF data")),
  NETXRAY("NetXRay / Windows Sniffer", ascii("XCP\0")),
  IPTRACE_1("AIX iptrace 1.0", ascii("iptrace 1.0")),
  IPTRACE_2("AIX iptrace 2.0", ascii("iptrace 2.0")),
  OBSERVER("Network Instruments Observer", ascii("ObserverPktBufferVersion=")),
  ZSTD("zstd-compressed", bytes(0x28, 0xb5, 0x2f, 0xfd)),
  LZ4("lz4-compressed", bytes(0x04, 0x22, 0x4d, 0x18)),
  XZ("xz-compressed", bytes(0xfd, '7', 'z', 'X', 'Z', 0x00)),
  BZIP2("bzip2-compressed", ascii("BZh"));

  private final String displayName;
  private final byte[] magic;

  ForeignFormat(String displayName, byte[] magic) {
    this.displayName = displayName;
    this.magic = magic;
  }

  /** The name given in {@link UnreadableCaptureException.Reason#UNSUPPORTED_FORMAT}. */
  String displayName() {
    return displayName;
  }

  /** The format whose magic starts {@code head}, or null. */
  static @Nullable ForeignFormat of(byte[] head) {
    for (ForeignFormat f : values()) {
      if (startsWith(head, f.magic)) {
        return f;
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (head[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
