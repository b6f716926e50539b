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
