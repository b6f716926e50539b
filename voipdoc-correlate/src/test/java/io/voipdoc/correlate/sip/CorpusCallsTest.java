package io.voipdoc.correlate.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structure rebuilt from real captures of the shared corpus; frame numbers and times are as
 * Wireshark shows them ({@code tshark -Y sip}).
 */
class CorpusCallsTest {

  private static List<Long> frames(CallLeg leg) {
    List<Long> out = new ArrayList<>();
    for (SipEvent e : leg.events()) {
      out.add(e.frame().number());
    }
    return out;
  }

  private static List<String> lines(CallLeg leg) {
    List<String> out = new ArrayList<>();
    for (SipEvent e : leg.events()) {
      out.add(e.firstLine().replaceAll(" sip:\\S+", "").replace("SIP/2.0", "").trim());
    }
    return out;
  }

  @Test
  void cancelledCall() throws Exception {
    Call call = Replay.corpus("sip/pkts-cancel.pcap").only();
    CallLeg leg = call.firstLeg();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), frames(leg));
    assertEquals(
        List.of("INVITE", "100 Trying", "180 Ringing", "CANCEL", "200 OK",
            "487 Request Terminated", "ACK"),
        lines(leg));
    assertEquals(CallState.CANCELLED, call.state());
    assertEquals(487, call.finalStatus());
    Transaction invite = leg.setupAttempts().get(0);
    assertEquals(7, invite.ack().frame().number());
    assertEquals(200, invite.cancel().finalStatus());
    assertEquals(2_104_843_000L, call.postDialDelayNanos());
    assertEquals(0, call.durationNanos());
  }

  @Test
  void rejectedWith488AfterDigestChallenge() throws Exception {
    Replay r = Replay.corpus("sip/sipnab-sip-488-codec-reject.pcapng");
    Call call = r.only();
    CallLeg leg = call.firstLeg();
    assertEquals(2, leg.setupAttempts().size());
    assertEquals(401, leg.setupAttempts().get(0).finalStatus());
    assertEquals(9, leg.setupAttempts().get(0).ack().frame().number());
    assertEquals(488, leg.setupAttempts().get(1).finalStatus());
    assertEquals(13, leg.setupAttempts().get(1).ack().frame().number());
    assertEquals(CallState.REJECTED, call.state());
    assertEquals(488, call.finalStatus());
    assertEquals("8802", call.to());
    // the three OPTIONS pings and their answers are outside any call
    assertEquals(6, r.correlator.otherMessages());
  }

  @Test
  void registrationChallengedThenForbidden() throws Exception {
    Replay r = Replay.corpus("sip/sipnab-sip-auth-failure.pcapng");
    assertEquals(0, r.calls.size());
    assertEquals(1, r.registrations.size());
    Registration reg = r.registrations.get(0);
    assertEquals(2, reg.attempts().size());
    assertEquals(401, reg.attempts().get(0).status());
    assertEquals(403, reg.attempts().get(1).status());
    assertTrue(reg.challenged());
    assertEquals(Registration.Outcome.FAILED, reg.outcome());
    assertEquals(403, reg.finalStatus());
    assertEquals(1, reg.sources().size());
    assertEquals("172.16.98.1:42952", reg.sources().get(0).source().hostPort());
  }

  @Test
  void registeredThenAnsweredCallWithReInviteAndBye() throws Exception {
    Replay r = Replay.corpus("sip/sipnab-register-invite-reinvite-bye.pcap");
    Registration reg = r.registrations.get(0);
    assertEquals(Registration.Outcome.REGISTERED, reg.outcome());
    Call call = r.only();
    assertEquals(CallState.ANSWERED, call.state());
    assertEquals("alice", call.from());
    assertEquals("bob", call.to());
    assertEquals(Party.CALLER, call.hungUpBy());
    assertEquals(229, call.firstLeg().bye().frame().number());
    // 200 OK at 0.225055, BYE at 2.335848
    assertEquals(2_110_793_000L, call.durationNanos());
    assertEquals(1_525_000L, call.postDialDelayNanos());
    Dialog d = call.firstLeg().dialogs().get(0);
    assertEquals(Dialog.State.TERMINATED, d.state());
    // offer/answer in INVITE/200, then the re-INVITE switches from PCMU to opus
    assertEquals(4, d.sdp().size());
    assertEquals(List.of(true, false, true, false), d.sdp().stream().map(s -> s.offer()).toList());
    assertEquals(List.of("opus"), d.codecs());
    assertEquals(List.of(), d.holds());
    assertEquals("127.0.0.1:5094", d.callerMedia().get(0).hostPort());
    assertEquals("127.0.0.1:5084", d.calleeMedia().get(0).hostPort());
    assertEquals(4, r.sdp.size());
  }

  @Test
  void b2buaLegsLinkedIntoOneCall() throws Exception {
    Replay r = Replay.corpus("sip/sipnab-b2bua-asterisk.pcapng");
    Call call = r.only();
    assertEquals(
        List.of(
            "M2Q0ZDc1ZGM1NzIyMTlhZTA3NDU3NTgzMzA5YmJmZWQ.",
            "37686afc57ce24ac655742b3644a7bb8@172.16.98.101:5060"),
        call.callIds());
    assertEquals(LegLink.FIRST, call.legs().get(0).link());
    assertEquals(LegLink.HEURISTIC, call.legs().get(1).link());
    assertEquals(CallState.ANSWERED, call.state());
    assertEquals("telephone1", call.from());
    assertEquals("2302", call.to());
    // the caller hung up on the first leg (frame 404); the B2BUA then ended the second (409)
    assertEquals(404, call.hangUpLeg().bye().frame().number());
    assertEquals(Party.CALLER, call.hungUpBy());
    assertEquals(409, call.legs().get(1).bye().frame().number());
    // INVITE (24) retransmitted at 25, answered by two 100 Trying
    Transaction t = call.legs().get(1).setupAttempts().get(0);
    assertEquals(1, t.requestRetransmissions());
    assertEquals(2, r.registrations.size());
  }

  @Test
  void sippFiveCallsEachAnsweredAndEndedByCaller() throws Exception {
    Replay r = Replay.corpus("sip/pkts-sipp.pcap");
    assertEquals(5, r.calls.size());
    for (Call c : r.calls) {
      assertEquals(1, c.legs().size(), c.callIds().toString());
      assertEquals(CallState.ANSWERED, c.state());
      assertEquals(Party.CALLER, c.hungUpBy());
      assertEquals(6, c.messages());
    }
    assertEquals("1-16732@127.0.1.1", r.calls.get(0).firstLeg().callId());
  }

  @Test
  void sipOverTcpEndedByCallee() throws Exception {
    Call call = Replay.corpus("sip/sipnab-sip-over-tcp.pcap").only();
    assertEquals(List.of(3L, 5L, 7L, 9L, 11L, 81L, 83L), frames(call.firstLeg()));
    assertEquals("TCP", call.firstLeg().caller().transport());
    assertEquals(CallState.ANSWERED, call.state());
    assertEquals(Party.CALLEE, call.hungUpBy());
    assertEquals(2_151_516_000L, call.durationNanos());
  }

  @Test
  void wiresharkSampleRegistrationsAndFailedCalls() throws Exception {
    Replay r = Replay.corpus("sip/zeek-sip-wireshark.pcap");
    assertEquals(4, r.calls.size(), r.describe());
    Call first = r.calls.get(0);
    // INVITE sent three times, only 100 Trying, then CANCEL and 408 to the INVITE
    Transaction t = first.firstLeg().setupAttempts().get(0);
    assertEquals(2, t.requestRetransmissions());
    assertEquals(CallState.CANCELLED, first.state());
    assertEquals(408, first.finalStatus());
    Call second = r.calls.get(1);
    assertEquals(CallState.REJECTED, second.state());
    assertEquals(403, second.finalStatus());
    assertEquals(407, second.firstLeg().setupAttempts().get(0).finalStatus());
    Registration reg = r.registrations.get(0);
    assertTrue(reg.challenged());
    assertNotNull(reg.attempts().get(0).response());
  }

  @Test
  void sippBranchScenarioOf1334Calls() throws Exception {
    long start = System.nanoTime();
    Replay r = Replay.corpus("sip/sipnab-sipp-branch-scenario.pcapng");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(1334, r.calls.size());
    int messages = 0;
    for (Call c : r.calls) {
      messages += c.messages();
    }
    // every SIP message of the capture (3907 requests + 5082 responses) but the 2668 REGISTER
    // requests and responses (tshark: sip.CSeq.method == "REGISTER") belongs to a call
    assertEquals(3907 + 5082 - 2668, messages);
    assertEquals(0, r.correlator.otherMessages());
    assertTrue(millis < 10_000, "took " + millis + " ms");
  }
}
