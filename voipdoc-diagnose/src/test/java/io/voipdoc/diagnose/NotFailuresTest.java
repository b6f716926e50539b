package io.voipdoc.diagnose;

import static io.voipdoc.diagnose.SyntheticCalls.invite;
import static io.voipdoc.diagnose.SyntheticCalls.request;
import static io.voipdoc.diagnose.SyntheticCalls.response;
import static io.voipdoc.diagnose.SyntheticCalls.sdp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.diagnose.SyntheticCalls.Party;
import io.voipdoc.diagnose.rules.ice.IceNoPrivateCandidate;
import io.voipdoc.diagnose.rules.media.BandwidthExceeded;
import io.voipdoc.diagnose.rules.media.NoMedia;
import io.voipdoc.diagnose.rules.media.OneWayAudio;
import io.voipdoc.diagnose.rules.nat.SipAlgTampering;
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import io.voipdoc.diagnose.rules.signalling.ShortCallSpike;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is not a failure (issue #6): hold, comfort noise, silence suppression, early media and a
 * call that simply was not answered. None of the media rules nor the rules that judge whole
 * captures may report them.
 */
class NotFailuresTest {
  private static final List<Rule> RULES = List.of(new NoMedia(), new OneWayAudio(),
      new BandwidthExceeded(), new ShortCallSpike(), new IceNoPrivateCandidate(),
      new SipAlgTampering());
  private static final Party ALICE = new Party("alice", "192.0.2.10", 4000);
  private static final Party BOB = new Party("bob", "198.51.100.20", 6000);

  @TempDir Path dir;

  @Test
  void hold_and_resume_in_the_lab() {
    Incident incident = Incidents.of(LabCaptures.of("hold-resume"));
    var holds = incident.calls().get(0).firstLeg().dialogs().get(0).holds();
    // put on hold and taken off again, as seen at each of the two capture points
    assertEquals(List.of(true, false, true, false), holds.stream().map(h -> h.held()).toList());
    assertEquals(List.of(), Diagnoser.diagnose(incident, RULES));
  }

  /** sipnab-sip-over-tcp.pcap: a G.711 call whose both directions send comfort noise (PT 13). */
  @Test
  void comfort_noise_in_the_corpus() {
    Incident incident = Incidents.of(Incidents.corpus("sip/sipnab-sip-over-tcp.pcap"));
    assertEquals(List.of(2L, 4L),
        incident.streams().stream().map(RtpStream::comfortNoisePackets).toList());
    assertEquals(List.of(), Diagnoser.diagnose(incident, RULES));
  }

  /**
   * sipnab-SIP_DTMF2.cap: the callee's stream starts 14 talkspurts (marker bit after a pause, RFC
   * 3551 §4.1); the first call of the capture was rejected.
   */
  @Test
  void talkspurts_and_a_rejected_call_in_the_corpus() {
    Incident incident = Incidents.of(Incidents.corpus("sip/sipnab-SIP_DTMF2.cap"));
    assertEquals(14, incident.streams().stream().mapToLong(RtpStream::talkspurts).sum());
    assertEquals(CallState.REJECTED, incident.calls().get(0).state());
    assertEquals(List.of(), Diagnoser.diagnose(incident, RULES));
  }

  /** zeek-sip-wireshark.pcap: one cancelled and three rejected calls, one after a 183. */
  @Test
  void unanswered_calls_in_the_corpus() {
    Incident incident = Incidents.of(Incidents.corpus("sip/zeek-sip-wireshark.pcap"));
    assertEquals(List.of(CallState.CANCELLED, CallState.REJECTED, CallState.REJECTED,
        CallState.REJECTED), incident.calls().stream().map(c -> c.state()).toList());
    assertEquals(List.of(), Diagnoser.diagnose(incident, RULES));
    assertEquals(List.of(),
        Diagnoser.diagnose(Incidents.of(Incidents.corpus("sip/pkts-cancel.pcap")), RULES));
  }

  /**
   * Synthetic (no lab software plays early media): bob answers the INVITE with 183 and an SDP and
   * plays 3 s of ringback to alice, who hangs up before he answers (CANCEL, 487).
   */
  @Test
  void early_media_of_a_call_that_was_not_answered() throws IOException {
    SyntheticCalls c = new SyntheticCalls();
    earlyMedia(c, "em1");
    c.sip(3_200, ALICE.address(), BOB.address(), request("CANCEL", "em1", ALICE, BOB, 1)
        .replace(";tag=b-em1", ""));
    c.sip(3_210, BOB.address(), ALICE.address(),
        response("em1", ALICE, BOB, "200 OK", "CANCEL", 1, ""));
    c.sip(3_220, BOB.address(), ALICE.address(),
        response("em1", ALICE, BOB, "487 Request Terminated", "INVITE", 1, ""));
    Incident incident = Incidents.of(c.writeTo(dir.resolve("early-cancelled.pcap")));
    assertEquals(CallState.CANCELLED, incident.calls().get(0).state());
    assertEquals(1, incident.streams().size());
    assertEquals(List.of(), Diagnoser.diagnose(incident, RULES));
  }

  /**
   * Synthetic: 3 s of one-way early media from bob, then bob answers and both talk for 5 s; the
   * early media is one-way by design, the answered call has audio both ways.
   */
  @Test
  void early_media_before_a_two_way_call() throws IOException {
    SyntheticCalls c = new SyntheticCalls();
    earlyMedia(c, "em2");
    c.sip(3_200, BOB.address(), ALICE.address(),
        response("em2", ALICE, BOB, "200 OK", "INVITE", 1, sdp(BOB.address(), 6000, "0")));
    c.sip(3_210, ALICE.address(), BOB.address(), request("ACK", "em2", ALICE, BOB, 1));
    for (int i = 0; i < 250; i++) {
      long t = 3_220 + 20L * i;
      c.frame(t * 1_000_000L, rtp(BOB, ALICE, 150 + i, 0xb0bL));
      c.frame(t * 1_000_000L + 100_000L, rtp(ALICE, BOB, i, 0xa11cL));
    }
    c.sip(8_300, ALICE.address(), BOB.address(), request("BYE", "em2", ALICE, BOB, 2));
    c.sip(8_310, BOB.address(), ALICE.address(), response("em2", ALICE, BOB, "200 OK", "BYE", 2, ""));
    Incident incident = Incidents.of(c.writeTo(dir.resolve("early-answered.pcap")));
    assertEquals(CallState.ANSWERED, incident.calls().get(0).state());
    assertEquals(List.of(), Diagnoser.diagnose(incident, RULES));
  }

  /**
   * Synthetic: an answered call where alice suppresses silence: she sends 1 s of audio, pauses 2 s
   * (no packets, the timestamp jumps), and starts each talkspurt with the marker bit (RFC 3551
   * §4.1); bob talks all the time.
   */
  @Test
  void silence_suppression() throws IOException {
    SyntheticCalls c = new SyntheticCalls();
    c.sip(0, ALICE.address(), BOB.address(), invite("ss1", ALICE, BOB, sdp(ALICE.address(), 4000, "0")));
    c.sip(100, BOB.address(), ALICE.address(),
        response("ss1", ALICE, BOB, "200 OK", "INVITE", 1, sdp(BOB.address(), 6000, "0")));
    c.sip(110, ALICE.address(), BOB.address(), request("ACK", "ss1", ALICE, BOB, 1));
    int seq = 0;
    for (int i = 0; i < 600; i++) {
      long t = 120 + 20L * i;
      c.frame(t * 1_000_000L, rtp(BOB, ALICE, i, 0xb0bL));
      boolean talking = (i / 50) % 3 == 0;
      if (talking) {
        byte[] p = Packets.rtp(0, i % 150 == 0, seq++, 160L * i, 0xa11cL, new byte[160]);
        c.frame(t * 1_000_000L + 100_000L, Packets.ethernet(Packets.ipv4(ALICE.address(),
            BOB.address(), 17, Packets.udp(4000, 6000, p))));
      }
    }
    c.sip(12_200, ALICE.address(), BOB.address(), request("BYE", "ss1", ALICE, BOB, 2));
    c.sip(12_210, BOB.address(), ALICE.address(), response("ss1", ALICE, BOB, "200 OK", "BYE", 2, ""));
    Incident incident = Incidents.of(c.writeTo(dir.resolve("silence.pcap")));
    RtpStream alice = incident.streams().stream()
        .filter(s -> s.source().port() == 4000).findFirst().orElseThrow();
    assertEquals(0, alice.lost());
    assertEquals(3, alice.talkspurts());
    assertEquals(List.of(), Diagnoser.diagnose(incident, RULES));
    assertEquals(List.of(), Diagnoser.diagnose(incident, List.of(new io.voipdoc.diagnose.rules.media.PoorQuality())));
  }

  /** INVITE at 0, 183 with SDP at 50 ms, then bob's ringback (150 packets, 20 ms) to alice. */
  private static void earlyMedia(SyntheticCalls c, String callId) {
    c.sip(0, ALICE.address(), BOB.address(), invite(callId, ALICE, BOB, sdp(ALICE.address(), 4000, "0")));
    c.sip(50, BOB.address(), ALICE.address(),
        response(callId, ALICE, BOB, "183 Session Progress", "INVITE", 1, sdp(BOB.address(), 6000, "0")));
    for (int i = 0; i < 150; i++) {
      c.frame((60 + 20L * i) * 1_000_000L, rtp(BOB, ALICE, i, 0xb0bL));
    }
  }

  private static byte[] rtp(Party from, Party to, int i, long ssrc) {
    byte[] p = Packets.rtp(0, i == 0, i, 160L * i, ssrc, new byte[160]);
    return Packets.ethernet(Packets.ipv4(from.address(), to.address(), 17,
        Packets.udp(from.rtpPort(), to.rtpPort(), p)));
  }
}
