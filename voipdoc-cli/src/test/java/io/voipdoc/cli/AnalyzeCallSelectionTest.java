package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code analyze --call}: by number or by Call-ID, only the findings about that call (lab
 * bandwidth-exceeded, dave's capture: four calls, poor quality on calls 2 to 4).
 */
class AnalyzeCallSelectionTest {
  private static final String CAPTURE =
      Cli.root().resolve("lab/bandwidth-exceeded/dave.pcapng").toString();

  @Test
  void callByNumberKeepsOnlyItsFindings() {
    JsonNode findings = Cli.run("analyze", "--call", "3", "--format", "json", CAPTURE).json().get("findings");
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("POOR_QUALITY", findings.get(0).get("id").asText());
    assertEquals("0826e0b44260c691", findings.get(0).get("callIds").get(0).asText());
  }

  @Test
  void callByCallIdKeepsOnlyItsFindings() {
    JsonNode findings =
        Cli.run("analyze", "--call", "77b44f1668bcf9fd", "--format", "json", CAPTURE).json().get("findings");
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("77b44f1668bcf9fd", findings.get(0).get("callIds").get(0).asText());
  }

  @Test
  void callWithoutFindingsHasNone() {
    JsonNode findings = Cli.run("analyze", "--call", "1", "--format", "json", CAPTURE).json().get("findings");
    assertEquals(0, findings.size(), findings.toString());
  }
}
