package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.PcapngWriter;
import io.voipdoc.capture.UnreadableCaptureException;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Rule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tool-made captures beside these tests (see README.md there) and captures cut at test time. */
final class Fixtures {
  private Fixtures() {}

  /** A capture under {@code src/test/resources/io/voipdoc/diagnose/rules/capture/}. */
  static Path of(String name) {
    return Path.of("src/test/resources/io/voipdoc/diagnose/rules/capture", name);
  }

  /** The findings of one rule on the captures. */
  static List<Finding> findings(Rule rule, Path... captures) {
    return Diagnoser.diagnose(Incidents.of(captures), List.of(rule));
  }

  /** Copies {@code from} to {@code to} without the frames whose bytes contain {@code text}. */
  static Path without(Path from, String text, Path to) throws IOException, UnreadableCaptureException {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    AnomalyLog anomalies = new AnomalyLog();
    try (CaptureReader reader = Captures.open(new CaptureInput(from.toString(), from), anomalies);
        OutputStream out = Files.newOutputStream(to);
        PcapngWriter writer = new PcapngWriter(out)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        if (!contains(frame.data, frame.offset, frame.capturedLength, needle)) {
          writer.write(frame);
        }
      }
    }
    return to;
  }

  private static boolean contains(byte[] data, int offset, int length, byte[] needle) {
    outer:
    for (int i = offset; i + needle.length <= offset + length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
