package io.voipdoc.capture;

/**
 * Limits of the capture readers. Every length read from a capture is checked against one of these
 * before it is used, and memory is fixed when a reader is opened: nothing is sized by a length
 * field of the input.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>component</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code readBufferBytes}</td><td>{@value #DEFAULT_READ_BUFFER_BYTES}</td>
 *       <td>size of the one read buffer of a reader; a pcapng packet block must fit in it</td></tr>
 *   <tr><td>{@code maxPcapRecordLength}</td><td>{@value #DEFAULT_MAX_PCAP_RECORD_LENGTH}</td>
 *       <td>largest captured length of a pcap record; a larger one is
 *       {@code pcap.record_length_impossible} (Wireshark's usual limit, 256 KiB)</td></tr>
 *   <tr><td>{@code maxPcapngBlockLength}</td><td>{@value #DEFAULT_MAX_PCAPNG_BLOCK_LENGTH}</td>
 *       <td>largest pcapng block; a larger length is {@code pcapng.block_length_corrupt}. Blocks
 *       between the buffer size and this limit are read through, not held</td></tr>
 *   <tr><td>{@code maxInterfacesPerSection}</td><td>{@value #DEFAULT_MAX_INTERFACES_PER_SECTION}</td>
 *       <td>interface description blocks kept per pcapng section; more are
 *       {@code pcapng.interface_limit_exceeded}</td></tr>
 *   <tr><td>{@code gzipBufferBytes}</td><td>{@value #DEFAULT_GZIP_BUFFER_BYTES}</td>
 *       <td>input buffer of the gzip decompressor</td></tr>
 * </table>
 *
 * @param readBufferBytes size of the read buffer; at least {@code maxPcapRecordLength} plus the
 *     largest pcap record header (24 bytes)
 * @param maxPcapRecordLength largest accepted captured length of a pcap record
 * @param maxPcapngBlockLength largest accepted pcapng block total length
 * @param maxInterfacesPerSection largest number of interfaces kept per pcapng section
 * @param gzipBufferBytes input buffer size of the gzip decompressor
 */
public record CaptureConfig(
    int readBufferBytes,
    int maxPcapRecordLength,
    int maxPcapngBlockLength,
    int maxInterfacesPerSection,
    int gzipBufferBytes) {

  /** 1 MiB: large enough for any packet, small enough to stay in the CPU's L2/L3 cache. */
  public static final int DEFAULT_READ_BUFFER_BYTES = 1 << 20;

  /** 262144 bytes, Wireshark's maximum snapshot length for ordinary link types. */
  public static final int DEFAULT_MAX_PCAP_RECORD_LENGTH = 262_144;

  /** 128 MiB; Wireshark rejects blocks of about this size as corrupt too. */
  public static final int DEFAULT_MAX_PCAPNG_BLOCK_LENGTH = 128 << 20;

  /** 4096 interfaces per section, far above what capture tools write. */
  public static final int DEFAULT_MAX_INTERFACES_PER_SECTION = 4096;

  /** 64 KiB of compressed input per refill. */
  public static final int DEFAULT_GZIP_BUFFER_BYTES = 1 << 16;

  /** Bytes of a classic pcap record header plus the 8 bytes of Kuznetsov's modified format. */
  static final int LARGEST_PCAP_RECORD_HEADER = 24;

  /** The defaults above. */
  public static final CaptureConfig DEFAULTS =
      new CaptureConfig(
          DEFAULT_READ_BUFFER_BYTES,
          DEFAULT_MAX_PCAP_RECORD_LENGTH,
          DEFAULT_MAX_PCAPNG_BLOCK_LENGTH,
          DEFAULT_MAX_INTERFACES_PER_SECTION,
          DEFAULT_GZIP_BUFFER_BYTES);

  /** Checks that the limits are consistent. */
  public CaptureConfig {
    if (maxPcapRecordLength < 1) {
      throw new IllegalArgumentException("maxPcapRecordLength < 1: " + maxPcapRecordLength);
    }
    if ((long) readBufferBytes < (long) maxPcapRecordLength + LARGEST_PCAP_RECORD_HEADER) {
      throw new IllegalArgumentException(
          "readBufferBytes " + readBufferBytes + " cannot hold a record of " + maxPcapRecordLength);
    }
    if (maxPcapngBlockLength < 32) {
      throw new IllegalArgumentException("maxPcapngBlockLength < 32: " + maxPcapngBlockLength);
    }
    if (maxInterfacesPerSection < 1) {
      throw new IllegalArgumentException("maxInterfacesPerSection < 1: " + maxInterfacesPerSection);
    }
    if (gzipBufferBytes < 512) {
      throw new IllegalArgumentException("gzipBufferBytes < 512: " + gzipBufferBytes);
    }
  }
}
