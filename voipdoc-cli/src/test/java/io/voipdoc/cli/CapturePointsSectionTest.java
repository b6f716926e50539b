package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The capture points part of {@code voipdoc analyze} on a lab scenario captured on both sides of
 * a NAT router and at the PBX (lab/one-way-audio: the router drops bob's RTP).
 */
class CapturePointsSectionTest {
  private static String[] args(String... head) {
    Path dir = Cli.root().resolve("lab").resolve("one-way-audio");
    String[] out = new String[head.length + 3];
    System.arraycopy(head, 0, out, 0, head.length);
    out[head.length] = dir.resolve("nat1-lan.pcapng").toString();
    out[head.length + 1] = dir.resolve("nat1-wan.pcapng").toString();
    out[head.length + 2] = dir.resolve("pbx.pcapng").toString();
    return out;
  }

  @Test
  void textSaysWhichPointsSawTheSameTrafficAndWhereRtpVanished() {
    Cli cli = Cli.run(args("analyze"));
    assertEquals(0, cli.exitCode(), cli.err());
    String out = cli.out();
    assertTrue(out.contains("Capture points: 3"), out);
    assertTrue(out.contains("  nat1-lan.pcapng: 10 SIP, 4 STUN, 326 RTP packet(s) over "), out);
    assertTrue(out.contains("  nat1-lan.pcapng and nat1-wan.pcapng saw 340 of the same packets;"),
        out);
    assertTrue(out.contains("  Vanished: 326 RTP packet(s) 203.0.113.20:19520 > 203.0.113.11:14972"
        + " passed nat1-wan.pcapng (first at frame 15) and never reached nat1-lan.pcapng"), out);
    assertTrue(out.contains(
        "  NAT: udp:192.168.1.10:14972 in nat1-lan.pcapng is udp:203.0.113.11:14972 in"
            + " nat1-wan.pcapng"), out);
    // said before the findings
    assertTrue(out.indexOf("Capture points:") < out.indexOf("ONE_WAY_AUDIO"), out);
  }

  @Test
  void textInGerman() {
    Cli cli = Cli.run(args("analyze", "--lang", "de"));
    assertTrue(cli.out().contains("Mitschnittpunkte: 3"), cli.out());
    assertTrue(cli.out().contains("  Verschwunden: 326 RTP-Paket(e)"), cli.out());
    // seconds and milliseconds with a decimal comma
    assertTrue(Pattern.compile("  nat1-lan\\.pcapng: 10 SIP-, 4 STUN-, 326 RTP-Paket\\(e\\) über \\d+,\\d s\n")
        .matcher(cli.out()).find(), cli.out());
    assertTrue(Pattern.compile("weicht um [+-]\\d+,\\d{3} ms ab \\(Laufzeit etwa [+-]\\d+,\\d{3} ms\\)")
        .matcher(cli.out()).find(), cli.out());
  }

  @Test
  void jsonHasEveryFact() {
    Cli cli = Cli.run(args("analyze", "--format", "json"));
    assertEquals(0, cli.exitCode(), cli.err());
    JsonNode cp = cli.json().get("capturePoints");
    assertEquals(3, cp.get("points").size());
    assertEquals(3, cp.get("pairs").size());
    JsonNode lanWan = cp.get("pairs").get(0);
    assertTrue(lanWan.get("first").asText().endsWith("nat1-lan.pcapng"));
    assertEquals(326, lanWan.get("matched").get("rtp").asLong());
    assertTrue(lanWan.get("bothDirections").asBoolean());
    assertEquals(1, cp.get("vanished").size());
    JsonNode v = cp.get("vanished").get(0);
    assertEquals("RTP", v.get("kind").asText());
    assertEquals(326, v.get("packets").asLong());
    assertEquals(15, v.get("firstAtFrom").get("frame").asLong());
    assertEquals("203.0.113.11:14972", v.get("destination").asText());
    assertTrue(cp.get("sipChanges").isEmpty());
    assertTrue(cp.get("gaps").isEmpty());
  }

  @Test
  void oneInputHasNoSection() {
    Path wan = Cli.root().resolve("lab").resolve("one-way-audio").resolve("nat1-wan.pcapng");
    Cli cli = Cli.run("analyze", wan.toString());
    assertFalse(cli.out().contains("Capture points"), cli.out());
    Cli json = Cli.run("analyze", "--format", "json", wan.toString());
    assertEquals(1, json.json().get("capturePoints").get("points").size());
    assertTrue(json.json().get("capturePoints").get("pairs").isEmpty());
  }
}
