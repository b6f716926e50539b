package io.voipdoc.decode.ip;

import io.voipdoc.capture.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of pcap, Ethernet, Linux cooked capture, IPv4 and IPv6 to feed the reassemblers
 * from real captures in tests, without the production decoders. Anything it does not understand
 * is skipped; it is not a decoder and reports nothing.
 */
public final class IpCorpusReader {

  /** One IP packet as the reassemblers need it. */
  public record IpPacket(
      Frame frame,
      int version,
      byte[] src,
      byte[] dst,
      boolean fragment,
      long id,
      int protocol,
      int fragmentOffsetBytes,
      boolean moreFragments,
      byte[] payload) {

    /** The TCP segment in this packet, or null when it is not an unfragmented TCP packet. */
    public TcpSegment tcp() {
      if (protocol != 6 || fragment || payload.length < 20) {
        return null;
      }
      ByteBuffer b = ByteBuffer.wrap(payload);
      int dataOffset = ((payload[12] & 0xff) >> 4) * 4;
      if (dataOffset < 20 || dataOffset > payload.length) {
        return null;
      }
      return new TcpSegment(
          b.getShort(0) & 0xffff,
          b.getShort(2) & 0xffff,
          b.getInt(4) & 0xffffffffL,
          b.getInt(8) & 0xffffffffL,
          payload[13] & 0xff,
          Arrays.copyOfRange(payload, dataOffset, payload.length));
    }
  }

  /** The TCP header fields the stream reassembler takes, and the segment's payload. */
  public record TcpSegment(int srcPort, int dstPort, long seq, long ack, int flags, byte[] data) {}

  private IpCorpusReader() {}

  /** Every IPv4 and IPv6 packet of a classic pcap file, in file order. */
  public static List<IpPacket> read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
    int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    boolean nanos;
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
      nanos = magic == 0xa1b23c4d;
    } else {
      b.order(ByteOrder.BIG_ENDIAN);
      nanos = b.getInt(0) == 0xa1b23c4d;
    }
    int linkType = b.getInt(20);
    List<IpPacket> out = new ArrayList<>();
    int pos = 24;
    long number = 0;
    while (pos + 16 <= b.limit()) {
      long sec = b.getInt(pos) & 0xffffffffL;
      long frac = b.getInt(pos + 4) & 0xffffffffL;
      int caplen = b.getInt(pos + 8);
      int start = pos + 16;
      if (caplen < 0 || start + caplen > b.limit()) {
        break;
      }
      Frame f = new Frame();
      f.input = file.getFileName().toString();
      f.number = ++number;
      f.timestampNanos = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
      f.linkType = linkType;
      f.fileOffset = pos;
      byte[] data = Arrays.copyOfRange(b.array(), start, start + caplen);
      f.data = data;
      f.capturedLength = caplen;
      f.originalLength = b.getInt(pos + 12) & 0xffffffffL;
      IpPacket p = ip(f, data, linkType);
      if (p != null) {
        out.add(p);
      }
      pos = start + caplen;
    }
    return out;
  }

  private static IpPacket ip(Frame f, byte[] d, int linkType) {
    int off;
    int type;
    if (linkType == 1) { // Ethernet II, possibly with 802.1Q tags
      off = 14;
      type = u16(d, 12);
      while ((type == 0x8100 || type == 0x88a8) && d.length >= off + 4) {
        type = u16(d, off + 2);
        off += 4;
      }
    } else if (linkType == 113) { // Linux cooked capture v1: protocol at 14
      off = 16;
      type = u16(d, 14);
    } else {
      return null;
    }
    if (type == 0x0800) {
      return ipv4(f, d, off);
    }
    return type == 0x86dd ? ipv6(f, d, off) : null;
  }

  private static IpPacket ipv4(Frame f, byte[] d, int off) {
    if (d.length < off + 20) {
      return null;
    }
    int ihl = (d[off] & 0x0f) * 4;
    int total = Math.min(u16(d, off + 2), d.length - off);
    int flagsOffset = u16(d, off + 6);
    boolean mf = (flagsOffset & 0x2000) != 0;
    int fragOffset = (flagsOffset & 0x1fff) * 8;
    return new IpPacket(
        f,
        4,
        Arrays.copyOfRange(d, off + 12, off + 16),
        Arrays.copyOfRange(d, off + 16, off + 20),
        mf || fragOffset != 0,
        u16(d, off + 4),
        d[off + 9] & 0xff,
        fragOffset,
        mf,
        Arrays.copyOfRange(d, off + ihl, off + total));
  }

  private static IpPacket ipv6(Frame f, byte[] d, int off) {
    if (d.length < off + 40) {
      return null;
    }
    int end = Math.min(off + 40 + u16(d, off + 4), d.length);
    int next = d[off + 6] & 0xff;
    int pos = off + 40;
    // Hop-by-hop (0), routing (43) and destination options (60) may precede the fragment header.
    while ((next == 0 || next == 43 || next == 60) && pos + 8 <= end) {
      int len = ((d[pos + 1] & 0xff) + 1) * 8;
      next = d[pos] & 0xff;
      pos += len;
    }
    byte[] src = Arrays.copyOfRange(d, off + 8, off + 24);
    byte[] dst = Arrays.copyOfRange(d, off + 24, off + 40);
    if (next == 44 && pos + 8 <= end) {
      int fo = u16(d, pos + 2);
      long id = ByteBuffer.wrap(d, pos + 4, 4).getInt() & 0xffffffffL;
      return new IpPacket(
          f,
          6,
          src,
          dst,
          true,
          id,
          d[pos] & 0xff,
          fo & 0xfff8,
          (fo & 1) != 0,
          Arrays.copyOfRange(d, pos + 8, end));
    }
    return new IpPacket(
        f, 6, src, dst, false, 0, next, 0, false, Arrays.copyOfRange(d, Math.min(pos, end), end));
  }

  private static int u16(byte[] d, int i) {
    return ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
  }
}
