package io.voipdoc.capture;

import io.voipdoc.capture.UnreadableCaptureException.Reason;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipException;

/**
 * Opens captures: recognises the format by its first bytes (never by the file name), removes gzip
 * compression, and returns the matching {@link CaptureReader}.
 *
 * <pre>
 *   first bytes            format
 *   1f 8b                  gzip (RFC 1952): decompressed, then recognised again
 *   a1 b2 c3 d4 / d4 c3 b2 a1   pcap, microseconds (big / little endian)
 *   a1 b2 3c 4d / 4d 3c b2 a1   pcap, nanoseconds
 *   a1 b2 cd 34 / 34 cd b2 a1   pcap as modified by Alexey Kuznetsov (longer record headers)
 *   0a 0d 0d 0a            pcapng section header block
 * </pre>
 *
 * Other formats known by their magic (Network Monitor, snoop, Sniffer, ...) are named in an
 * {@link UnreadableCaptureException} with reason {@link Reason#UNSUPPORTED_FORMAT}.
 */
public final class Captures {
  /** Bytes read to recognise a format: enough for the longest magic known. */
  static final int SNIFF_BYTES = 32;

  /** Bytes of unknown content shown in a {@link Reason#NOT_A_CAPTURE} detail. */
  private static final int SHOWN_BYTES = 8;

  private static final int GZIP_MAGIC = 0x1f8b;

  /** pcap magics as read in big-endian order; a little-endian file shows them swapped. */
  static final int PCAP_MICROSECONDS = 0xa1b2c3d4;

  static final int PCAP_NANOSECONDS = 0xa1b23c4d;
  static final int PCAP_MODIFIED = 0xa1b2cd34;

  private Captures() {}

  /** Opens an input with the default limits. */
  public static CaptureReader open(CaptureInput input, AnomalyLog anomalies)
      throws UnreadableCaptureException, IOException {
    return open(input, anomalies, CaptureConfig.DEFAULTS);
  }

  /**
   * Opens a file, or standard input when {@link CaptureInput#path()} is null.
   *
   * @throws UnreadableCaptureException when the input is missing, unreadable, empty, not a
   *     capture, or a capture format that is not read
   * @throws IOException when reading the input fails
   */
  public static CaptureReader open(CaptureInput input, AnomalyLog anomalies, CaptureConfig config)
      throws UnreadableCaptureException, IOException {
    Path path = input.path();
    if (path == null) {
      return open(input.name(), Channels.newChannel(standardInput()), anomalies, config);
    }
    ReadableByteChannel channel;
    try {
      if (Files.isDirectory(path)) {
        throw new UnreadableCaptureException(input.name(), Reason.NOT_READABLE, "directory");
      }
      // a pipe or device (e.g. /dev/stdin, process substitution) cannot seek: read it as a stream
      channel =
          Files.isRegularFile(path)
              ? FileChannel.open(path, StandardOpenOption.READ)
              : Channels.newChannel(Files.newInputStream(path));
    } catch (NoSuchFileException e) {
      throw new UnreadableCaptureException(input.name(), Reason.MISSING, "");
    } catch (AccessDeniedException e) {
      throw new UnreadableCaptureException(input.name(), Reason.NOT_READABLE, "access denied");
    }
    return open(input.name(), channel, anomalies, config);
  }

  /**
   * Opens a capture from any channel (for example bytes in memory); the reader closes the channel.
   * The channel is also closed when this throws.
   *
   * @param name display name of the input, used in anomalies and frames
   */
  public static CaptureReader open(
      String name, ReadableByteChannel channel, AnomalyLog anomalies, CaptureConfig config)
      throws UnreadableCaptureException, IOException {
    boolean opened = false;
    try {
      CaptureReader reader = recognise(name, channel, anomalies, config);
      opened = true;
      return reader;
    } finally {
      if (!opened) {
        channel.close();
      }
    }
  }

  private static CaptureReader recognise(
      String name, ReadableByteChannel channel, AnomalyLog anomalies, CaptureConfig config)
      throws UnreadableCaptureException, IOException {
    byte[] head = readHead(channel);
    if (head.length == 0) {
      throw new UnreadableCaptureException(name, Reason.EMPTY, "");
    }
    if (!isGzip(head)) {
      return reader(name, head, channel, anomalies, config);
    }
    InputStream compressed =
        new SequenceInputStream(new ByteArrayInputStream(head), Channels.newInputStream(channel));
    GzipChannel plain;
    try {
      plain = new GzipChannel(compressed, config.gzipBufferBytes(), name, anomalies);
    } catch (EOFException e) {
      throw new UnreadableCaptureException(name, Reason.NOT_A_CAPTURE, "truncated gzip header");
    } catch (ZipException e) {
      throw new UnreadableCaptureException(name, Reason.NOT_A_CAPTURE, "corrupt gzip header");
    }
    boolean opened = false;
    try {
      byte[] inner = readHead(plain);
      if (inner.length == 0) {
        throw new UnreadableCaptureException(name, Reason.EMPTY, "gzip");
      }
      if (isGzip(inner)) {
        throw new UnreadableCaptureException(name, Reason.UNSUPPORTED_FORMAT, "gzip inside gzip");
      }
      CaptureReader reader = reader(name, inner, plain, anomalies, config);
      opened = true;
      return reader;
    } finally {
      if (!opened) {
        // frees the decompressor's native memory now rather than at garbage collection
        plain.close();
      }
    }
  }

