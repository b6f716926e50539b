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

  /** An unfragmented IPv4 packet whose DS field carries {@code dscp} (RFC 2474 §3; 46 is EF). */
  public static byte[] ipv4Dscp(String src, String dst, int protocol, int dscp, byte[] payload) {
    byte[] out = ipv4(src, dst, protocol, payload);
    out[1] = (byte) (dscp << 2);
    out[10] = 0;
    out[11] = 0;
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

  /**
   * An Ethernet frame with stacked tags: {@code tags} holds TPID/TCI pairs, outermost first
   * (e.g. {@code 0x88A8, 100, 0x8100, 200}), then {@code etherType} and the payload.
   */
  public static byte[] ethernetTagged(int[] tags, int etherType, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(14 + tags.length * 2 + payload.length);
    b.put(MAC_B).put(MAC_A);
    for (int i = 0; i < tags.length; i += 2) {
      b.putShort((short) tags[i]).putShort((short) tags[i + 1]);
    }
    b.putShort((short) etherType).put(payload);
    return b.array();
  }

  /** A Linux cooked (SLL, LINKTYPE 113) frame sent by us, with the given protocol. */
  public static byte[] sll(int protocol, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
    b.putShort((short) 4).putShort((short) 1).putShort((short) 6).put(MAC_A).putShort((short) 0);
    b.putShort((short) protocol).put(payload);
    return b.array();
  }

  /** A Linux cooked v2 (SLL2, LINKTYPE 276) frame on interface 2, with the given protocol. */
  public static byte[] sll2(int protocol, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.putShort((short) protocol).putShort((short) 0).putInt(2).putShort((short) 1);
    b.put((byte) 0).put((byte) 6).put(MAC_A).putShort((short) 0).put(payload);
    return b.array();
  }

  /**
   * A GRE header (RFC 2784/2890) and payload; {@code key} and {@code sequence} are included when
   * not null, and the checksum field when {@code checksum} (left 0).
   */
  public static byte[] gre(
      int protocol,
      boolean checksum,
      @org.jspecify.annotations.Nullable Long key,
      @org.jspecify.annotations.Nullable Long sequence,
      byte[] payload) {
    int flags = (checksum ? 0x8000 : 0) | (key != null ? 0x2000 : 0) | (sequence != null ? 0x1000 : 0);
    int size = 4 + (checksum ? 4 : 0) + (key != null ? 4 : 0) + (sequence != null ? 4 : 0);
    ByteBuffer b = ByteBuffer.allocate(size + payload.length);
    b.putShort((short) flags).putShort((short) protocol);
    if (checksum) {
      b.putInt(0);
    }
    if (key != null) {
      b.putInt((int) (long) key);
    }
    if (sequence != null) {
      b.putInt((int) (long) sequence);
    }
    return b.put(payload).array();
  }

  /** A VXLAN header (RFC 7348) with the I flag and {@code vni}, then the inner Ethernet frame. */
  public static byte[] vxlan(int vni, byte[] ethernetFrame) {
    ByteBuffer b = ByteBuffer.allocate(8 + ethernetFrame.length);
    b.putInt(0x08000000).putInt(vni << 8).put(ethernetFrame);
    return b.array();
  }

  /**
   * A HEP3 message (chunks of vendor 0): IP family, protocol, addresses, ports, time, payload
   * type, capture ID and payload. Addresses in dotted or IPv6 text; the family follows them.
   */
  public static byte[] hep3(
      String src,
      String dst,
      int protocol,
      int srcPort,
      int dstPort,
      long seconds,
      long micros,
      int payloadType,
      long captureId,
      byte[] payload) {
    boolean v6 = src.contains(":");
    byte[] s = v6 ? v6(src) : v4(src);
    byte[] d = v6 ? v6(dst) : v4(dst);
    ByteBuffer b = ByteBuffer.allocate(6 + 7 + 7 + 2 * (6 + s.length) + 2 * 8 + 2 * 10 + 7 + 10
        + 6 + payload.length);
    b.put(text("HEP3")).putShort((short) b.capacity());
    chunk(b, 1, 1).put((byte) (v6 ? 10 : 2));
    chunk(b, 2, 1).put((byte) protocol);
    chunk(b, v6 ? 5 : 3, s.length).put(s);
    chunk(b, v6 ? 6 : 4, d.length).put(d);
    chunk(b, 7, 2).putShort((short) srcPort);
    chunk(b, 8, 2).putShort((short) dstPort);
    chunk(b, 9, 4).putInt((int) seconds);
    chunk(b, 10, 4).putInt((int) micros);
    chunk(b, 11, 1).put((byte) payloadType);
    chunk(b, 12, 4).putInt((int) captureId);
    chunk(b, 15, payload.length).put(payload);
    return b.array();
  }

  private static ByteBuffer chunk(ByteBuffer b, int type, int valueLength) {
    return b.putShort((short) 0).putShort((short) type).putShort((short) (6 + valueLength));
  }

  /**
   * A HEP version 2 message as Kamailio's siptrace writes it: the fixed header with hp_l 8,
   * addresses, then seconds, microseconds and capture ID in little-endian order, 2 bytes of
   * padding, and the payload.
   */
  public static byte[] hep2(
      String src,
      String dst,
      int protocol,
      int srcPort,
      int dstPort,
      long seconds,
      long micros,
      int captureId,
      byte[] payload) {
    boolean v6 = src.contains(":");
    byte[] s = v6 ? v6(src) : v4(src);
    byte[] d = v6 ? v6(dst) : v4(dst);
    ByteBuffer b = ByteBuffer.allocate(8 + 2 * s.length + 12 + payload.length);
    b.put((byte) 2).put((byte) 8).put((byte) (v6 ? 10 : 2)).put((byte) protocol);
    b.putShort((short) srcPort).putShort((short) dstPort).put(s).put(d);
    b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putInt((int) seconds).putInt((int) micros).putShort((short) captureId).putShort((short) 0);
    return b.put(payload).array();
  }

  /**
   * An RTP packet (RFC 3550 §5.1): version 2, no padding, extension or CSRC.
   *
   * <pre>
   * V=2 P X CC | M PT | sequence number (16) | timestamp (32) | SSRC (32) | payload
   * </pre>
   */
  public static byte[] rtp(
      int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
    b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7f)));
    b.putShort((short) sequence).putInt((int) timestamp).putInt((int) ssrc);
    return b.put(payload).array();
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
