package io.voipdoc.correlate.sip;

import static io.voipdoc.correlate.sip.Wire.request;
import static io.voipdoc.correlate.sip.Wire.response;
import static io.voipdoc.correlate.sip.Wire.sdp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voipdoc.decode.sdp.Direction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour on hand-written exchanges between 192.0.2.1 (caller) and 192.0.2.2 (callee). */
class SipCorrelatorTest {
  private static final String A = "192.0.2.1:5060";
  private static final String B = "192.0.2.2:5060";

  @Test
  void holdAndResumeByReInvite() {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", sdp("192.0.2.1", 4000, "sendrecv")));
    w.send(100, B, A, response(180, "Ringing", "INVITE", "c1", 1, "a", "b", "1", ""));
    w.send(900, B, A, response(200, "OK", "INVITE", "c1", 1, "a", "b", "1", sdp("192.0.2.2", 5000, "sendrecv")));
    w.send(910, A, B, request("ACK", "c1", 1, "a", "b", "2", ""));
    w.send(5000, A, B, request("INVITE", "c1", 2, "a", "b", "3", sdp("192.0.2.1", 4000, "sendonly")));
    w.send(5010, B, A, response(200, "OK", "INVITE", "c1", 2, "a", "b", "3", sdp("192.0.2.2", 5000, "recvonly")));
    w.send(9000, A, B, request("INVITE", "c1", 3, "a", "b", "4", sdp("192.0.2.1", 4000, "sendrecv")));
    w.send(9010, B, A, response(200, "OK", "INVITE", "c1", 3, "a", "b", "4", sdp("192.0.2.2", 5000, "sendrecv")));
    w.send(12_000, B, A, request("BYE", "c1", 1, "b", "a", "5", "", "Reason: Q.850;cause=16;text=\"Normal call clearing\""));
    w.send(12_010, A, B, response(200, "OK", "BYE", "c1", 1, "b", "a", "5", ""));
    Call call = w.finish().calls.get(0);
    Dialog d = call.firstLeg().dialogs().get(0);
    assertEquals(2, d.holds().size());
    assertEquals(new HoldChange(d.holds().get(0).offer(), Party.CALLER, true), d.holds().get(0));
    assertEquals(5000, d.holds().get(0).offer().timeNanos() / 1_000_000);
    assertEquals(false, d.holds().get(1).held());
    assertEquals(Direction.SENDRECV, d.direction());
    assertEquals(List.of("PCMU", "PCMA", "telephone-event"), d.codecs());
    assertEquals(Party.CALLEE, call.hungUpBy());
    assertEquals(11_100_000_000L, call.durationNanos());
    assertEquals(100_000_000L, call.postDialDelayNanos());
    assertEquals(6, w.sdp.size());
    assertEquals("Q.850", call.reasons().get(0).protocol());
    assertEquals(16, call.reasons().get(0).cause());
  }

  @Test
  void contentLengthAgainstTheDatagramBody() {
    String body = sdp("192.0.2.1", 4000, "sendrecv");
    int n = body.length();
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", body));
    // an ALG grew the body by 7 bytes and kept the length
    w.send(10, A, B, withLength(request("INVITE", "c2", 1, "a", "", "2", body + "x=abc\r\n"), n));
    // only CRLF padding after the declared body
    w.send(20, A, B, withLength(request("INVITE", "c3", 1, "a", "", "3", body + "\r\n\r\n"), n));
    // declared longer than what arrived
    w.send(30, A, B, withLength(request("INVITE", "c4", 1, "a", "", "4", body), n + 9));
    List<SipEvent> invites = w.finish().calls.stream().map(c -> c.firstLeg().invite()).toList();
    assertEquals(List.of(n, n, n, n + 9), invites.stream().map(SipEvent::contentLength).toList());
    assertEquals(List.of(n, n + 7, n, n), invites.stream().map(SipEvent::bodyBytes).toList());
    assertEquals(List.of(false, true, false, true),
        invites.stream().map(SipEvent::contentLengthMismatch).toList());
  }