  private static CaptureReader reader(
      String name,
      byte[] head,
      ReadableByteChannel channel,
      AnomalyLog anomalies,
      CaptureConfig config)
      throws UnreadableCaptureException, IOException {
    if (head.length >= 4) {
      int magic = ByteBuffer.wrap(head).getInt();
      boolean bigEndian = isPcapMagic(magic);
      if (bigEndian || isPcapMagic(Integer.reverseBytes(magic))) {
        int m = bigEndian ? magic : Integer.reverseBytes(magic);
        ReadBuffer in = new ReadBuffer(channel, config.readBufferBytes(), head);
        return new PcapReader(
            name,
            in,
            channel,
            anomalies,
            config,
            bigEndian,
            m == PCAP_NANOSECONDS,
            m == PCAP_MODIFIED);
      }
      if (magic == PcapngReader.SECTION_HEADER) {
        ReadBuffer in = new ReadBuffer(channel, config.readBufferBytes(), head);
        return new PcapngReader(name, in, channel, anomalies, config);
      }
    }
    ForeignFormat foreign = ForeignFormat.of(head);
    if (foreign != null) {
      throw new UnreadableCaptureException(name, Reason.UNSUPPORTED_FORMAT, foreign.displayName());
    }
    if (head.length < 4 && isMagicPrefix(head)) {
      throw new UnreadableCaptureException(
          name, Reason.NOT_A_CAPTURE, "truncated header: " + head.length + " bytes");
    }
    throw new UnreadableCaptureException(
        name,
        Reason.NOT_A_CAPTURE,
        HexFormat.of().formatHex(head, 0, Math.min(head.length, SHOWN_BYTES)));
  }

  private static boolean isPcapMagic(int bigEndianMagic) {
    return bigEndianMagic == PCAP_MICROSECONDS
        || bigEndianMagic == PCAP_NANOSECONDS
        || bigEndianMagic == PCAP_MODIFIED;
  }

  /** Whether a capture read here (pcap or pcapng) starts with these 4 or more bytes. */
  static boolean isReadableMagic(byte[] head) {
    if (head.length < 4) {
      return false;
    }
    int magic = ByteBuffer.wrap(head).getInt();
    return isPcapMagic(magic)
        || isPcapMagic(Integer.reverseBytes(magic))
        || magic == PcapngReader.SECTION_HEADER;
  }

  /**
   * The size of the capture in a regular file, in the bytes that {@link CaptureReader#position()}
   * counts, or -1 when it is not known without reading it all: standard input, a pipe, a
   * gzip-compressed file, or a file that cannot be read.
   */
  public static long plainSize(CaptureInput input) {
    Path path = input.path();
    if (path == null || !Files.isRegularFile(path)) {
      return -1;
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return isGzip(readHead(channel)) ? -1 : channel.size();
    } catch (IOException e) {
      return -1;
    }
  }

  static boolean isGzip(byte[] head) {
    return head.length >= 2 && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) == GZIP_MAGIC;
  }

  /** Whether a short input is the start of a pcap or pcapng magic (a cut file header). */
  private static boolean isMagicPrefix(byte[] head) {
    for (int magic :
        new int[] {PCAP_MICROSECONDS, PCAP_NANOSECONDS, PCAP_MODIFIED, PcapngReader.SECTION_HEADER}) {
      byte[] be = ByteBuffer.allocate(4).putInt(magic).array();
      byte[] le = ByteBuffer.allocate(4).putInt(Integer.reverseBytes(magic)).array();
      if (Arrays.equals(head, 0, head.length, be, 0, head.length)
          || Arrays.equals(head, 0, head.length, le, 0, head.length)) {
        return true;
      }
    }
    return false;
  }

  /** Reads up to {@link #SNIFF_BYTES} bytes; fewer only at the end of input. */
  static byte[] readHead(ReadableByteChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(SNIFF_BYTES);
    while (head.hasRemaining() && channel.read(head) >= 0) {
      // a blocking channel returns at least one byte or -1
    }
    return Arrays.copyOf(head.array(), head.position());
  }

  /** Standard input, which closing a reader must not close. */
  private static InputStream standardInput() {
    return new FilterInputStream(System.in) {
      @Override
      public void close() {
        // System.in belongs to the process, not to the reader
      }
    };
  }
}
