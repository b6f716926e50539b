package io.voipdoc.correlate.points;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.PacketDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs several captures of one lab scenario through capture, decode and correlation, merged by
 * capture time as {@code voipdoc analyze} merges its inputs (the earliest pending frame goes next).
 */
final class MergedCaptures {
  private MergedCaptures() {}

  /** The lab scenario's folder. */
  static Path lab(String scenario) {
    return Path.of(System.getProperty("voipdoc.root", "..")).resolve("lab").resolve(scenario);
  }

  static Incident run(Path dir, String... files) throws Exception {
    IncidentCorrelator correlator = new IncidentCorrelator();
    feed(correlator, dir, files);
    return correlator.finish();
  }

  /** Feeds the captures, merged by time, to the listener. */
  static void feed(MessageListener correlator, Path dir, String... files) throws Exception {
    List<CaptureReader> readers = new ArrayList<>();
    List<PacketDecoder> decoders = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    List<Boolean> more = new ArrayList<>();
    try {
      for (String f : files) {
        AnomalyLog anomalies = new AnomalyLog();
        CaptureReader reader =
            Captures.open(CaptureInput.expand(List.of(dir.resolve(f).toString())).get(0), anomalies);
        readers.add(reader);
        decoders.add(new PacketDecoder(
            DecodeConfig.DEFAULTS, new Dissector(correlator, anomalies), anomalies));
        Frame frame = new Frame();
        frames.add(frame);
        more.add(reader.next(frame));
      }
      while (true) {
        int next = -1;
        for (int i = 0; i < readers.size(); i++) {
          if (more.get(i)
              && (next < 0 || frames.get(i).timestampNanos < frames.get(next).timestampNanos)) {
            next = i;
          }
        }
        if (next < 0) {
          break;
        }
        decoders.get(next).decode(frames.get(next));
        more.set(next, readers.get(next).next(frames.get(next)));
        if (!more.get(next)) {
          decoders.get(next).finish();
        }
      }
    } finally {
      for (CaptureReader r : readers) {
        r.close();
      }
    }
  }
}
