package io.voipdoc.correlate.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RTP streams of the corpus against Wireshark's RTP stream analysis. The figures are in {@code
 * tshark-rtp-streams.tsv} beside this class, made by {@code tshark-rtp-streams.sh} (the command is
 * in its header): packets and lost must agree exactly, max delta and max jitter within 0.1 ms or 1
 * %, every stream tshark lists must be found and linked to a call, and no other stream
 * may be found.
 */
class CorpusRtpStreamsTest {

  /** One row of the tshark file. */
  record Expected(
      String file, String src, String dst, String ssrc, String payload, long packets, long lost,
      double maxDeltaMs, double meanJitterMs, double maxJitterMs) {}

  static Stream<String> files() throws Exception {
    return expected().keySet().stream();
  }

  static Map<String, List<Expected>> expected() throws Exception {
    Map<String, List<Expected>> byFile = new LinkedHashMap<>();
    try (InputStream in = CorpusRtpStreamsTest.class.getResourceAsStream("tshark-rtp-streams.tsv")) {
      assertNotNull(in, "tshark-rtp-streams.tsv");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("file\t")) {
          continue;
        }
        String[] f = line.split("\t");
        Expected e =
            new Expected(f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]), Long.parseLong(f[6]),
                Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]));
        byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
      }
    }
    return byFile;
  }

  @ParameterizedTest
  @MethodSource("files")
  void agreesWithTshark(String file) throws Exception {
    Path capture = CapturedMedia.corpus().resolve(file);
    Incident media = CapturedMedia.run(capture);
    List<RtpStream> streams = media.streams();
    // on these captures voipdoc finds exactly the streams tshark finds through SDP, no more
    assertEquals(expected().get(file).size(), streams.size(), file + ": " + streams);
    for (Expected e : expected().get(file)) {
      RtpStream s =
          streams.stream()
              .filter(x -> x.ssrcHex().equals(e.ssrc())
                  && x.source().hostPort().equals(e.src())
                  && x.destination().hostPort().equals(e.dst()))
              .findFirst()
              .orElse(null);
      assertNotNull(s, file + ": stream " + e + " not found in " + streams);
      String what = file + " " + e.ssrc() + " " + e.src() + " -> " + e.dst();
      assertEquals(e.packets(), s.packets(), what + " packets");
      assertEquals(e.lost(), s.lost(), what + " lost");
      close(e.maxDeltaMs(), s.maxDeltaMs(), what + " max delta");
      close(e.maxJitterMs(), s.maxJitterMs(), what + " max jitter");
      close(e.meanJitterMs(), s.meanJitterMs(), what + " mean jitter");
      assertNotNull(s.callId(), what + " linked to a call");
    }
  }

  private static void close(double expected, double actual, String what) {
    double tolerance = Math.max(0.1, Math.abs(expected) * 0.01);
    assertTrue(
        Math.abs(expected - actual) <= tolerance,
        what + ": expected " + expected + " but was " + actual);
  }
}
