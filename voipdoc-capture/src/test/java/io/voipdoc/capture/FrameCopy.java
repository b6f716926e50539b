package io.voipdoc.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A frame copied out of the reader's buffer, for assertions; and ways to read captures whole. */
record FrameCopy(
    long number,
    long timestampNanos,
    int interfaceId,
    int linkType,
    int capturedLength,
    long originalLength,
    long fileOffset,
    byte[] bytes) {

  static FrameCopy of(Frame f) {
    return new FrameCopy(
        f.number,
        f.timestampNanos,
        f.interfaceId,
        f.linkType,
        f.capturedLength,
        f.originalLength,
        f.fileOffset,
        Arrays.copyOfRange(f.data, f.offset, f.offset + f.capturedLength));
  }

  /** Every frame the reader delivers, then closes it. */
  static List<FrameCopy> readAll(CaptureReader reader) throws IOException {
    List<FrameCopy> frames = new ArrayList<>();
    try (reader) {
      Frame f = new Frame();
      while (reader.next(f)) {
        frames.add(of(f));
      }
    }
    return frames;
  }

  /** Opens bytes held in memory (a non-seekable channel). */
  static CaptureReader open(byte[] bytes, AnomalyLog log, CaptureConfig config)
      throws IOException, UnreadableCaptureException {
    return Captures.open("mem", Channels.newChannel(new ByteArrayInputStream(bytes)), log, config);
  }

  static CaptureReader open(byte[] bytes, AnomalyLog log)
      throws IOException, UnreadableCaptureException {
    return open(bytes, log, CaptureConfig.DEFAULTS);
  }

  /** Reads bytes held in memory whole. */
  static List<FrameCopy> readAll(byte[] bytes, AnomalyLog log)
      throws IOException, UnreadableCaptureException {
    return readAll(open(bytes, log));
  }
}
