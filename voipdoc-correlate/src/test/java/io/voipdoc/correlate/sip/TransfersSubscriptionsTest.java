package io.voipdoc.correlate.sip;

import static io.voipdoc.correlate.sip.Wire.request;
import static io.voipdoc.correlate.sip.Wire.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Transfers (REFER), subscriptions (SUBSCRIBE/NOTIFY), OPTIONS keep-alives and session timers,
 * rebuilt from lab and corpus captures; frame numbers as Wireshark shows them (the counts that
 * tshark gives are in each lab scenario's README). A transfer that fails, a session that expires
 * without refresh and unanswered pings use messages built here: neither the lab nor the corpus
 * has a capture of them.
 */
class TransfersSubscriptionsTest {
  private static final String A = "192.0.2.1:5060";
  private static final String B = "192.0.2.2:5060";

  private static Replay lab(String scenario, String capture) throws Exception {
    return Replay.of(SipCorrelatorConfig.DEFAULTS, Path.of("..", "lab", scenario, capture));
  }

  private static List<Long> frames(List<SipEvent> events) {
    return events.stream().map(e -> e.frame().number()).toList();
  }

  @Test
  void blindTransferThroughTheProxyCompletesAndLinksTheNewCall() throws Exception {
    Replay r = lab("blind-transfer", "pbx.pcapng");
    assertEquals(2, r.calls.size());
    Call original = r.calls.get(0);
    Call transferred = r.calls.get(1);
    Refer refer = original.transfers().get(0);
    assertEquals(1, original.transfers().size(), "the proxied copy is the same transfer");
    assertEquals("sip:alice@198.51.100.10", refer.referTo());
    assertEquals("alice", refer.referToUser());
    assertEquals(Party.CALLER, refer.by());
    assertFalse(refer.attended());
    assertEquals(List.of(22L, 23L), frames(refer.copies()));
    assertEquals(202, refer.status());
    assertEquals(24, refer.response().frame().number());
    assertEquals(List.of(100, 200), refer.notifiedStatuses());
    assertEquals(List.of(25L, 38L), frames(refer.notifies()));
    assertEquals("terminated;reason=noresource", refer.subscriptionState());
    assertEquals(Refer.Outcome.COMPLETED, refer.outcome());
    assertSame(transferred.firstLeg(), refer.transferLeg());
    assertSame(refer, transferred.transferOf());
    assertEquals("alice", transferred.to());
    assertNull(original.transferOf());
  }

  @Test
  void blindTransferSeenByTheTransferee() throws Exception {
    Replay r = lab("blind-transfer", "dave.pcapng");
    Refer refer = r.calls.get(0).transfers().get(0);
    assertEquals(1, refer.copies().size());
    assertEquals(Refer.Outcome.COMPLETED, refer.outcome());
    assertSame(r.calls.get(1).firstLeg(), refer.transferLeg());
  }

  @Test
  void attendedTransferThroughTheProxyReplacesTheConsultationCall() throws Exception {
    Replay r = lab("attended-transfer", "pbx.pcapng");
    assertEquals(3, r.calls.size(), r.describe());
    Call original = r.calls.get(0);
    Call consultation = r.calls.get(1);
    Call transferred = r.calls.get(2);
    assertEquals(List.of("bob", "dave"), List.of(original.from(), original.to()));
    assertEquals(List.of("bob", "erin"), List.of(consultation.from(), consultation.to()));
    assertEquals(List.of("dave", "erin"), List.of(transferred.from(), transferred.to()));
    Refer refer = original.transfers().get(0);
    assertEquals(1, original.transfers().size(), "the proxied copy is the same transfer");
    assertTrue(refer.attended());
    assertEquals(consultation.firstLeg().callId(), refer.replaces());
    assertEquals("erin", refer.referToUser());
    assertEquals("sip:bob@198.51.100.10", refer.referredBy());
    assertEquals(Party.CALLER, refer.by());
    assertEquals(List.of(31L, 32L), frames(refer.copies()));
    assertEquals(202, refer.status());
    assertEquals(33, refer.response().frame().number());
    assertEquals(List.of(100, 200), refer.notifiedStatuses());
    assertEquals(List.of(55L, 59L), frames(refer.notifies()));
    assertEquals("terminated;reason=reason=noresource", refer.subscriptionState(), "linphone's header, as sent");
    assertEquals(Refer.Outcome.COMPLETED, refer.outcome());
    assertSame(transferred.firstLeg(), refer.transferLeg());
    assertSame(refer, transferred.transferOf());
    assertNull(consultation.transferOf());
    // bob holds dave before consulting erin, dave holds bob before calling erin
    assertEquals(2, original.firstLeg().dialogs().get(0).holds().size());
    assertEquals(Party.CALLEE, consultation.hungUpBy(), "erin ends the replaced call");
    assertEquals(42, consultation.firstLeg().bye().frame().number());
    assertEquals(Party.CALLER, original.hungUpBy());
    assertEquals(62, original.firstLeg().bye().frame().number());
  }

  @Test
  void attendedTransferSeenByTheTransferee() throws Exception {
    Replay r = lab("attended-transfer", "dave.pcapng");
    assertEquals(2, r.calls.size(), "dave takes no part in the consultation call");
    Refer refer = r.calls.get(0).transfers().get(0);
    assertEquals(1, refer.copies().size());
    assertTrue(refer.attended());
    assertEquals(Refer.Outcome.COMPLETED, refer.outcome());
    assertSame(r.calls.get(1).firstLeg(), refer.transferLeg());
    assertEquals(refer.replaces(), Replay.of(SipCorrelatorConfig.DEFAULTS, Path.of("..", "lab", "attended-transfer", "erin.pcapng"))
        .calls.get(0).firstLeg().callId(), "Replaces names the call that erin had with bob");
  }

  @Test
  void attendedTransferLinksTheCallThatReplacesTheDialog() throws Exception {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(30, B, A, response(200, "OK", "INVITE", "c1", 1, "a", "b", "1", ""));
    w.send(40, A, B, request("REFER", "c1", 2, "a", "b", "2", "",
        "Refer-To: <sip:bob@example.com?Replaces=c9%40example.com%3Bto-tag%3Dx%3Bfrom-tag%3Dy>",
        "Referred-By: <sip:alice@example.com>"));
    w.send(50, B, A, response(202, "Accepted", "REFER", "c1", 2, "a", "b", "2", ""));
    w.send(60, "192.0.2.2:5060", "192.0.2.9:5060", request("INVITE", "c2", 1, "t", "", "3", "", "Replaces: c9@example.com;to-tag=x;from-tag=y"));
    w.send(70, B, A, request("NOTIFY", "c1", 1, "b", "a", "4", "SIP/2.0 603 Declined\r\n", "Event: refer;id=2",
        "Subscription-State: terminated;reason=noresource", "Content-Type: message/sipfrag"));
    Wire done = w.finish();
    Refer refer = done.calls.get(0).transfers().get(0);
    assertTrue(refer.attended());
    assertEquals("c9@example.com", refer.replaces());
    assertEquals("<sip:alice@example.com>", refer.referredBy());
    assertEquals("c2", refer.transferLeg().callId());
    assertEquals(Refer.Outcome.FAILED, refer.outcome());
    assertEquals(603, refer.notifiedStatus());
  }

  @Test
  void referRefusedOrUnanswered() throws Exception {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", ""));
    w.send(30, B, A, response(200, "OK", "INVITE", "c1", 1, "a", "b", "1", ""));
    w.send(40, A, B, request("REFER", "c1", 2, "a", "b", "2", "", "Refer-To: <sip:carol@example.com>"));
    w.send(50, B, A, response(403, "Forbidden", "REFER", "c1", 2, "a", "b", "2", ""));
    w.send(60, A, B, request("REFER", "c1", 3, "a", "b", "3", "", "Refer-To: <sip:carol@example.com>"));
    List<Refer> refers = w.finish().calls.get(0).transfers();
    assertEquals(List.of(Refer.Outcome.REJECTED, Refer.Outcome.NOT_ANSWERED), refers.stream().map(Refer::outcome).toList());
    assertNull(refers.get(0).transferLeg());
  }

  @Test
  void subscriptionsRejectedAfterDigestChallenge() throws Exception {
    Replay r = Replay.corpus("sip/sipnab-b2bua-asterisk.pcapng");
    List<Subscription> subs = r.correlator.subscriptions();
    assertEquals(5, subs.size());
    Subscription winfo = subs.get(0);
    assertEquals("presence.winfo", winfo.event());
    assertEquals("udp:172.16.98.145:40216", winfo.subscriber().toString());
    assertEquals(2, winfo.subscribes(), "the retry with credentials is the same subscription");
    assertEquals(14, winfo.lastSubscribe().frame().number());
    assertEquals(600, winfo.expiresRequested());
    assertEquals(489, winfo.lastStatus());
    assertEquals(Subscription.State.REJECTED, winfo.state());
    assertFalse(winfo.inDialog());
    assertEquals(List.of("presence.winfo", "message-summary", "message-summary", "presence.winfo", "presence.winfo"),
        subs.stream().map(Subscription::event).toList());
    assertEquals(List.of(489, 404, 480, 489, 489), subs.stream().map(Subscription::lastStatus).toList());
  }

  @Test
  void presenceSubscriptionThroughTheProxyFromStartToEnd() throws Exception {
    Replay r = lab("subscribe-notify", "pbx.pcapng");
    assertEquals(0, r.calls.size());
    List<Subscription> subs = r.correlator.subscriptions();
    assertEquals(1, subs.size(), "the proxied copies are the same subscription: " + subs);
    Subscription s = subs.get(0);
    assertEquals("presence", s.event());
    assertFalse(s.inDialog());
    assertEquals("udp:203.0.113.20:5060", s.subscriber().toString());
    assertEquals(9, s.first().frame().number());
    assertEquals(2, s.subscribes(), "the subscription and its end (Expires: 0)");
    assertEquals(25, s.lastSubscribe().frame().number());
    assertEquals(0, s.expiresRequested());
    assertEquals(0, s.expiresGranted(), "the grant of the last SUBSCRIBE");
    assertEquals(200, s.lastStatus());
    assertEquals(4, s.notifies(), "initial state, offline, online, terminated; proxied copies count once");
    assertEquals("terminated;reason=timeout", s.subscriptionState());
    assertEquals("timeout", s.terminationReason());
    assertEquals(Subscription.State.TERMINATED, s.state());
  }

  @Test
  void notifiesReportStateAndTerminationReason() throws Exception {
    Wire w = new Wire();
    w.send(0, A, B, request("SUBSCRIBE", "s1", 1, "a", "", "1", "", "Event: message-summary", "Expires: 3600"));
    w.send(10, B, A, response(200, "OK", "SUBSCRIBE", "s1", 1, "a", "n", "1", "", "Expires: 1800"));
    w.send(20, B, A, request("NOTIFY", "s1", 1, "n", "a", "2", "", "Event: message-summary", "Subscription-State: active;expires=1800"));
    w.send(25, B, A, request("NOTIFY", "s1", 1, "n", "a", "2", "", "Event: message-summary", "Subscription-State: active;expires=1800"));
    Subscription s = w.finish().correlator.subscriptions().get(0);
    assertEquals(Subscription.State.ACTIVE, s.state());
    assertEquals(1800, s.expiresGranted());
    assertEquals(1, s.notifies(), "a retransmitted NOTIFY counts once");

    Wire t = new Wire();
    t.send(0, B, A, request("NOTIFY", "s2", 1, "n", "a", "3", "", "Event: dialog;id=7", "Subscription-State: terminated;reason=timeout"));
    Subscription ended = t.finish().correlator.subscriptions().get(0);
    assertEquals("dialog;id=7", ended.event());
    assertEquals(Subscription.State.TERMINATED, ended.state());
    assertEquals("timeout", ended.terminationReason());
    assertEquals("udp:192.0.2.2:5060", ended.notifier().toString());
  }

  @Test
  void optionsKeepAlivesPerPair() throws Exception {
    Replay r = Replay.corpus("sip/sipnab-sip-488-codec-reject.pcapng");
    List<KeepAlive> pings = r.correlator.keepAlives();
    assertEquals(List.of("192.168.8.13:5060 -> 192.168.8.183:5060", "192.168.8.13:5060 -> 192.168.8.138:5060",
            "176.9.39.206:5010 -> 192.168.8.13:5060"),
        pings.stream().map(k -> k.source().hostPort() + " -> " + k.destination().hostPort()).toList());
    for (KeepAlive k : pings) {
      assertEquals(1, k.requests());
      assertEquals(Map.of(200, 1), k.statuses());
    }
    assertEquals(3, pings.get(1).first().frame().number());
  }

  @Test
  void registrarPingsEachRegisteredPhoneEveryFiveSeconds() throws Exception {
    Replay r = lab("options-keepalive", "pbx.pcapng");
    List<KeepAlive> pings = r.correlator.keepAlives();
    assertEquals(List.of("198.51.100.10:5060 -> 203.0.113.20:5060", "198.51.100.10:5060 -> 203.0.113.30:5060"),
        pings.stream().map(k -> k.source().hostPort() + " -> " + k.destination().hostPort()).toList());
    assertEquals(List.of(9L, 11L), pings.stream().map(k -> k.first().frame().number()).toList());
    assertEquals(List.of(21L, 23L), pings.stream().map(k -> k.last().frame().number()).toList());
    for (KeepAlive k : pings) {
      assertEquals(4, k.requests(), "tshark: 4 OPTIONS to each phone");
      assertEquals(4, k.answered());
      assertEquals(0, k.unanswered());
      assertEquals(Map.of(200, 4), k.statuses());
      assertEquals(5.0, k.meanIntervalSeconds(), 0.01, "nathelper's natping_interval");
    }
    assertEquals(0, r.calls.size());
    assertEquals(2, r.registrations.size());
  }

  @Test
  void unansweredPingsAndTheirInterval() throws Exception {
    Wire w = new Wire();
    for (int i = 0; i < 4; i++) {
      w.send(i * 30_000L, A, B, request("OPTIONS", "o" + i, 1, "a" + i, "", "p" + i, ""));
      w.send(i * 30_000L + 500, A, B, request("OPTIONS", "o" + i, 1, "a" + i, "", "p" + i, ""));
      if (i < 2) {
        w.send(i * 30_000L + 20, B, A, response(200, "OK", "OPTIONS", "o" + i, 1, "a" + i, "x", "p" + i, ""));
      }
    }
    KeepAlive k = w.finish().correlator.keepAlives().get(0);
    assertEquals(4, k.requests(), "retransmissions are not pings");
    assertEquals(2, k.answered());
    assertEquals(2, k.unanswered());
    assertEquals(30.0, k.meanIntervalSeconds(), 1e-9);
  }

  @Test
  void sessionRefreshedByTheAnsweringSide() throws Exception {
    Dialog d = Replay.corpus("sip/sipnab-DTMFsipinfo.pcap").only().firstLeg().dialogs().get(0);
    assertEquals(60, d.sessionExpires());
    assertEquals("uas", d.sessionRefresher());
    assertEquals(List.of(23L, 27L), frames(d.sessionRefreshes()));
    assertFalse(d.endedAtSessionExpiry());
  }

  @Test
  void sessionRefreshedWithUpdateByTheCalleeThroughTheProxy() throws Exception {
    Call call = lab("session-timer", "pbx.pcapng").only();
    assertEquals(CallState.ANSWERED, call.state());
    Dialog d = call.firstLeg().dialogs().get(0);
    assertEquals(90, d.sessionExpires());
    // the 200 OK says uas; the callee's UPDATE says uac, meaning itself: still the callee
    assertEquals("uas", d.sessionRefresher());
    assertEquals(90, d.minSe(), "from bob's INVITE: the 200 OK does not repeat it");
    assertEquals(List.of(17L), frames(d.sessionRefreshes()), "one refresh; the proxied 200 OK is its copy");
    assertEquals("UPDATE", d.sessionRefreshes().get(0).method());
    assertEquals(45.0, (d.sessionRefreshes().get(0).timeNanos() - d.confirmed().timeNanos()) / 1e9, 0.1,
        "half the interval after the answer");
    assertFalse(d.endedAtSessionExpiry());
    assertEquals(Party.CALLER, call.hungUpBy());

    Dialog seenByCallee = lab("session-timer", "dave.pcapng").only().firstLeg().dialogs().get(0);
    assertEquals("uas", seenByCallee.sessionRefresher());
    assertEquals(1, seenByCallee.sessionRefreshes().size());
  }

  @Test
  void sessionTimerWithMinSeThroughAB2bua() throws Exception {
    Dialog d = Replay.corpus("sip/sipnab-b2bua-asterisk.pcapng").calls.get(0).firstLeg().dialogs().get(0);
    assertEquals(1800, d.sessionExpires());
    // Asterisk, the callee, answers "refresher=uas" and then refreshes itself with a re-INVITE
    // whose 200 OK says "refresher=uac": the client of that re-INVITE, still the callee
    assertEquals("uas", d.sessionRefresher());
    assertEquals(90, d.minSe());
    assertEquals(List.of(38L), frames(d.sessionRefreshes()));
  }

  @Test
  void callEndingWhenTheSessionExpiresWithoutRefresh() throws Exception {
    // Session-Expires 90: without a refresh the UA gives up 30 s early (a third of 90 < 32 s)
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", "", "Session-Expires: 90", "Supported: timer"));
    w.send(30, B, A, response(200, "OK", "INVITE", "c1", 1, "a", "b", "1", "", "Session-Expires: 90;refresher=uac", "Min-SE: 90"));
    w.send(60_030, A, B, request("BYE", "c1", 2, "a", "b", "2", ""));
    Dialog d = w.finish().calls.get(0).firstLeg().dialogs().get(0);
    assertEquals("uac", d.sessionRefresher());
    assertTrue(d.endedAtSessionExpiry());

    Wire refreshed = new Wire();
    refreshed.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", "", "Session-Expires: 90"));
    refreshed.send(30, B, A, response(200, "OK", "INVITE", "c1", 1, "a", "b", "1", "", "Session-Expires: 90;refresher=uac"));
    refreshed.send(45_000, A, B, request("UPDATE", "c1", 2, "a", "b", "2", "", "Session-Expires: 90;refresher=uac"));
    refreshed.send(45_010, B, A, response(200, "OK", "UPDATE", "c1", 2, "a", "b", "2", "", "Session-Expires: 90;refresher=uac"));
    refreshed.send(60_030, A, B, request("BYE", "c1", 3, "a", "b", "3", ""));
    assertFalse(refreshed.finish().calls.get(0).firstLeg().dialogs().get(0).endedAtSessionExpiry());
  }

  @Test
  void intervalTooSmallIsKeptOnTheLeg() throws Exception {
    Wire w = new Wire();
    w.send(0, A, B, request("INVITE", "c1", 1, "a", "", "1", "", "Session-Expires: 30"));
    w.send(10, B, A, response(422, "Session Interval Too Small", "INVITE", "c1", 1, "a", "b", "1", "", "Min-SE: 90"));
    w.send(20, A, B, request("INVITE", "c1", 2, "a", "", "2", "", "Session-Expires: 90"));
    CallLeg leg = w.finish().calls.get(0).firstLeg();
    assertEquals(1, leg.sessionIntervalTooSmall().size());
    assertEquals(422, leg.sessionIntervalTooSmall().get(0).status());
  }
}
