package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StreamsCommandTest {

  /** tshark -n -r sipnab-sip-rtp-g711.pcap -q -z rtp,streams lists these two G.711 streams. */
  @Test
  void jsonListsTheStreamsTsharkFinds() {
    Path pcap = Cli.corpus().resolve("sip/sipnab-sip-rtp-g711.pcap");
    Cli r = Cli.run("streams", "--format", "json", pcap.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    JsonNode streams = r.json().get("streams");
    assertEquals(2, streams.size(), r.out());
    JsonNode first = streams.get(0);
    assertEquals("0x343da99b", first.get("ssrc").asText());
    assertEquals("10.0.2.15:27942", first.get("src").asText());
    assertEquals("10.0.2.20:6000", first.get("dst").asText());
    assertEquals(0, first.get("payloadType").asInt());
    assertEquals("PCMU", first.get("codec").asText());
    assertEquals(425, first.get("packets").asLong());
    assertEquals(0, first.get("lost").asLong());
    assertEquals(20.049, first.get("maxDeltaMs").asDouble(), 0.1);
    assertEquals(0.010, first.get("maxJitterMs").asDouble(), 0.1);
    assertEquals(0.006, first.get("meanJitterMs").asDouble(), 0.1);
    assertTrue(first.has("callId"));
    JsonNode second = streams.get(1);
    assertEquals("0x343ffa34", second.get("ssrc").asText());
    assertEquals("PCMA", second.get("codec").asText());
    assertEquals(414, second.get("packets").asLong());
  }

  @Test
  void textTableInGerman() {
    Path pcap = Cli.corpus().resolve("sip/sipnab-sip-rtp-g711.pcap");
    Cli r = Cli.run("streams", "--lang", "de", pcap.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertTrue(r.out().contains("Quelle"), r.out());
    assertTrue(r.out().contains("0x343ffa34"), r.out());
    assertTrue(r.out().contains("2 RTP-Strom/Ströme"), r.out());
  }

  @Test
  void captureWithoutRtpSaysSo() {
    Path pcap = Cli.corpus().resolve("tls/zeek-tls1.2.pcap");
    Cli r = Cli.run("streams", pcap.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertTrue(r.out().contains("No RTP streams found."), r.out());
  }

  @Test
  void missingInputExitsWithUnreadable() {
    Cli r = Cli.run("streams", "--format", "json", "does-not-exist.pcap");
    assertEquals(ExitCode.UNREADABLE_INPUT, r.exitCode());
    assertEquals(0, r.json().get("streams").size());
    assertTrue(r.err().contains("does-not-exist.pcap"), r.err());
  }

  @Test
  void unknownOptionIsUsageError() {
    Cli r = Cli.run("streams", "--colour", "x.pcap");
    assertEquals(ExitCode.USAGE, r.exitCode());
  }
}
