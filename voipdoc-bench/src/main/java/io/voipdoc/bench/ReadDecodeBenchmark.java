package io.voipdoc.bench;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.UnreadableCaptureException;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.correlate.sip.SipCorrelator;
import io.voipdoc.correlate.sip.SipCorrelatorConfig;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketDecoder;
import io.voipdoc.decode.PacketListener;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.diagnose.Diagnoser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and decodes a capture several times and prints throughput per run and the peak heap.
 * Measures the capture reader plus link, IP, UDP and TCP decoding (with reassembly), which is the
 * work every later stage sits on.
 *
 * <p>Usage: {@code ReadDecodeBenchmark CAPTURE [RUNS] [read|decode|dissect|callids|calls|correlate|analyze]}: {@code read}
 * is the capture layer alone (records framed, nothing decoded); {@code decode}
 * stops at UDP/TCP (the capture stage's target of 1 GB/s); {@code dissect} also recognises and
 * decodes SIP, STUN, RTP, RTCP and TLS; {@code correlate} also rebuilds calls and RTP stream
 * statistics (the media target of 500 MB/s); {@code callids} is the reference for {@code calls}:
 * the least work a call-rebuilding pass has to do ({@link CallIdFloor}); {@code calls} decodes SIP and rebuilds calls, handing
 * each finished call on and keeping none (memory bounded by the calls in progress); {@code analyze}
 * is what {@code voipdoc analyze} computes: full correlation into an incident, then every diagnosis
 * rule over it. The result printed per run is the UDP payload bytes (decode), the SIP messages and
 * RTP packets (dissect), the calls (callids, calls), the RTP streams (correlate) or the findings (analyze).
 *
 * <p>Besides wall-clock time, each run prints the CPU time of the main thread, which other
 * processes on the machine do not inflate (JIT compilation and garbage collection run on other
 * threads and are not in it).
 */
public final class ReadDecodeBenchmark {
  private ReadDecodeBenchmark() {}

  public static void main(String[] args) throws IOException, UnreadableCaptureException {
    Path file = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String mode = args.length > 2 ? args[2] : "decode";
    long size = Files.size(file);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long[] result = readOnce(file, mode);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s run %d: %d frames, result %d, %.2f s, %.2f GB/s, %.2f Mpackets/s;"
              + " cpu %.2f s, %.2f GB/cpu-s%n",
          mode,
          run,
          result[0],
          result[1],
          seconds,
          size / seconds / 1e9,
          result[0] / seconds / 1e6,
          cpu,
          size / cpu / 1e9);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "file %.2f GB; peak heap used %.1f MB; max heap %.1f MB%n",
        size / 1e9,
        peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
  }

  private static long[] readOnce(Path file, String mode)
      throws IOException, UnreadableCaptureException {
    long[] seen = new long[1];
    AnomalyLog anomalies = new AnomalyLog();
    IncidentCorrelator correlator = new IncidentCorrelator();
    correlator.onInputs(1); // as the command line's pipeline tells it
    long[] calls = new long[1];
    SipCorrelator sip =
        new SipCorrelator(
            SipCorrelatorConfig.DEFAULTS.withoutSessionDescriptions(), // as voipdoc calls
            sdp -> {}, c -> calls[0]++, r -> {});
    CallIdFloor floor = new CallIdFloor();
    PacketListener listener =
        mode.equals("callids")
            ? floor
            : mode.equals("calls")
            ? new Dissector(
                new MessageListener() {
                  @Override
                  public void onSip(SipMessage message, Packet packet) {
                    sip.onSip(message, packet);
                  }

                  @Override
                  public Dissector.SipChecks sipChecks() {
                    return Dissector.SipChecks.STRUCTURE; // as voipdoc calls
                  }
                },
                anomalies)
            : mode.equals("correlate") || mode.equals("analyze")
            ? new Dissector(correlator, anomalies)
            : mode.equals("dissect")
            ? new Dissector(
                new MessageListener() {
                  @Override
                  public void onSip(SipMessage message, Packet packet) {
                    seen[0]++;
                  }

                  @Override
                  public void onRtp(RtpPacket rtp, Packet packet) {
                    seen[0]++;
                  }
                },
                anomalies)
            : new PacketListener() {
              @Override
              public void onDatagram(Packet packet) {
                seen[0] += packet.payloadLength;
              }
            };
    PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, listener, anomalies);
    long frames = 0;
    CaptureInput input = new CaptureInput(file.toString(), file);
    try (CaptureReader reader = Captures.open(input, anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        if (!mode.equals("read")) {
          decoder.decode(frame);
        }
        frames++;
      }
    }
    decoder.finish();
    if (mode.equals("callids")) {
      seen[0] = floor.calls();
    }
    if (mode.equals("calls")) {
      sip.finish();
      seen[0] = calls[0];
    }
    if (mode.equals("correlate")) {
      Incident incident = correlator.finish();
      seen[0] = incident.streams().size();
    }
    if (mode.equals("analyze")) {
      Incident incident = correlator.finish();
      seen[0] = Diagnoser.diagnose(incident).size();
    }
    return new long[] {frames, seen[0]};
  }
}
