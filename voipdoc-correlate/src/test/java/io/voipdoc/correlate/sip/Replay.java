package io.voipdoc.correlate.sip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketDecoder;
import io.voipdoc.decode.sip.SipMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Runs captures through capture, decode and the SIP correlator, and keeps what comes out. */
final class Replay {
  final List<Call> calls = new ArrayList<>();
  final List<Registration> registrations = new ArrayList<>();
  final List<SdpSeen> sdp = new ArrayList<>();
  final SipCorrelator correlator;

  private Replay(SipCorrelatorConfig config) {
    correlator = new SipCorrelator(config, sdp::add, calls::add, registrations::add);
  }

  /** The shared corpus folder, or a skipped test when absent. */
  static Path corpus() {
    Path dir = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present: " + dir);
    return dir;
  }

  static Replay corpus(String... files) throws Exception {
    Path dir = corpus();
    Path[] paths = new Path[files.length];
    for (int i = 0; i < files.length; i++) {
      paths[i] = dir.resolve(files[i]);
    }
    return of(SipCorrelatorConfig.DEFAULTS, paths);
  }

  static Replay of(SipCorrelatorConfig config, Path... files) throws Exception {
    Replay r = new Replay(config);
    MessageListener listener =
        new MessageListener() {
          @Override
          public void onSip(SipMessage message, Packet packet) {
            r.correlator.onSip(message, packet);
          }
        };
    for (Path file : files) {
      for (CaptureInput input : CaptureInput.expand(List.of(file.toString()))) {
        AnomalyLog anomalies = new AnomalyLog();
        PacketDecoder decoder =
            new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(listener, anomalies), anomalies);
        try (CaptureReader reader = Captures.open(input, anomalies)) {
          Frame frame = new Frame();
          while (reader.next(frame)) {
            decoder.decode(frame);
          }
          decoder.finish();
        }
      }
    }
    r.correlator.finish();
    r.calls.sort(Comparator.comparingInt(Call::index));
    return r;
  }

  /** The one call; fails otherwise. */
  Call only() {
    if (calls.size() != 1) {
      throw new AssertionError("expected one call, got " + calls.size() + ": " + describe());
    }
    return calls.get(0);
  }

  String describe() {
    StringBuilder b = new StringBuilder();
    for (Call c : calls) {
      b.append('\n').append(c.index()).append(' ').append(c.callIds()).append(' ').append(c.state());
      for (CallLeg l : c.legs()) {
        for (SipEvent e : l.events()) {
          b.append("\n   ").append(e.frame().number()).append(' ').append(e.firstLine());
        }
      }
    }
    return b.toString();
  }
}
