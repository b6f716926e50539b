package io.voipdoc.decode;

import io.voipdoc.capture.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of a classic pcap file into frames, for tests of the decoders on real
 * captures without depending on the capture stage's reader. Knows only what those files use:
 * both byte orders, micro- and nanosecond timestamps; stops at the first incomplete record.
 */
final class PcapRecords {
  private PcapRecords() {}

  static List<Frame> read(Path file) throws IOException {
    return read(Files.readAllBytes(file), file.getFileName().toString());
  }

  static List<Frame> read(byte[] bytes, String input) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int magic = b.getInt(0);
    boolean nanos;
    if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
      nanos = magic == 0xa1b23c4d;
    } else {
      b.order(ByteOrder.BIG_ENDIAN);
      magic = b.getInt(0);
      if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
        throw new IllegalArgumentException("not a classic pcap file: " + input);
      }
      nanos = magic == 0xa1b23c4d;
    }
    int linkType = b.getInt(20) & 0x0fffffff;
    List<Frame> frames = new ArrayList<>();
    int pos = 24;
    long number = 0;
    while (pos + 16 <= bytes.length) {
      long sec = Integer.toUnsignedLong(b.getInt(pos));
      long frac = Integer.toUnsignedLong(b.getInt(pos + 4));
      int caplen = b.getInt(pos + 8);
      long origlen = Integer.toUnsignedLong(b.getInt(pos + 12));
      if (caplen < 0 || pos + 16 + caplen > bytes.length) {
        break;
      }
      Frame f = new Frame();
      f.input = input;
      f.number = ++number;
      f.timestampNanos = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
      f.linkType = linkType;
      f.data = bytes;
      f.offset = pos + 16;
      f.capturedLength = caplen;
      f.originalLength = origlen;
      f.fileOffset = pos;
      frames.add(f);
      pos += 16 + caplen;
    }
    return frames;
  }
}
