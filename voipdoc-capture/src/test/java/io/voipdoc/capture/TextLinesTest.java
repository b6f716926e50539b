package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLinesTest {

  private static List<TextLine> read(byte[] bytes, int max) throws IOException {
    List<TextLine> out = new ArrayList<>();
    try (TextLines in = TextLines.of(new ByteArrayInputStream(bytes), max)) {
      TextLine l;
      while ((l = in.next()) != null) {
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void endsOfLine() throws IOException {
    List<TextLine> lines = read("a\nb\r\nc\rd".getBytes(StandardCharsets.UTF_8), 100);
    assertEquals(List.of("a", "b", "c", "d"), lines.stream().map(TextLine::text).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L), lines.stream().map(TextLine::number).toList());
  }

  @Test
  void emptyLinesAreCounted() throws IOException {
    List<TextLine> lines = read("a\n\n\nb\n".getBytes(StandardCharsets.UTF_8), 100);
    assertEquals(List.of("a", "", "", "b"), lines.stream().map(TextLine::text).toList());
    assertEquals(4L, lines.get(3).number());
  }

  @Test
  void longLineIsCutNotBuffered() throws IOException {
    byte[] big = ("x".repeat(1_000_000) + "\nnext\n").getBytes(StandardCharsets.US_ASCII);
    List<TextLine> lines = read(big, 10);
    assertEquals("xxxxxxxxxx", lines.get(0).text());
    assertTrue(lines.get(0).cut());
    assertEquals("next", lines.get(1).text());
    assertFalse(lines.get(1).cut());
  }

  @Test
  void cutInsideACharacterIsNotBadEncoding() throws IOException {
    // "ab€" is 61 62 E2 82 AC; a limit of 4 splits the euro sign
    List<TextLine> lines = read("ab€€\n".getBytes(StandardCharsets.UTF_8), 4);
    assertEquals("ab", lines.get(0).text());
    assertTrue(lines.get(0).cut());
    assertFalse(lines.get(0).invalidEncoding());
  }

  @Test
  void invalidUtf8IsReplacedAndFlagged() throws IOException {
    byte[] latin1 = "Müller rejected\n".getBytes(StandardCharsets.ISO_8859_1);
    TextLine l = read(latin1, 100).get(0);
    assertTrue(l.invalidEncoding());
    assertEquals("M\uFFFDller rejected", l.text());
  }

  @Test
  void binaryFileIsRefused(@TempDir Path dir) throws IOException {
    Path pcap = dir.resolve("capture.pcap");
    Files.write(pcap, new byte[] {(byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 2, 0, 4, 0, 0, 0});
    UnreadableCaptureException e = assertThrows(UnreadableCaptureException.class, () -> TextLines.open(pcap, 100));
    assertEquals(UnreadableCaptureException.Reason.NOT_A_CAPTURE, e.reason());
  }

  @Test
  void missingAndEmptyFiles(@TempDir Path dir) throws IOException {
    assertEquals(UnreadableCaptureException.Reason.MISSING,
        assertThrows(UnreadableCaptureException.class, () -> TextLines.open(dir.resolve("none"), 100)).reason());
    Path empty = Files.createFile(dir.resolve("empty.log"));
    assertEquals(UnreadableCaptureException.Reason.EMPTY,
        assertThrows(UnreadableCaptureException.class, () -> TextLines.open(empty, 100)).reason());
    assertEquals(UnreadableCaptureException.Reason.NOT_READABLE,
        assertThrows(UnreadableCaptureException.class, () -> TextLines.open(dir, 100)).reason());
  }

  @Test
  void fileIsReadToTheEnd(@TempDir Path dir) throws IOException {
    Path log = Files.writeString(dir.resolve("a.log"), "one\ntwo\n");
    try (TextLines in = TextLines.open(log, 100)) {
      assertEquals("one", in.next().text());
      assertEquals("two", in.next().text());
      assertNull(in.next());
    } catch (UnreadableCaptureException e) {
      throw new AssertionError(e);
    }
  }
}
