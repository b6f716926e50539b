package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

  @TempDir Path dir;

  @Test
  void directCallKeepsEverySipFrameAndBothRtpStreams() throws Exception {
    Path bob = Cli.root().resolve("lab/direct-call/bob.pcapng");
    Path out = dir.resolve("call.pcapng");
    Cli r = Cli.run("export", bob.toString(), "--call", "1", "-o", out.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());

    List<String> written = comments(out);
    assertTrue(r.err().contains("wrote " + written.size() + " frames of call 1 to "), r.err());
    // the capture also holds frames of no call (670 in all), which must stay out
    assertEquals(659, written.size());

    JsonNode legs = Cli.run("calls", "--format", "json", bob.toString()).json()
        .get("calls").get(0).get("legs");
    int sip = 0;
    for (JsonNode leg : legs) {
      for (JsonNode f : leg.get("frames")) {
        assertTrue(written.contains(f.get(0).asText() + "#" + f.get(1).asLong()), f.toString());
        sip++;
      }
    }
    assertEquals(7, sip);

    assertEquals(streams(bob), streams(out));
    assertEquals(Map.of("0xb85b5eb1", 326L, "0xf1a6717c", 326L), streams(out));
  }

  @Test
  void onlyTheChosenCallOfFiveIsExported() throws Exception {
    Path pcap = Cli.corpus().resolve("sip/pkts-sipp.pcap");
    JsonNode calls = Cli.run("calls", "--format", "json", pcap.toString()).json().get("calls");
    assertEquals(5, calls.size());
    String callId = calls.get(2).get("callIds").get(0).asText();
    Path out = dir.resolve("third.pcapng");
    Cli r = Cli.run("export", pcap.toString(), "--call", callId, "-o", out.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());

    JsonNode back = Cli.run("calls", "--format", "json", out.toString()).json().get("calls");
    assertEquals(1, back.size(), back.toString());
    assertEquals(callId, back.get(0).get("callIds").get(0).asText());
    assertEquals(6, back.get(0).get("messages").asInt());
    List<String> expected = new ArrayList<>();
    for (JsonNode f : calls.get(2).get("legs").get(0).get("frames")) {
      expected.add(pcap + "#" + f.get(1).asLong());
    }
    assertEquals(expected, comments(out));
  }

  @Test
  void unknownCallIsAUsageErrorAndWritesNothing() {
    Path bob = Cli.root().resolve("lab/direct-call/bob.pcapng");
    Path out = dir.resolve("none.pcapng");
    Cli r = Cli.run("export", bob.toString(), "--call", "no-such-call", "-o", out.toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals("voipdoc: no call no-such-call in the inputs (see 'voipdoc calls')", r.err().strip());
    assertFalse(Files.exists(out));
  }

  @Test
  void unreadableInputExitsWith3() {
    Cli r = Cli.run("export", "does-not-exist.pcap", "--call", "1", "-o", dir.resolve("x").toString());
    assertEquals(ExitCode.UNREADABLE_INPUT, r.exitCode(), r.err());
  }

  /** The origin comment ({@code input#frame}) of every frame written, in file order. */
  private static List<String> comments(Path pcapng) throws Exception {
    List<String> origins = new ArrayList<>();
    byte[] bytes = Files.readAllBytes(pcapng);
    try (CaptureReader reader = Captures.open(new CaptureInput("out", pcapng), new AnomalyLog())) {
      Frame f = new Frame();
      while (reader.next(f)) {
        origins.add(comment(bytes, f.fileOffset));
      }
    }
    return origins;
  }

  /** The opt_comment of the Enhanced Packet Block at {@code offset}, as PcapngWriter writes it. */
  private static String comment(byte[] file, long offset) {
    int o = (int) offset;
    int captured = le(file, o + 20);
    int p = o + 28 + ((captured + 3) & ~3);
    assertEquals(1, (file[p] & 0xff) | (file[p + 1] & 0xff) << 8, "opt_comment");
    int length = (file[p + 2] & 0xff) | (file[p + 3] & 0xff) << 8;
    return new String(file, p + 4, length, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int le(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
  }

  /** Packets per SSRC, as {@code voipdoc streams} reports them. */
  private static Map<String, Long> streams(Path capture) {
    Cli r = Cli.run("streams", "--format", "json", capture.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    Map<String, Long> packets = new TreeMap<>();
    for (JsonNode s : r.json().get("streams")) {
      packets.put(s.get("ssrc").asText(), s.get("packets").asLong());
    }
    return packets;
  }
}
