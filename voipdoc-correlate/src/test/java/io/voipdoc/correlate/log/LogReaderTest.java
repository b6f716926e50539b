package io.voipdoc.correlate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  private static final String REJECTED =
      "2026-11-25 12:55:38.549905 [WARNING] IP 203.0.113.20 Rejected by acl \"group1\"";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void audiocodesSbcLogFromTheVendorGuide() throws Exception {
    // the 19 lines of the SBC log quoted in seeds/002, one per line
    Path log = Path.of(getClass().getResource("audiocodes-tls.log").toURI());
    LogFile f = LogReader.read(log, DAY);
    assertEquals("audiocodes", f.format());
    assertEquals(19, f.lines());
    assertEquals(List.of(10L, 15L), f.entries().stream().map(LogFile.Entry::line).toList());
    assertEquals(List.of(LogEventKind.TLS_ACCEPTED, LogEventKind.TLS_CLOSED),
        f.entries().stream().map(e -> e.event().kind()).toList());
    assertEquals(Map.of(), f.problems());
  }

  @Test
  void aTlsFailureAndItsPeerOnTheNextLinesAreOneEvent() throws Exception {
    String prefix = "2026-11-25T14:02:11.2503%02d+00:00 sbc kamailio[4711]: ERROR: ";
    String reason = prefix + "tls [tls_util.h:50]: tls_err_ret(): TLS accept:error:0A000418:SSL routines::tlsv1 alert unknown ca\n";
    String peer = prefix + "tls [tls_server.c:1334]: tls_h_read_f(): src addr: 192.0.2.44:%d\n";
    String other = "2026-11-25T14:02:11.250399+00:00 sbc kamailio[4713]: INFO: <core> [main.c:1]: x(): another process\n";
    Path log = write("kamailio.log",
        String.format(reason, 1) + other + String.format(peer, 2, 40212)
            // a peer too far below its reason stays a line of its own
            + String.format(reason, 10) + other.repeat(4) + String.format(peer, 11, 40213));
    LogFile f = LogReader.read(log, DAY);
    assertEquals(List.of(1L, 4L, 9L), f.entries().stream().map(LogFile.Entry::line).toList());
    LogEvent joined = f.entries().get(0).event();
    assertEquals("192.0.2.44", joined.address());
    assertEquals(40212, joined.port());
    assertEquals("tlsv1 alert unknown ca", joined.reason());
    assertEquals(null, f.entries().get(1).event().address());
    assertEquals(40213, f.entries().get(2).event().port());
    assertEquals(null, f.entries().get(2).event().reason());
  }

  @Test
  void damagedLinesAreCountedAndTheRestRead() throws Exception {
    byte[] latin1 = "2026-11-25 12:55:39.000000 [INFO] x.c:1 Grüße\n".getBytes(StandardCharsets.ISO_8859_1);
    Path log = dir.resolve("damaged.log");
    Files.writeString(log, REJECTED + "\n" + "2026-11-25 12:55:39.000000 [INFO] " + "y".repeat(100_000) + "\n");
    Files.write(log, latin1, java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(log, "   at stack.trace.Line(Unknown)\n\n" + REJECTED + "\n", java.nio.file.StandardOpenOption.APPEND);
    LogFile f = LogReader.read(log, DAY);
    assertEquals("freeswitch", f.format());
    assertEquals(6, f.lines());
    assertEquals(List.of(1L, 6L), f.entries().stream().map(LogFile.Entry::line).toList());
    assertEquals(Map.of("log.line_too_long", 1L, "log.invalid_utf8", 1L, "log.unrecognised_line", 1L), f.problems());
  }

  @Test
  void unknownFormatIsReportedNotGuessed() throws IOException {
    Path log = write("app.log", "[12:00:01] INFO starting\n[12:00:02] WARN IP 10.0.0.1 Rejected by acl \"x\"\n");
    UnreadableLogException e = assertThrows(UnreadableLogException.class, () -> LogReader.read(log, DAY));
    assertEquals(UnreadableLogException.Reason.UNKNOWN_FORMAT, e.reason());
    assertEquals("[12:00:01] INFO starting", e.detail());
  }

  @Test
  void oneKnownLineInGarbageIsNotEnough() throws IOException {
    Path log = write("mixed.log", REJECTED + "\n" + "garbage line\n".repeat(10));
    assertEquals(UnreadableLogException.Reason.UNKNOWN_FORMAT,
        assertThrows(UnreadableLogException.class, () -> LogReader.read(log, DAY)).reason());
  }

  @Test
  void binaryEmptyAndMissingLogs() throws IOException, URISyntaxException {
    Path capture = Path.of("..", "lab", "acl-rejected-403", "pbx.pcapng");
    assertEquals(UnreadableLogException.Reason.BINARY,
        assertThrows(UnreadableLogException.class, () -> LogReader.read(capture, DAY)).reason());
    Path blank = write("blank.log", "\n\n  \n");
    assertEquals(UnreadableLogException.Reason.EMPTY,
        assertThrows(UnreadableLogException.class, () -> LogReader.read(blank, DAY)).reason());
    Path empty = write("empty.log", "");
    assertEquals(UnreadableLogException.Reason.EMPTY,
        assertThrows(UnreadableLogException.class, () -> LogReader.read(empty, DAY)).reason());
    assertEquals(UnreadableLogException.Reason.MISSING,
        assertThrows(UnreadableLogException.class, () -> LogReader.read(dir.resolve("none.log"), DAY)).reason());
  }
}
