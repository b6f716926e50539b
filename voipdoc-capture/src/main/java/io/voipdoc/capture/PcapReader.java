package io.voipdoc.capture;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

/**
 * Reads classic libpcap files (draft-ietf-opsawg-pcap): both byte orders, microsecond and
 * nanosecond timestamps, and Alexey Kuznetsov's modified format (magic {@code a1b2cd34}), whose
 * record headers carry 8 more bytes. Obtain one from {@link Captures#open}.
 *
 * <pre>
 *   File header (24 bytes):
 *     magic (32) | major (16) | minor (16) | reserved (32) | reserved (32)
 *     | snaplen (32) | FCS (4 bits) | reserved (12 bits) | link type (16)
 *   Record header (16 bytes):
 *     timestamp seconds (32) | timestamp micro- or nanoseconds (32)
 *     | captured length (32) | original length (32)
 *   Modified pcap appends: interface index (32) | protocol (16) | packet type (8) | pad (8)
 * </pre>
 *
 * The magic, written in the writer's byte order, tells the order and the timestamp unit:
 * {@code a1b2c3d4} microseconds, {@code a1b23c4d} nanoseconds, {@code a1b2cd34} modified pcap
 * (microseconds). Records shorter than the packet (cut by snaplen) are normal. Records carry no
 * marker, so after an impossible length nothing later can be trusted and reading stops.
 */
public final class PcapReader implements CaptureReader {
  /** File header length. */
  static final int FILE_HEADER = 24;

  /** Record header length of the standard format. */
  static final int RECORD_HEADER = 16;

  /** Record header length of Kuznetsov's modified format. */
  static final int MODIFIED_RECORD_HEADER = 24;

  private final String input;
  private final ReadBuffer in;
  private final ReadableByteChannel channel;
  private final AnomalyLog anomalies;
  private final boolean bigEndian;
  private final long fractionToNanos;
  private final int recordHeader;
  private final long maxRecordLength;
  private final int linkType;
  private final long snaplen;
  private long number;
  private boolean ended;

  /**
   * Reads the file header.
   *
   * @param in buffer over the input, at its start
   * @param bigEndian byte order of the file
   * @param nanoseconds whether timestamps are in nanoseconds
   * @param modified whether this is Kuznetsov's modified format
   */
  PcapReader(
      String input,
      ReadBuffer in,
      ReadableByteChannel channel,
      AnomalyLog anomalies,
      CaptureConfig config,
      boolean bigEndian,
      boolean nanoseconds,
      boolean modified)
      throws IOException, UnreadableCaptureException {
    this.input = input;
    this.in = in;
    this.channel = channel;
    this.anomalies = anomalies;
    this.bigEndian = bigEndian;
    this.fractionToNanos = nanoseconds ? 1 : 1000;
    this.recordHeader = modified ? MODIFIED_RECORD_HEADER : RECORD_HEADER;
    this.maxRecordLength = config.maxPcapRecordLength();
    if (!in.ensure(FILE_HEADER)) {
      throw new UnreadableCaptureException(
          input,
          UnreadableCaptureException.Reason.NOT_A_CAPTURE,
          "truncated pcap header: " + in.available() + " of " + FILE_HEADER + " bytes");
    }
    int p = in.pos;
    this.snaplen = in.u32(p + 16, bigEndian);
    // the upper 16 bits hold the FCS length and reserved bits, not the link type
    this.linkType = in.i32(p + 20, bigEndian) & 0xffff;
    in.skip(FILE_HEADER);
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAP;
  }

  /** The snapshot length from the file header (informative only; records are not checked). */
  public long snaplen() {
    return snaplen;
  }

  @Override
  public boolean next(Frame frame) throws IOException {
    if (ended) {
      return false;
    }
    long at = in.position();
    if (!in.ensure(recordHeader)) {
      if (in.available() > 0) {
        truncated(at, recordHeader);
      }
      ended = true;
      return false;
    }
    int p = in.pos;
    long caplen = in.u32(p + 8, bigEndian);
    if (caplen > maxRecordLength) {
      anomalies.report(
          PcapProblem.RECORD_LENGTH_IMPOSSIBLE.id(),
          input,
          0,
          at,
          "caplen=" + caplen + " max=" + maxRecordLength);
      ended = true;
      return false;
    }
    int length = recordHeader + (int) caplen;
    if (!in.ensure(length)) {
      truncated(at, length);
      ended = true;
      return false;
    }
    p = in.pos;
    frame.input = input;
    frame.number = ++number;
    frame.timestampNanos =
        in.u32(p, bigEndian) * 1_000_000_000L + in.u32(p + 4, bigEndian) * fractionToNanos;
    frame.interfaceId = 0;
    frame.linkType = linkType;
    frame.data = in.buf;
    frame.offset = p + recordHeader;
    frame.capturedLength = (int) caplen;
    frame.originalLength = in.u32(p + 12, bigEndian);
    frame.fileOffset = at;
    in.pos = p + length;
    return true;
  }

  private void truncated(long at, int needed) {
    anomalies.report(
        PcapProblem.RECORD_TRUNCATED.id(),
        input,
        0,
        at,
        "needed=" + needed + " available=" + in.available());
  }

  @Override
  public List<Integer> linkTypes() {
    return List.of(linkType);
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
