package io.voipdoc.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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


  /**
   * One UDP or TCP payload found by {@link #transportPayloads(Path)}.
   *
   * @param frame 1-based frame number, as tshark numbers frames
   * @param protocol 17 for UDP, 6 for TCP
   * @param src source address as text
   * @param srcPort source port
   * @param dst destination address as text
   * @param dstPort destination port
   * @param tcpSeq the TCP sequence number, or -1 for UDP
   * @param payload the transport payload
   */
  public record TransportPayload(
      int frame,
      int protocol,
      String src,
      int srcPort,
      String dst,
      int dstPort,
      long tcpSeq,
      byte[] payload) {

    /** "src:port>dst:port", the key of one direction of a flow. */
    public String direction() {
      return src + ":" + srcPort + ">" + dst + ":" + dstPort;
    }
  }

  /**
   * A deliberately small reader for test assertions over real captures: classic pcap (either byte
   * order, micro- or nanosecond), Ethernet (with 802.1Q tags) or Linux SLL, IPv4 or IPv6 without
   * extension headers, UDP and TCP. Non-first IP fragments and anything else are skipped. Not the
   * product's decoder, which is tested on its own.
   */
  public static List<TransportPayload> transportPayloads(Path pcap)
      throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap));
    int magic = b.getInt(0);
    if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
      b.order(ByteOrder.LITTLE_ENDIAN);
    } else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
      throw new IllegalArgumentException("not a classic pcap file: " + pcap);
    }
    int linkType = b.getInt(20);
    List<TransportPayload> out = new ArrayList<>();
    int pos = 24;
    int frame = 0;
    while (pos + 16 <= b.limit()) {
      int caplen = b.getInt(pos + 8);
      if (caplen < 0 || pos + 16 + caplen > b.limit()) {
        break;
      }
      frame++;
      byte[] data = Arrays.copyOfRange(b.array(), pos + 16, pos + 16 + caplen);
      pos += 16 + caplen;
      int ip;
      int etherType;
      if (linkType == 1) {
        ip = 14;
        etherType = data.length >= 14 ? u16(data, 12) : -1;
        while (etherType == 0x8100 && data.length >= ip + 4) {
          etherType = u16(data, ip + 2);
          ip += 4;
        }
      } else if (linkType == 113) {
        ip = 16;
        etherType = data.length >= 16 ? u16(data, 14) : -1;
      } else {
        continue;
      }
      TransportPayload p = transport(frame, data, ip, etherType);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private static @Nullable TransportPayload transport(
      int frame, byte[] d, int ip, int etherType) {
    int proto;
    int l4;
    int end;
    String src;
    String dst;
    if (etherType == ETHERTYPE_IPV4 && d.length >= ip + 20) {
      int ihl = (d[ip] & 0x0f) * 4;
      if ((u16(d, ip + 6) & 0x1fff) != 0) {
        return null;
      }
      proto = d[ip + 9] & 0xff;
      l4 = ip + ihl;
      end = Math.min(d.length, ip + u16(d, ip + 2));
      src = address(d, ip + 12, 4);
      dst = address(d, ip + 16, 4);
    } else if (etherType == ETHERTYPE_IPV6 && d.length >= ip + 40) {
      proto = d[ip + 6] & 0xff;
      l4 = ip + 40;
      end = Math.min(d.length, l4 + u16(d, ip + 4));
      src = address(d, ip + 8, 16);
      dst = address(d, ip + 24, 16);
    } else {
      return null;
    }
    if (proto == 17 && end >= l4 + 8) {
      int udpEnd = Math.min(end, l4 + u16(d, l4 + 4));
      return new TransportPayload(frame, 17, src, u16(d, l4), dst, u16(d, l4 + 2), -1,
          Arrays.copyOfRange(d, l4 + 8, Math.max(l4 + 8, udpEnd)));
    }
    if (proto == 6 && end >= l4 + 20) {
      int dataOffset = ((d[l4 + 12] & 0xf0) >> 4) * 4;
      long seq = ByteBuffer.wrap(d, l4 + 4, 4).getInt() & 0xffffffffL;
      return new TransportPayload(frame, 6, src, u16(d, l4), dst, u16(d, l4 + 2), seq,
          Arrays.copyOfRange(d, Math.min(end, l4 + dataOffset), end));
    }
    return null;
  }

  /**
   * The TCP payloads of {@code payloads} concatenated in order per direction (keyed by {@link
   * TransportPayload#direction()}), dropping segments that repeat bytes already taken. Gaps are not
   * filled: a test over a capture with loss must not use this.
   */
  public static Map<String, byte[]> tcpDirections(List<TransportPayload> payloads) {
    Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
    Map<String, Long> next = new HashMap<>();
    for (TransportPayload p : payloads) {
      if (p.protocol() != 6 || p.payload().length == 0) {
        continue;
      }
      String key = p.direction();
      Long expected = next.get(key);
      int skip = 0;
      if (expected != null) {
        long behind = (expected - p.tcpSeq()) & 0xffffffffL;
        if (behind < 0x80000000L) {
          skip = (int) Math.min(behind, p.payload().length);
        }
      }
      streams.computeIfAbsent(key, k -> new ByteArrayOutputStream())
          .write(p.payload(), skip, p.payload().length - skip);
      next.put(key, (p.tcpSeq() + p.payload().length) & 0xffffffffL);
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    streams.forEach((k, v) -> out.put(k, v.toByteArray()));
    return out;
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  private static String address(byte[] b, int off, int len) {
    try {
      return java.net.InetAddress.getByAddress(Arrays.copyOfRange(b, off, off + len))
          .getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
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
