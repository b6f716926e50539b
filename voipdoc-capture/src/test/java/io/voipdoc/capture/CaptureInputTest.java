package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voipdoc.capture.UnreadableCaptureException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureInputTest {

  @Test
  void directoryMeansItsCapturesRecursivelySortedByPath(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectories(dir.resolve("b"));
    Files.write(dir.resolve("z.cap"), CapturesTest.pcap());
    Files.write(sub.resolve("x.bin"), CapturesTest.pcapng()); // the extension does not matter
    Files.write(dir.resolve("a.pcap.gz"), CapturesTest.gzip(CapturesTest.pcap()));
    Files.write(dir.resolve("notes.txt"), "call at 10:00".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("log.gz"), CapturesTest.gzip("log".getBytes(StandardCharsets.UTF_8)));
    Files.write(dir.resolve("netmon.cap"), "GMBU\0\2".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("empty.pcap"), new byte[0]);
    List<CaptureInput> inputs = CaptureInput.expand(List.of(dir.toString()));
    assertEquals(
        List.of(dir.resolve("a.pcap.gz"), sub.resolve("x.bin"), dir.resolve("z.cap")),
        inputs.stream().map(CaptureInput::path).toList());
    assertEquals(dir.resolve("a.pcap.gz").toString(), inputs.get(0).name());
  }

  @Test
  void filesAreTakenAsGivenAndDashIsStandardInput(@TempDir Path dir) throws Exception {
    Path notes = Files.write(dir.resolve("notes.txt"), new byte[] {1});
    List<CaptureInput> inputs = CaptureInput.expand(List.of(notes.toString(), "-"));
    assertEquals(new CaptureInput(notes.toString(), notes), inputs.get(0));
    assertEquals("-", inputs.get(1).name());
    assertNull(inputs.get(1).path());
  }

  @Test
  void missingPath(@TempDir Path dir) {
    String arg = dir.resolve("gone.pcap").toString();
    UnreadableCaptureException e =
        assertThrows(UnreadableCaptureException.class, () -> CaptureInput.expand(List.of(arg)));
    assertEquals(Reason.MISSING, e.reason());
    assertEquals(arg, e.input());
  }
}
