package io.voipdoc.diagnose;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Test support: the incident that real captures show, through every stage before diagnosis. */
public final class Incidents {
  private Incidents() {}

  /** The repository's lab folder. */
  public static Path lab(String scenario, String capture) {
    return Path.of(System.getProperty("voipdoc.root", "..")).resolve("lab").resolve(scenario).resolve(capture);
  }

  /** A file of the shared corpus; skips the test when the corpus is not beside this clone. */
  public static Path corpus(String name) {
    Path dir = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present at " + dir);
    return dir.resolve(name);
  }

  /** Reads the captures in order and returns what correlation rebuilt. */
  public static Incident of(Path... captures) {
    IncidentCorrelator correlator = new IncidentCorrelator();
    try {
      for (Path p : captures) {
        AnomalyLog anomalies = new AnomalyLog();
        PacketDecoder decoder =
            new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(correlator, anomalies), anomalies);
        try (CaptureReader reader = Captures.open(new CaptureInput(p.toString(), p), anomalies)) {
          Frame frame = new Frame();
          while (reader.next(frame)) {
            decoder.decode(frame);
          }
        }
        decoder.finish();
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read " + List.of(captures), e);
    }
    return correlator.finish();
  }

  /**
   * Reads the captures merged by capture time (the earliest pending frame of any capture next), as
   * {@code voipdoc analyze} reads several inputs, and returns what correlation rebuilt. Comparing
   * capture points needs this: a copy of a packet at another point is looked for only within a
   * few seconds of capture time.
   */
  public static Incident merged(Path... captures) {
    IncidentCorrelator correlator = new IncidentCorrelator();
    List<CaptureReader> readers = new ArrayList<>();
    try {
      List<PacketDecoder> decoders = new ArrayList<>();
      List<Frame> pending = new ArrayList<>();
      for (Path p : captures) {
        AnomalyLog anomalies = new AnomalyLog();
        decoders.add(
            new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(correlator, anomalies), anomalies));
        CaptureReader reader = Captures.open(new CaptureInput(p.toString(), p), anomalies);
        readers.add(reader);
        Frame frame = new Frame();
        pending.add(reader.next(frame) ? frame : null);
      }
      while (true) {
        int next = -1;
        for (int i = 0; i < pending.size(); i++) {
          if (pending.get(i) != null
              && (next < 0 || pending.get(i).timestampNanos < pending.get(next).timestampNanos)) {
            next = i;
          }
        }
        if (next < 0) {
          break;
        }
        Frame frame = pending.get(next);
        decoders.get(next).decode(frame);
        if (!readers.get(next).next(frame)) {
          pending.set(next, null);
          decoders.get(next).finish();
        }
      }
      for (CaptureReader r : readers) {
        r.close();
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read " + List.of(captures), e);
    }
    return correlator.finish();
  }

  /** The findings of one rule on captures of a lab scenario, merged by capture time. */
  public static List<Finding> findingsInLabMerged(Rule rule, String scenario, String... captures) {
    return findingsMerged(
        rule, java.util.Arrays.stream(captures).map(c -> lab(scenario, c)).toArray(Path[]::new));
  }

  /** The findings of one rule on the captures, merged by capture time. */
  public static List<Finding> findingsMerged(Rule rule, Path... captures) {
    return Diagnoser.diagnose(merged(captures), List.of(rule));
  }

  /** The findings of one rule on captures of a lab scenario, read in the order given. */
  public static List<Finding> findingsInLab(Rule rule, String scenario, String... captures) {
    return findings(rule, java.util.Arrays.stream(captures).map(c -> lab(scenario, c)).toArray(Path[]::new));
  }

  /** Where evidence points, as {@code file#frame} ({@code -} for an absence). */
  public static String at(Evidence e) {
    return e.frame() == null ? "-" : Path.of(e.frame().input()).getFileName() + "#" + e.frame().number();
  }

  /** The findings of one rule on the captures. */
  public static List<Finding> findings(Rule rule, Path... captures) {
    return Diagnoser.diagnose(of(captures), List.of(rule));
  }
}
