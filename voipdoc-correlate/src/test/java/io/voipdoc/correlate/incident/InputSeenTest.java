package io.voipdoc.correlate.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.PacketDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The per-input facts and stray dialog messages that the capture-quality rules read. */
class InputSeenTest {

  @Test
  void counts_sip_and_everything_else_of_a_whole_capture() throws Exception {
    Incident incident = run(Path.of("../lab/direct-call/bob.pcapng"));
    assertEquals(1, incident.inputs().size());
    InputSeen in = incident.inputs().get(0);
    // tshark: 11 SIP frames, 659 RTP and RTCP frames
    assertEquals(11, in.sipMessages());
    assertEquals(659, in.otherMessages());
    assertEquals(0, in.loopbackPackets());
    assertEquals(0, in.truncatedSip());
    assertEquals(1, in.first().number());
    assertEquals(670, in.last().number());
    assertTrue(incident.strays().isEmpty());
  }

  @Test
  void counts_loopback_packets() throws Exception {
    // SIPp against itself on 127.0.0.1: every packet is loopback
    Incident incident = run(corpus("sip/pkts-sip_rtp.pcap"));
    InputSeen in = incident.inputs().get(0);
    assertEquals(in.sipMessages() + in.otherMessages(), in.loopbackPackets());
  }

  @Test
  void keeps_dialog_messages_whose_invite_is_missing() throws Exception {
    // two responses and a request of a call whose INVITE is not in the sample
    Incident incident = run(corpus("sip/pkts-fragmented_udp_sip.pcap"));
    assertTrue(incident.calls().isEmpty());
    SipEvent first = incident.strays().get(0);
    assertEquals("SIP/2.0 180 Ringing", first.firstLine());
    assertEquals(2, first.frame().number());
  }

  private static Path corpus(String name) {
    Path dir = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present: " + dir);
    return dir.resolve(name);
  }

  private static Incident run(Path file) throws Exception {
    IncidentCorrelator correlator = new IncidentCorrelator();
    AnomalyLog anomalies = new AnomalyLog();
    PacketDecoder decoder =
        new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(correlator, anomalies), anomalies);
    try (CaptureReader reader = Captures.open(new CaptureInput(file.toString(), file), anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
      }
    }
    decoder.finish();
    return correlator.finish();
  }
}
