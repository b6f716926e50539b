package io.voipdoc.bench;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.UnreadableCaptureException;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketDecoder;
import io.voipdoc.decode.PacketListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and decodes a capture several times and prints throughput per run and the peak heap.
 * Measures the capture reader plus link, IP, UDP and TCP decoding (with reassembly), which is the
 * work every later stage sits on.
 *
 * <p>Usage: {@code ReadDecodeBenchmark CAPTURE [RUNS]}
 */
public final class ReadDecodeBenchmark {
  private ReadDecodeBenchmark() {}

  public static void main(String[] args) throws IOException, UnreadableCaptureException {
    Path file = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long size = Files.size(file);
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      long[] result = readOnce(file);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "run %d: %d frames, %d UDP payload bytes, %.2f s, %.2f GB/s, %.2f Mpackets/s%n",
          run,
          result[0],
          result[1],
          seconds,
          size / seconds / 1e9,
          result[0] / seconds / 1e6);
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

  private static long[] readOnce(Path file) throws IOException, UnreadableCaptureException {
    long[] udpBytes = new long[1];
    PacketListener listener =
        new PacketListener() {
          @Override
          public void onDatagram(Packet packet) {
            udpBytes[0] += packet.payloadLength;
          }
        };
    AnomalyLog anomalies = new AnomalyLog();
    PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, listener, anomalies);
    long frames = 0;
    CaptureInput input = CaptureInput.expand(List.of(file.toString())).get(0);
    try (CaptureReader reader = Captures.open(input, anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
        frames++;
      }
    }
    decoder.finish();
    return new long[] {frames, udpBytes[0]};
  }
}
