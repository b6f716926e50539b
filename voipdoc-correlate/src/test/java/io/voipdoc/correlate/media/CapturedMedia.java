package io.voipdoc.correlate.media;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.PacketDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a capture through capture, decode and the whole correlation (SIP hands the SDP of every
 * call to the media side), as {@code voipdoc streams} does.
 */
final class CapturedMedia {
  private CapturedMedia() {}

  /** The shared corpus, or a skipped test. */
  static Path corpus() {
    Path dir = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present: " + dir);
    return dir;
  }

  static Incident run(Path file) throws Exception {
    IncidentCorrelator correlator = new IncidentCorrelator();
    AnomalyLog anomalies = new AnomalyLog();
    PacketDecoder decoder =
        new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(correlator, anomalies), anomalies);
    for (CaptureInput input : CaptureInput.expand(List.of(file.toString()))) {
      try (CaptureReader reader = Captures.open(input, anomalies)) {
        Frame frame = new Frame();
        while (reader.next(frame)) {
          decoder.decode(frame);
        }
      }
    }
    decoder.finish();
    return correlator.finish();
  }
}