  private static String[] withLength(String[] lines, int length) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("Content-Length:")) {
        lines[i] = "Content-Length: " + length;
      }
    }
    return lines;
  }

  @Test
  void retransmissionsAreCountedNotDoubled() {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(500, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(600, B, A, response(486, "Busy Here", "INVITE", "c1", 1, "a", "b", "1", ""));
    w.send(610, B, A, response(486, "Busy Here", "INVITE", "c1", 1, "a", "b", "1", ""));
    w.send(620, A, B, request("ACK", "c1", 1, "a", "b", "1", ""));
    Call call = w.finish().calls.get(0);
    Transaction t = call.firstLeg().setupAttempts().get(0);
    assertEquals(1, t.requestRetransmissions());
    assertEquals(1, t.responseRetransmissions());
    assertEquals(2, call.firstLeg().inviteRequests());
    assertEquals(CallState.REJECTED, call.state());
    assertEquals(486, call.finalStatus());
    assertEquals(5, call.firstLeg().events().size());
  }

  @Test
  void forkedInviteHasOneDialogPerToTag() {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(10, B, A, response(180, "Ringing", "INVITE", "c1", 1, "a", "x", "1", ""));
    w.send(20, B, A, response(180, "Ringing", "INVITE", "c1", 1, "a", "y", "1", ""));
    w.send(30, B, A, response(200, "OK", "INVITE", "c1", 1, "a", "y", "1", ""));
    List<Dialog> dialogs = w.finish().calls.get(0).firstLeg().dialogs();
    assertEquals(List.of("x", "y"), dialogs.stream().map(Dialog::toTag).toList());
    assertEquals(Dialog.State.EARLY, dialogs.get(0).state());
    assertEquals(Dialog.State.CONFIRMED, dialogs.get(1).state());
  }

  @Test
  void forkedToTwoPhonesOneAnswersTheOtherIsCancelled() throws Exception {
    // lab/forking: kamailio forks bob's INVITE to dave's two registered phones
    Call call = Replay.of(SipCorrelatorConfig.DEFAULTS, Path.of("..", "lab", "forking", "pbx.pcapng")).only();
    assertEquals(CallState.ANSWERED, call.state());
    CallLeg leg = call.firstLeg();
    List<Dialog> dialogs = leg.dialogs();
    assertEquals(List.of("6a887dec8558342d", "a729119b4b86f8ca"), dialogs.stream().map(Dialog::toTag).toList());
    assertEquals(List.of(17L, 19L), dialogs.stream().map(d -> d.created().frame().number()).toList(), "each phone's 180");
    Dialog answered = dialogs.get(0);
    Dialog cancelled = dialogs.get(1);
    assertEquals(21, answered.confirmed().frame().number());
    assertEquals(29, answered.bye().frame().number());
    assertNull(cancelled.confirmed());
    assertEquals(Dialog.State.TERMINATED, cancelled.state(), "ended by the 487 of its branch");
    List<Transaction> invites = leg.transactions().stream().filter(t -> t.method().equals("INVITE")).toList();
    assertEquals(List.of(13L, 15L, 16L), invites.stream().map(t -> t.request().frame().number()).toList(),
        "bob's INVITE and the proxy's two branches");
    assertEquals(List.of(200, 200, 487), invites.stream().map(Transaction::finalStatus).toList());
    Transaction cancel = invites.get(2).cancel();
    assertEquals(23, cancel.request().frame().number());
    assertEquals(200, cancel.finalStatus());
    assertNull(invites.get(1).cancel());

    // the caller sees both early dialogs, one confirmed; the 487 stays between proxy and phone
    List<Dialog> seenByCaller = Replay.of(SipCorrelatorConfig.DEFAULTS, Path.of("..", "lab", "forking", "bob.pcapng"))
        .only().firstLeg().dialogs();
    assertEquals(List.of(Dialog.State.TERMINATED, Dialog.State.EARLY), seenByCaller.stream().map(Dialog::state).toList());
    assertEquals(List.of(7L, 8L), seenByCaller.stream().map(d -> d.created().frame().number()).toList());
  }

  @Test
  void referOutcomeFromNotifySipfrag() {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(30, B, A, response(200, "OK", "INVITE", "c1", 1, "a", "b", "1", ""));
    w.send(40, A, B, request("REFER", "c1", 2, "a", "b", "2", "", "Refer-To: <sip:carol@example.com>"));
    w.send(50, B, A, response(202, "Accepted", "REFER", "c1", 2, "a", "b", "2", ""));
    w.send(60, B, A, request("NOTIFY", "c1", 1, "b", "a", "3", "SIP/2.0 200 OK\r\n", "Event: refer", "Content-Type: message/sipfrag"));
    Refer r = w.finish().calls.get(0).firstLeg().dialogs().get(0).refers().get(0);
    assertEquals("<sip:carol@example.com>", r.referTo());
    assertEquals(202, r.status());
    assertEquals(200, r.notifiedStatus());
    assertEquals(Refer.Outcome.COMPLETED, r.outcome());
  }

  @Test
  void correlationHeaderLinksLegsFromAnotherHost() {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "leg1", 1, "a", "", "1", ""));
    w.send(10, "198.51.100.7:5060", "198.51.100.8:5060", request("INVITE", "leg2", 1, "c", "", "2", "", "X-Call-ID: leg1"));
    Call call = w.finish().calls.get(0);
    assertEquals(List.of("leg1", "leg2"), call.callIds());
    assertEquals(LegLink.CORRELATION_HEADER, call.legs().get(1).link());
  }

  @Test
  void sameClientCallingTwiceIsTwoCalls() {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(100, A, B, request("INVITE", "c2", 1, "a2", "", "2", ""));
    assertEquals(2, w.finish().calls.size());
  }

  @Test
  void inviteWithoutAnswerTimesOutOnCaptureTime() {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.correlator.onTimer(31_000_000_000L);
    assertEquals(0, w.calls.size());
    w.correlator.onTimer(40_000_000_000L);
    assertEquals(1, w.calls.size());
    assertEquals(CallState.TIMED_OUT, w.calls.get(0).state());
  }

  @Test
  void tooManyCallsHandsOutTheOldest() {
    SipCorrelatorConfig one =
        new SipCorrelatorConfig(
            32_000_000_000L, 5_000_000_000L, 64_000_000_000L, 7_200_000_000_000L,
            7_200_000_000_000L, 2_000_000_000L, 1, 10, 100, 8, List.of(), true);
    Wire w = new Wire(one);
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(10, A, B, request("INVITE", "c2", 1, "a2", "", "2", ""));
    assertEquals(1, w.calls.size());
    assertEquals(CallState.UNANSWERED, w.calls.get(0).state());
    assertEquals(1L, w.correlator.anomalies().counts().get("sipcorr.too_many_calls"));
  }
}
