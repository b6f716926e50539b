package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs as users give them: a directory, standard input, a gzip-compressed file. */
class InputsTest {
  private static final Path CAPTURES = Cli.root().resolve("testdata/captures");

  @Test
  void directoryMeansEveryCaptureInside() {
    Cli cli = Cli.run("info", "--format", "json", CAPTURES.toString());
    assertEquals(0, cli.exitCode(), cli.err());
    List<String> names = new ArrayList<>();
    cli.json().get("inputs").forEach(i -> names.add(Path.of(i.get("path").asText()).getFileName().toString()));
    // damaged-empty.pcap has no capture magic, so it is not picked up; the rest, in path order
    assertEquals(20, names.size(), names.toString());
    assertEquals("damaged-epb-length.pcapng", names.get(0));
    assertEquals("sip-tcp-segments.pcap", names.get(names.size() - 1));
  }

  @Test
  void standardInput() throws Exception {
    InputStream saved = System.in;
    try (InputStream in = Files.newInputStream(CAPTURES.resolve("linktype-ethernet.pcap.gz"))) {
      System.setIn(in);
      Cli cli = Cli.run("info", "--format", "json", "-");
      assertEquals(0, cli.exitCode(), cli.err());
      JsonNode input = cli.json().get("inputs").get(0);
      assertEquals("-", input.get("path").asText());
      assertEquals(9, input.get("packets").asLong());
      assertEquals(4, input.get("counts").get("sipRequests").asLong());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void gzipIsReadLikeThePlainFile() {
    JsonNode plain =
        Cli.run("info", "--format", "json", CAPTURES.resolve("linktype-ethernet.pcap").toString())
            .json().get("inputs").get(0);
    JsonNode gzip =
        Cli.run("info", "--format", "json", CAPTURES.resolve("linktype-ethernet.pcap.gz").toString())
            .json().get("inputs").get(0);
    assertEquals(plain.get("counts"), gzip.get("counts"));
    assertEquals(plain.get("firstTimestamp"), gzip.get("firstTimestamp"));
    assertEquals(plain.get("bytes"), gzip.get("bytes"));
  }
}
