package io.voipdoc.decode.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal walker over the shared corpus for tests: pcap and pcapng files, Ethernet (with VLAN
 * tags and PPPoE), Linux cooked and raw IP link types, unfragmented IPv4/IPv6, UDP. It yields each UDP
 * payload; anything else (TCP, fragments, other link types) is skipped. The real capture and
 * decode stages live elsewhere; this exists so the SIP tests can read real traffic on their own.
 */
final class CorpusDatagrams {
  private CorpusDatagrams() {}

  /** The UDP payloads of a capture, in order. */
  static List<byte[]> udpPayloads(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
    List<byte[]> out = new ArrayList<>();
    int magic = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
    if (magic == 0x0A0D0D0A) {
      pcapng(b, out);
    } else {
      pcap(b, out);
    }
    return out;
  }

  private static void pcap(ByteBuffer b, List<byte[]> out) {
    int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    boolean le = magic == 0xA1B2C3D4 || magic == 0xA1B23C4D;
    b.order(le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int linkType = b.getInt(20) & 0x0FFFFFFF;
    int p = 24;
    while (p + 16 <= b.limit()) {
      int caplen = b.getInt(p + 8);
      if (caplen < 0 || p + 16 + caplen > b.limit()) {
        return;
      }
      link(b.array(), p + 16, caplen, linkType, out);
      p += 16 + caplen;
    }
  }

  private static void pcapng(ByteBuffer b, List<byte[]> out) {
    List<Integer> linkTypes = new ArrayList<>();
    int p = 0;
    while (p + 12 <= b.limit()) {
      int type = b.getInt(p);
      if (type == 0x0A0D0D0A) {
        b.order(b.order(ByteOrder.LITTLE_ENDIAN).getInt(p + 8) == 0x1A2B3C4D
            ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        linkTypes.clear();
      }
      int len = b.getInt(p + 4);
      if (len < 12 || p + len > b.limit()) {
        return;
      }
      if (type == 1) {
        linkTypes.add(b.getShort(p + 8) & 0xffff);
      } else if (type == 6) {
        int iface = b.getInt(p + 8);
        int caplen = b.getInt(p + 20);
        if (iface < linkTypes.size() && caplen >= 0 && caplen <= len - 28) {
          link(b.array(), p + 28, caplen, linkTypes.get(iface), out);
        }
      }
      p += len;
    }
  }

  private static void link(byte[] d, int off, int len, int linkType, List<byte[]> out) {
    switch (linkType) {
      case 1 -> {
        int p = off + 12;
        int etherType = u16(d, p);
        while ((etherType == 0x8100 || etherType == 0x88A8) && p + 6 <= off + len) {
          p += 4;
          etherType = u16(d, p);
        }
        // PPPoE session: 6 bytes of PPPoE header, then the 2-byte PPP protocol
        ip(d, etherType == 0x8864 ? p + 10 : p + 2, off + len, out);
      }
      case 113 -> ip(d, off + 16, off + len, out);
      case 101, 12, 228, 229 -> ip(d, off, off + len, out);
      default -> { }
    }
  }

  private static void ip(byte[] d, int p, int end, List<byte[]> out) {
    if (p >= end) {
      return;
    }
    int version = (d[p] & 0xff) >> 4;
    int udp;
    if (version == 4) {
      int ihl = (d[p] & 0x0f) * 4;
      int fragment = u16(d, p + 6) & 0x3FFF;
      if (d[p + 9] != 17 || fragment != 0) {
        return;
      }
      end = Math.min(end, p + u16(d, p + 2));
      udp = p + ihl;
    } else if (version == 6) {
      if (d[p + 6] != 17) {
        return;
      }
      end = Math.min(end, p + 40 + u16(d, p + 4));
      udp = p + 40;
    } else {
      return;
    }
    int ulen = u16(d, udp + 4);
    int stop = Math.min(end, udp + ulen);
    if (udp + 8 <= stop) {
      byte[] payload = new byte[stop - udp - 8];
      System.arraycopy(d, udp + 8, payload, 0, payload.length);
      out.add(payload);
    }
  }

  private static int u16(byte[] d, int p) {
    return (d[p] & 0xff) << 8 | (d[p + 1] & 0xff);
  }
}
