package io.voipdoc.correlate.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Told that there is one input, the matcher only counts, and reports exactly what it reports when
 * it waits for copies that never come: on every lab capture read alone.
 */
class OneInputTest {

  static Stream<Path> captures() throws IOException {
    Path lab = MergedCaptures.lab("");
    Assumptions.assumeTrue(Files.isDirectory(lab), "lab folder not present: " + lab);
    return Files.walk(lab).filter(p -> p.toString().matches(".*\\.(pcap|pcapng)$")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void countsAloneWhatMatchingFindsAlone(Path capture) throws Exception {
    PointMatcher matching = new PointMatcher();
    MergedCaptures.feed(matching, capture.getParent(), capture.getFileName().toString());
    PointMatcher counting = new PointMatcher();
    counting.onInputs(1);
    MergedCaptures.feed(counting, capture.getParent(), capture.getFileName().toString());
    CapturePoints expected = matching.finish();
    assertEquals(expected, counting.finish());
    assertTrue(expected.pairs().isEmpty());
  }
}
