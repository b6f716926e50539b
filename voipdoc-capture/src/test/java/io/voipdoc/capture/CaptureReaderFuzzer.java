package io.voipdoc.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes format recognition and both readers on arbitrary bytes. Each input is read twice, as a
 * stream and through a seekable channel (as files are), and both readings must agree frame by
 * frame and anomaly by anomaly. Small limits make short inputs reach the edges of the read buffer.
 *
 * <p>{@code mvn test} runs the committed seeds in {@code CaptureReaderFuzzerInputs/openAndRead/}
 * (written by {@link CaptureReaderFuzzerSeedsTest}); with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class CaptureReaderFuzzer {
  /** Buffer 1 KiB, records up to 512 bytes, blocks up to 4 KiB, 4 interfaces. */
  static final CaptureConfig SMALL = new CaptureConfig(1024, 512, 4096, 4, 512);

  @FuzzTest(maxDuration = "30s")
  void openAndRead(byte[] data) throws IOException {
    String streamed = read(Channels.newChannel(new ByteArrayInputStream(data)));
    String seeked = read(new SeekableBytes(data));
    if (!streamed.equals(seeked)) {
      throw new AssertionError("stream and seekable readings differ:\n" + streamed + "\n" + seeked);
    }
  }

  /** Reads all frames, checks their invariants, and describes what was read. */
  private static String read(ReadableByteChannel channel) throws IOException {
    AnomalyLog log = new AnomalyLog();
    CaptureReader reader;
    try {
      reader = Captures.open("fuzz", channel, log, SMALL);
    } catch (UnreadableCaptureException e) {
      return e.reason() + " " + e.detail();
    }
    List<String> frames = new ArrayList<>();
    try (reader) {
      Frame f = new Frame();
      long lastNumber = 0;
      long lastOffset = -1;
      while (reader.next(f)) {
        check(f.number > lastNumber, "frame numbers increase");
        check(f.fileOffset > lastOffset, "file offsets increase");
        check(f.capturedLength >= 0 && f.offset >= 0, "lengths are not negative");
        check(f.offset + f.capturedLength <= f.data.length, "data lies in the buffer");
        check(f.fileOffset < reader.position(), "the frame was consumed");
        lastNumber = f.number;
        lastOffset = f.fileOffset;
        frames.add(
            f.number + "@" + f.fileOffset + ":" + f.timestampNanos + "/" + f.interfaceId + "/"
                + f.linkType + "/" + f.originalLength + "/"
                + Arrays.hashCode(Arrays.copyOfRange(f.data, f.offset, f.offset + f.capturedLength)));
      }
      return reader.format() + " " + reader.linkTypes() + " " + frames + " " + log.examples()
          + " end=" + reader.position();
    }
  }

  private static void check(boolean condition, String invariant) {
    if (!condition) {
      throw new AssertionError(invariant);
    }
  }
}
