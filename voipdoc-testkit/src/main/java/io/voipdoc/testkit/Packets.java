package io.voipdoc.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds packet bytes layer by layer: {@code ethernet(ipv4(src, dst, udp(5060, 5060, sip)))}.
 * Checksums are computed where the layer has one so that tshark agrees with the bytes.
 */
public final class Packets {
  public static final int ETHERTYPE_IPV4 = 0x0800;
  public static final int ETHERTYPE_IPV6 = 0x86DD;

  private static final byte[] MAC_A = {0x02, 0, 0, 0, 0, 0x0a};
  private static final byte[] MAC_B = {0x02, 0, 0, 0, 0, 0x0b};

  private Packets() {}

  /** An Ethernet II frame carrying an IP packet (EtherType from the IP version nibble). */
  public static byte[] ethernet(byte[] ip) {
    int type = (ip[0] & 0xf0) == 0x60 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
    return ethernet(type, ip);
  }

  /** An Ethernet II frame with the given EtherType. */
  public static byte[] ethernet(int etherType, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
    b.put(MAC_B).put(MAC_A).putShort((short) etherType).put(payload);
    return b.array();
  }

  /** An IPv4 packet with no options; {@code src}/{@code dst} as dotted quads. */
  public static byte[] ipv4(String src, String dst, int protocol, byte[] payload) {
    return ipv4(src, dst, protocol, 0, 0, false, payload);
  }

  /**
   * An IPv4 packet or fragment.
   *
   * @param id identification field
   * @param fragmentOffset offset of this fragment in bytes (multiple of 8)
   * @param moreFragments the MF flag
   */
  public static byte[] ipv4(
      String src,
      String dst,
      int protocol,
      int id,
      int fragmentOffset,
      boolean moreFragments,
      byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length));
    b.putShort((short) id);
    b.putShort((short) ((moreFragments ? 0x2000 : 0) | (fragmentOffset / 8)));
    b.put((byte) 64).put((byte) protocol).putShort((short) 0);
    b.put(v4(src)).put(v4(dst));
    byte[] out = b.put(payload).array();
    int sum = checksum(out, 0, 20, 0);
    out[10] = (byte) (sum >> 8);
    out[11] = (byte) sum;
    return out;
  }

  /** An IPv6 packet with no extension headers; addresses in any textual IPv6 form. */
  public static byte[] ipv6(String src, String dst, int nextHeader, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
    b.putInt(0x60000000).putShort((short) payload.length).put((byte) nextHeader).put((byte) 64);
    b.put(v6(src)).put(v6(dst)).put(payload);
    return b.array();
  }

  /** A UDP header and payload; the checksum is left 0 (allowed for IPv4). */
  public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
    b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length));
    b.putShort((short) 0).put(payload);
    return b.array();
  }

  /** A TCP header (20 bytes, no options) and payload; flags as in the header (0x18 = PSH|ACK). */
  public static byte[] tcp(int srcPort, int dstPort, long seq, long ack, int flags, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
    b.put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0);
    b.putShort((short) 0).put(payload);
    return b.array();
  }

  /** ASCII/UTF-8 bytes of a text payload such as a SIP message. */
  public static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] v4(String dotted) {
    String[] p = dotted.split("\\.");
    if (p.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + dotted);
    }
    byte[] a = new byte[4];
    for (int i = 0; i < 4; i++) {
      a[i] = (byte) Integer.parseInt(p[i]);
    }
    return a;
  }

  static byte[] v6(String text) {
    try {
      byte[] a = java.net.InetAddress.getByName(text).getAddress();
      if (a.length != 16) {
        throw new IllegalArgumentException("not an IPv6 address: " + text);
      }
      return a;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not an IPv6 address: " + text, e);
    }
  }

  /** The Internet checksum (RFC 1071) over a range, starting from {@code initial}. */
  static int checksum(byte[] b, int off, int len, int initial) {
    long sum = initial;
    for (int i = 0; i + 1 < len; i += 2) {
      sum += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
    }
    if ((len & 1) == 1) {
      sum += (b[off + len - 1] & 0xff) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }
}
