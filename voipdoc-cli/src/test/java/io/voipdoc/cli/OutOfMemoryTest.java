package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that runs out of heap says so in one line and what to do, with exit code 4, instead of
 * a stack trace. Run in a separate JVM with a 16 MB heap. The capture is synthetic (testkit): some
 * thousands of rejected calls, which {@code analyze} keeps for its whole-incident rules; the
 * repository holds no real capture that big, nor should it.
 */
class OutOfMemoryTest {
  private static final int CALLS = 20_000;

  @TempDir Path dir;

  @Test
  void analyzeOutOfHeapPrintsOneLineAndExitsWith4() throws Exception {
    Path capture = manyCalls(dir.resolve("many-calls.pcap"));
    for (String lang : List.of("en", "de")) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx16m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "analyze",
                  "--lang",
                  lang,
                  capture.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running");
      assertEquals(ExitCode.INTERNAL_ERROR, p.exitValue(), err);
      List<String> lines = err.lines().toList();
      assertEquals(1, lines.size(), err);
      // the whole text, around the heap size the child JVM reports
      String[] text =
          new Messages(lang.equals("de") ? Locale.GERMAN : Locale.ENGLISH)
              .text("error.out_of_memory", "\u0000")
              .split("\u0000");
      assertTrue(lines.get(0).startsWith("voipdoc: " + text[0]), lines.get(0));
      assertTrue(lines.get(0).endsWith(text[1]), lines.get(0));
      assertTrue(lines.get(0).contains("VOIPDOC_JAVA_OPTS=-Xmx4g"), lines.get(0));
      assertFalse(err.contains("OutOfMemoryError"), err);
    }
  }

  /** Calls from distinct numbers, each INVITE answered 486 Busy Here and acknowledged. */
  private static Path manyCalls(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      CaptureBuilder b = CaptureBuilder.pcap(out, 1);
      long t = 1_700_000_000_000_000_000L;
      for (int i = 0; i < CALLS; i++) {
        String callId = "call-" + i + "@192.0.2.10";
        String via = "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-" + i + "\r\n";
        String from = "From: <sip:" + (100000 + i) + "@192.0.2.10>;tag=f" + i + "\r\n";
        String common = from + "Call-ID: " + callId + "\r\n";
        String invite = "INVITE sip:200@192.0.2.20 SIP/2.0\r\n" + via + common
            + "To: <sip:200@192.0.2.20>\r\nCSeq: 1 INVITE\r\nContact: <sip:" + (100000 + i)
            + "@192.0.2.10:5060>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        String busy = "SIP/2.0 486 Busy Here\r\n" + via + common
            + "To: <sip:200@192.0.2.20>;tag=t" + i + "\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        String ack = "ACK sip:200@192.0.2.20 SIP/2.0\r\n" + via + common
            + "To: <sip:200@192.0.2.20>;tag=t" + i + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        b.packet(t, sip("192.0.2.10", "192.0.2.20", invite));
        b.packet(t + 20_000_000L, sip("192.0.2.20", "192.0.2.10", busy));
        b.packet(t + 21_000_000L, sip("192.0.2.10", "192.0.2.20", ack));
        t += 50_000_000L;
      }
    }
    return file;
  }

  private static byte[] sip(String src, String dst, String message) {
    return Packets.ethernet(
        Packets.ipv4(src, dst, 17, Packets.udp(5060, 5060, message.getBytes(StandardCharsets.US_ASCII))));
  }
}
