package io.voipdoc.capture;

/**
 * One captured packet as the reader hands it on: a mutable view that the reader refills for every
 * record, so reading allocates nothing per packet.
 *
 * <p>{@link #data} is only valid until the next call to {@link CaptureReader#next(Frame)}; whoever
 * keeps bytes beyond that copies them. Use {@link #ref()} to keep a reference to the frame.
 */
public final class Frame {
  /** Display name of the input (the path as given, or {@code -} for standard input). */
  public String input = "";
  /** Frame number, 1-based, in file order, as Wireshark numbers it. */
  public long number;
  /** Capture time in nanoseconds since the Unix epoch (UTC). */
  public long timestampNanos;
  /** Interface index in the file (pcapng interface ID; always 0 for pcap). */
  public int interfaceId;
  /** Link-layer type of the interface (LINKTYPE_* number). */
  public int linkType;
  /** Bytes as captured; valid from {@link #offset} for {@link #capturedLength} bytes. */
  public byte[] data = new byte[0];
  public int offset;
  public int capturedLength;
  /** Length of the packet on the wire; larger than {@link #capturedLength} when cut by snaplen. */
  public long originalLength;
  /** Byte offset of the record in the (uncompressed) input. */
  public long fileOffset;

  /** A permanent reference to this frame, for evidence. */
  public FrameRef ref() {
    return new FrameRef(input, number, timestampNanos, interfaceId);
  }

  /** Whether the record was cut short of the packet's length (snaplen). */
  public boolean truncated() {
    return originalLength > capturedLength;
  }
}
