package io.voipdoc.capture;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads pcapng files (draft-ietf-opsawg-pcapng, "PCAP Now Generic"). Obtain one from {@link
 * Captures#open}.
 *
 * <p>Every block has the same frame (section 3.1), which is checked before the body is looked at:
 *
 * <pre>
 *   block type (32) | block total length (32) | body | block total length (32)
 * </pre>
 *
 * The total length must be at least 12, a multiple of 4, at most {@link
 * CaptureConfig#maxPcapngBlockLength()}, and equal to its trailing copy; otherwise the block is
 * {@code pcapng.block_length_corrupt} and reading stops. Searching for the next block instead is
 * not done: packet bytes can look like a block frame, and a false match would invent packets.
 *
 * <p>Blocks read:
 *
 * <ul>
 *   <li>Section Header (0x0A0D0D0A, section 4.1): sets the byte order from its byte-order magic
 *       and forgets the interfaces of the previous section. Frame numbers go on across sections.
 *   <li>Interface Description (1, section 4.2): link type, snaplen, {@code if_tsresol} (10^-n and
 *       2^-n) and {@code if_tsoffset}.
 *   <li>Enhanced Packet (6, section 4.3), Simple Packet (3, section 4.4: interface 0, captured
 *       length = min(original length, snaplen, room in the block)) and the obsolete Packet Block
 *       (2, appendix A): each is one {@link Frame}.
 *   <li>systemd Journal Export (9) and Custom (0xBAD, 0x40000BAD, section 4.8): not packets, but
 *       Wireshark lists them as frames, so each takes a frame number here too (and is not
 *       delivered), which keeps frame numbers equal to Wireshark's.
 * </ul>
 *
 * All other blocks (name resolution, interface statistics, decryption secrets, unknown) are
 * skipped by their length; a block longer than the read buffer is read through, never held.
 */
public final class PcapngReader implements CaptureReader {
  static final int SECTION_HEADER = 0x0A0D0D0A;
  static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  private static final int INTERFACE_DESCRIPTION = 1;
  private static final int OBSOLETE_PACKET = 2;
  private static final int SIMPLE_PACKET = 3;
  private static final int ENHANCED_PACKET = 6;
  private static final int SYSTEMD_JOURNAL_EXPORT = 9;
  private static final int CUSTOM = 0xBAD;
  private static final int CUSTOM_NOT_COPIED = 0x40000BAD;

  /** Smallest block: type, length and trailing length. */
  private static final int BLOCK_FRAME = 12;
  /** Fixed part of a section header: frame, magic, versions, section length. */
  private static final int MIN_SECTION_HEADER = 28;
  private static final int MIN_INTERFACE_DESCRIPTION = 20;
  private static final int MIN_SIMPLE_PACKET = 16;
  /** Enhanced and obsolete packet blocks have the same fixed part. */
  private static final int MIN_PACKET = 32;
  /** Frame and private enterprise number. */
  private static final int MIN_CUSTOM = 16;
  /** Frame and the shortest entry Wireshark accepts ({@code __REALTIME_TIMESTAMP=} and more). */
  private static final int MIN_SYSTEMD_JOURNAL_EXPORT = 35;

  private static final int OPT_END = 0;
  private static final int IF_TSRESOL = 9;
  private static final int IF_TSOFFSET = 14;

  private final String input;
  private final ReadBuffer in;
  private final ReadableByteChannel channel;
  private final AnomalyLog anomalies;
  private final long maxBlockLength;
  private final int maxInterfaces;

  private boolean bigEndian;
  private boolean ended;
  private long number;

  /** Interfaces of the current section, indexed by interface ID. */
  private int interfaceCount;
  private int[] ifLinkType = new int[4];
  private long[] ifSnaplen = new long[4];
  private long[] ifOffsetNanos = new long[4];
  private TimestampScale[] ifScale = new TimestampScale[4];

  private final List<Integer> linkTypes = new ArrayList<>();

  /**
   * Reads the blocks before the first packet, so that {@link #linkTypes()} is known at once.
   *
   * @param in buffer over the input, at its start, which the caller found to hold the section
   *     header block type
   */
  PcapngReader(
      String input,
      ReadBuffer in,
      ReadableByteChannel channel,
      AnomalyLog anomalies,
      CaptureConfig config)
      throws IOException, UnreadableCaptureException {
    this.input = input;
    this.in = in;
    this.channel = channel;
    this.anomalies = anomalies;
    this.maxBlockLength = config.maxPcapngBlockLength();
    this.maxInterfaces = config.maxInterfacesPerSection();
    if (!in.ensure(MIN_SECTION_HEADER)) {
      throw new UnreadableCaptureException(
          input,
          UnreadableCaptureException.Reason.NOT_A_CAPTURE,
          "truncated pcapng section header: "
              + in.available()
              + " of "
              + MIN_SECTION_HEADER
              + " bytes");
    }
    int magic = in.i32(in.pos + 8, true);
    if (magic != BYTE_ORDER_MAGIC && magic != Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
      throw new UnreadableCaptureException(
          input,
          UnreadableCaptureException.Reason.NOT_A_CAPTURE,
          "pcapng byte-order magic " + hex(magic));
    }
    readBlocks(null);
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAPNG;
  }

  @Override
  public boolean next(Frame frame) throws IOException {
    return readBlocks(frame);
  }

  /**
   * Reads blocks until one yields a frame (true) or the input ends (false). With no frame to fill,
   * stops in front of the first packet block instead.
   */
  private boolean readBlocks(@Nullable Frame frame) throws IOException {
    while (!ended) {
      long at = in.position();
      if (!in.ensure(8)) {
        if (in.available() > 0) {
          report(PcapngProblem.BLOCK_TRUNCATED, at, "header available=" + in.available());
        }
        ended = true;
        return false;
      }
      int type = in.i32(in.pos, bigEndian);
      if (type == SECTION_HEADER && !readByteOrder(at)) {
        ended = true;
        return false;
      }
      long length = in.u32(in.pos + 4, bigEndian);
      if (length < BLOCK_FRAME || (length & 3) != 0 || length > maxBlockLength) {
        report(PcapngProblem.BLOCK_LENGTH_CORRUPT, at, "type=" + hex(type) + " length=" + length);
        ended = true;
        return false;
      }
      if (frame == null && isPacket(type)) {
        return false;
      }
      // the whole block, or as much of it as the buffer holds
      int view = (int) Math.min(length, in.capacity());
      if (!in.ensure(view)) {
        truncated(at, type, length);
        ended = true;
        return false;
      }
      int p = in.pos;
      boolean whole = view == length;
      if (whole) {
        long trailing = in.u32(p + view - 4, bigEndian);
        if (trailing != length) {
          report(
              PcapngProblem.BLOCK_LENGTH_CORRUPT,
              at,
              "type=" + hex(type) + " length=" + length + " trailing=" + trailing);
          ended = true;
          return false;
        }
      }
      // body: after type and length, before the trailing length (or the end of the buffer)
      int bodyEnd = whole ? p + view - 4 : p + view;
      boolean delivered = false;
      switch (type) {
        case SECTION_HEADER -> readSectionHeader(at, p, length);
        case INTERFACE_DESCRIPTION -> readInterface(at, p, bodyEnd, length, whole);
        case ENHANCED_PACKET, OBSOLETE_PACKET, SIMPLE_PACKET -> {
          // frame is not null here: without one, the loop stopped in front of this block
          if (frame != null && whole) {
            delivered = readPacket(frame, type, at, p, bodyEnd, length);
          } else {
            // Wireshark shows this packet, so it keeps its number for the frames after it
            anomalies.report(
                PcapngProblem.BLOCK_TOO_LARGE.id(),
                input,
                ++number,
                at,
                "type=" + hex(type) + " length=" + length + " buffer=" + in.capacity());
          }
        }
        case SYSTEMD_JOURNAL_EXPORT -> countRecord(at, type, length, MIN_SYSTEMD_JOURNAL_EXPORT);
        case CUSTOM, CUSTOM_NOT_COPIED -> countRecord(at, type, length, MIN_CUSTOM);
        default -> {
          // name resolution, statistics, secrets and unknown blocks: skipped
        }
      }
      if (ended) {
        return false;
      }
      if (whole) {
        in.pos = p + view;
      } else if (!skipLargeBlock(at, type, length)) {
        ended = true;
        return false;
      }
      if (delivered) {
        return true;
      }
    }
    return false;
  }

  /** A block that Wireshark numbers as a frame but that holds no packet. */
  private void countRecord(long at, int type, long length, int minimum) {
    if (length < minimum) {
      tooShort(at, type, length, minimum);
    } else {
      number++;
    }
  }

  private static boolean isPacket(int type) {
    return type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
  }

  /**
   * Sets the byte order from a section header's byte-order magic (at offset 8, before the length
   * can be read). Returns false when the magic is invalid or cut off.
   */
  private boolean readByteOrder(long at) throws IOException {
    if (!in.ensure(BLOCK_FRAME)) {
      report(
          PcapngProblem.BLOCK_TRUNCATED,
          at,
          "type=" + hex(SECTION_HEADER) + " available=" + in.available());
      return false;
    }
    int magic = in.i32(in.pos + 8, true);
    if (magic == BYTE_ORDER_MAGIC) {
      bigEndian = true;
    } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
      bigEndian = false;
    } else {
      report(PcapngProblem.BYTE_ORDER_MAGIC_INVALID, at, "magic=" + hex(magic));
      return false;
    }
    return true;
  }

  /*
   * Section Header Block body:
   *   byte-order magic (32) | major version (16) | minor version (16) | section length (64)
   *   | options
   */
  private void readSectionHeader(long at, int p, long length) {
    if (length < MIN_SECTION_HEADER) {
      tooShort(at, SECTION_HEADER, length, MIN_SECTION_HEADER);
      ended = true;
      return;
    }
    int major = in.u16(p + 12, bigEndian);
    int minor = in.u16(p + 14, bigEndian);
    if (major != 1) {
      report(PcapngProblem.SECTION_VERSION_UNSUPPORTED, at, "major=" + major + " minor=" + minor);
      ended = true;
      return;
    }
    interfaceCount = 0;
  }

  /*
   * Interface Description Block body:
   *   link type (16) | reserved (16) | snaplen (32) | options
   */
  private void readInterface(long at, int p, int bodyEnd, long length, boolean whole) {
    if (length < MIN_INTERFACE_DESCRIPTION) {
      tooShort(at, INTERFACE_DESCRIPTION, length, MIN_INTERFACE_DESCRIPTION);
      return;
    }
    if (!whole) {
      report(
          PcapngProblem.BLOCK_TOO_LARGE,
          at,
          "type=" + hex(INTERFACE_DESCRIPTION) + " length=" + length + " buffer=" + in.capacity());
    }
    if (interfaceCount >= maxInterfaces) {
      report(
          PcapngProblem.INTERFACE_LIMIT_EXCEEDED,
          at,
          "interfaces=" + (interfaceCount + 1) + " max=" + maxInterfaces);
      return;
    }
    int linkType = in.u16(p + 8, bigEndian);
    long snaplen = in.u32(p + 12, bigEndian);
    TimestampScale scale = TimestampScale.MICROSECONDS;
    long offsetSeconds = 0;
    // option: code (16) | length (16) | value, padded to 32 bits
    int q = p + 16;
    while (q + 4 <= bodyEnd) {
      int code = in.u16(q, bigEndian);
      int optionLength = in.u16(q + 2, bigEndian);
      if (code == OPT_END) {
        break;
      }
      if (optionLength > bodyEnd - q - 4) {
        report(
            PcapngProblem.OPTION_LENGTH_CORRUPT,
            at,
            "code=" + code + " length=" + optionLength + " room=" + (bodyEnd - q - 4));
        break;
      }
      if (code == IF_TSRESOL && optionLength >= 1) {
        scale = TimestampScale.of(in.buf[q + 4] & 0xff);
      } else if (code == IF_TSOFFSET && optionLength >= 8) {
        // signed 64-bit seconds, in the section's byte order
        long high = in.i32(q + 4 + (bigEndian ? 0 : 4), bigEndian);
        long low = in.u32(q + 4 + (bigEndian ? 4 : 0), bigEndian);
        offsetSeconds = (high << 32) | low;
      }
      q += 4 + ((optionLength + 3) & ~3);
    }
    define(linkType, snaplen, scale, offsetSeconds);
  }

  private void define(int linkType, long snaplen, TimestampScale scale, long offsetSeconds) {
    if (interfaceCount == ifLinkType.length) {
      int size = Math.min(maxInterfaces, interfaceCount * 2);
      ifLinkType = Arrays.copyOf(ifLinkType, size);
      ifSnaplen = Arrays.copyOf(ifSnaplen, size);
      ifOffsetNanos = Arrays.copyOf(ifOffsetNanos, size);
      ifScale = Arrays.copyOf(ifScale, size);
    }
    int id = interfaceCount++;
    ifLinkType[id] = linkType;
    ifSnaplen[id] = snaplen;
    ifOffsetNanos[id] = offsetSeconds * 1_000_000_000L;
    ifScale[id] = scale;
    if (!linkTypes.contains(linkType)) {
      linkTypes.add(linkType);
    }
  }

  /*
   * Enhanced Packet Block body:
   *   interface ID (32) | timestamp high (32) | timestamp low (32)
   *   | captured length (32) | original length (32) | data, padded to 32 bits | options
   * Obsolete Packet Block body: the same, with interface ID (16) | drops count (16) in front.
   * Simple Packet Block body:
   *   original length (32) | data, padded to 32 bits
   */
  private boolean readPacket(Frame frame, int type, long at, int p, int bodyEnd, long length) {
    int minimum = type == SIMPLE_PACKET ? MIN_SIMPLE_PACKET : MIN_PACKET;
    if (length < minimum) {
      tooShort(at, type, length, minimum);
      return false;
    }
    long iface;
    long ticks;
    long caplen;
    long originalLength;
    int data;
    if (type == SIMPLE_PACKET) {
      iface = 0;
      ticks = 0;
      originalLength = in.u32(p + 8, bigEndian);
      data = p + 12;
      caplen = Math.min(originalLength, bodyEnd - data);
      if (interfaceCount > 0 && ifSnaplen[0] != 0) {
        caplen = Math.min(caplen, ifSnaplen[0]);
      }
    } else {
      iface = type == ENHANCED_PACKET ? in.u32(p + 8, bigEndian) : in.u16(p + 8, bigEndian);
      ticks = (in.u32(p + 12, bigEndian) << 32) | in.u32(p + 16, bigEndian);
      caplen = in.u32(p + 20, bigEndian);
      originalLength = in.u32(p + 24, bigEndian);
      data = p + 28;
      if (caplen > bodyEnd - data) {
        report(
            PcapngProblem.PACKET_LENGTH_EXCEEDS_BLOCK,
            at,
            "caplen=" + caplen + " room=" + (bodyEnd - data));
        return false;
      }
    }
    if (iface >= interfaceCount) {
      report(
          PcapngProblem.INTERFACE_UNDEFINED, at, "interface=" + iface + " defined=" + interfaceCount);
      return false;
    }
    int id = (int) iface;
    frame.input = input;
    frame.number = ++number;
    frame.timestampNanos =
        type == SIMPLE_PACKET ? 0 : ifScale[id].toNanos(ticks) + ifOffsetNanos[id];
    frame.interfaceId = id;
    frame.linkType = ifLinkType[id];
    frame.data = in.buf;
    frame.offset = data;
    frame.capturedLength = (int) caplen;
    frame.originalLength = originalLength;
    frame.fileOffset = at;
    return true;
  }

  /** Reads through a block longer than the buffer and checks its trailing length. */
  private boolean skipLargeBlock(long at, int type, long length) throws IOException {
    if (!in.skip(length - 4) || !in.ensure(4)) {
      truncated(at, type, length);
      return false;
    }
    long trailing = in.u32(in.pos, bigEndian);
    if (trailing != length) {
      report(
          PcapngProblem.BLOCK_LENGTH_CORRUPT,
          at,
          "type=" + hex(type) + " length=" + length + " trailing=" + trailing);
      return false;
    }
    in.pos += 4;
    return true;
  }

  private void truncated(long at, int type, long length) {
    report(
        PcapngProblem.BLOCK_TRUNCATED,
        at,
        "type="
            + hex(type)
            + " length="
            + length
            + " available="
            + (in.position() - at + in.available()));
  }

  private void tooShort(long at, int type, long length, int minimum) {
    report(
        PcapngProblem.BLOCK_TOO_SHORT,
        at,
        "type=" + hex(type) + " length=" + length + " minimum=" + minimum);
  }

  private void report(PcapngProblem problem, long at, String detail) {
    anomalies.report(problem.id(), input, 0, at, detail);
  }

  private static String hex(int value) {
    return "0x" + Integer.toHexString(value);
  }

  @Override
  public List<Integer> linkTypes() {
    return Collections.unmodifiableList(linkTypes);
  }

  @Override
  public long position() {
    return in.position();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
