package io.voipdoc.capture;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes frames to a pcapng file (draft-ietf-opsawg-pcapng) that Wireshark, tshark and {@link
 * Captures#open} read: frames of several inputs can be merged into one file, each keeping its
 * original timestamp, lengths and bytes.
 *
 * <p>The file is little-endian and has one section. Each distinct (input, interface, link type)
 * seen gets its own Interface Description Block, written just before its first packet, because
 * interface IDs of different inputs collide and a packet's link type is a property of its
 * interface. Timestamps are written in nanoseconds ({@code if_tsresol} = 9), so no precision of
 * any input is lost. Each packet carries the comment {@code input#frame}, which tells where it came
 * from in Wireshark's packet details.
 *
 * <p>The writer buffers nothing itself; give it a buffered stream.
 */
public final class PcapngWriter implements Closeable, Flushable {

  /** Section Header Block type (section 4.1); reads the same in either byte order. */
  static final int SECTION_HEADER = 0x0A0D0D0A;

  static final int INTERFACE_DESCRIPTION = 1;
  static final int ENHANCED_PACKET = 6;
  private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

  /** Option codes (section 3.5 and 4.2). */
  private static final int OPT_END = 0;

  private static final int OPT_COMMENT = 1;
  private static final int IF_TSRESOL = 9;

  /** {@code if_tsresol} value: 10^-9 seconds. */
  private static final int NANOSECONDS = 9;

  /** Interface snap length; 0 means "no limit" (section 4.2). */
  private static final int NO_SNAPLEN = 0;

  /** Largest option value (its length is a 16-bit field, section 3.5). */
  static final int MAX_OPTION_BYTES = 0xFFFF;

  private final OutputStream out;
  /** Scratch for block headers and trailers: rewritten per block, never reallocated. */
  private final byte[] scratch = new byte[32];

  private final Map<InterfaceKey, Integer> interfaces = new HashMap<>();
  private long frames;

  /** Where a frame came from; one interface description per distinct key. */
  private record InterfaceKey(String input, int interfaceId, int linkType) {}

  /**
   * Starts a pcapng file on {@code out}: writes the Section Header Block at once.
   *
   * @throws IOException when writing fails
   */
  public PcapngWriter(OutputStream out) throws IOException {
    this.out = out;
    // Section Header Block, section 4.1:
    //   type 0x0A0D0D0A | total length | byte-order magic 0x1A2B3C4D | major 1 | minor 0 |
    //   section length (64, -1 = not given) | options | total length
    int length = 28;
    int p = putInt(scratch, 0, SECTION_HEADER);
    p = putInt(scratch, p, length);
    p = putInt(scratch, p, BYTE_ORDER_MAGIC);
    p = putShort(scratch, p, 1);
    p = putShort(scratch, p, 0);
    p = putLong(scratch, p, -1L);
    putInt(scratch, p, length);
    out.write(scratch, 0, length);
  }

  /** Packets written so far. */
  public long frames() {
    return frames;
  }

  /**
   * Appends one frame: its captured bytes, captured and original length (an original length
   * beyond 32 bits is written as 2^32-1), timestamp, and an {@code input#frame} comment.
   *
   * @throws IOException when writing fails
   */
  public void write(Frame frame) throws IOException {
    int interfaceId = interfaceOf(frame);
    byte[] comment =
        (frame.input + "#" + frame.number).getBytes(StandardCharsets.UTF_8);
    int commentLength = Math.min(comment.length, MAX_OPTION_BYTES);
    int captured = frame.capturedLength;
    // Enhanced Packet Block, section 4.3:
    //   type 6 | total length | interface ID | timestamp high (32) | timestamp low (32) |
    //   captured length | original length | packet data, padded to 32 bits |
    //   options (opt_comment, opt_endofopt) | total length
    int length = 32 + padded(captured) + 4 + padded(commentLength) + 4;
    long original = Math.min(frame.originalLength, 0xFFFF_FFFFL);
    int p = putInt(scratch, 0, ENHANCED_PACKET);
    p = putInt(scratch, p, length);
    p = putInt(scratch, p, interfaceId);
    p = putInt(scratch, p, (int) (frame.timestampNanos >>> 32));
    p = putInt(scratch, p, (int) frame.timestampNanos);
    p = putInt(scratch, p, captured);
    putInt(scratch, p, (int) original);
    out.write(scratch, 0, 28);
    out.write(frame.data, frame.offset, captured);
    pad(captured);
    p = putShort(scratch, 0, OPT_COMMENT);
    putShort(scratch, p, commentLength);
    out.write(scratch, 0, 4);
    out.write(comment, 0, commentLength);
    pad(commentLength);
    p = putInt(scratch, 0, OPT_END);
    putInt(scratch, p, length);
    out.write(scratch, 0, 8);
    frames++;
  }

  /** The interface ID of the frame's origin, writing its description first when new. */
  private int interfaceOf(Frame frame) throws IOException {
    InterfaceKey key = new InterfaceKey(frame.input, frame.interfaceId, frame.linkType);
    Integer known = interfaces.get(key);
    if (known != null) {
      return known;
    }
    int id = interfaces.size();
    interfaces.put(key, id);
    // Interface Description Block, section 4.2:
    //   type 1 | total length | link type (16) | reserved (16) | snap length (32) |
    //   options: if_tsresol (code 9, length 1, value, 3 bytes padding), opt_endofopt | total length
    int length = 32;
    int p = putInt(scratch, 0, INTERFACE_DESCRIPTION);
    p = putInt(scratch, p, length);
    p = putShort(scratch, p, frame.linkType);
    p = putShort(scratch, p, 0);
    p = putInt(scratch, p, NO_SNAPLEN);
    p = putShort(scratch, p, IF_TSRESOL);
    p = putShort(scratch, p, 1);
    p = putInt(scratch, p, NANOSECONDS);
    p = putInt(scratch, p, OPT_END);
    putInt(scratch, p, length);
    out.write(scratch, 0, length);
    return id;
  }

  private void pad(int written) throws IOException {
    int padding = padded(written) - written;
    if (padding > 0) {
      scratch[0] = 0;
      scratch[1] = 0;
      scratch[2] = 0;
      out.write(scratch, 0, padding);
    }
  }

  /** {@code n} rounded up to a multiple of 4: every field of a block ends on a 32-bit boundary. */
  private static int padded(int n) {
    return (n + 3) & ~3;
  }

  private static int putShort(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    return p + 2;
  }

  private static int putInt(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
    return p + 4;
  }

  private static int putLong(byte[] b, int p, long v) {
    return putInt(b, putInt(b, p, (int) v), (int) (v >>> 32));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    out.close();
  }
}
