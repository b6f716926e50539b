package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CALL_DROPS_AFTER_32S: the call is answered and drops about 32 s later. The callee sends its 2xx
 * again and again (RFC 3261 §13.3.1.4, timer G: T1 doubling up to T2) because no ACK reaches it;
 * when timer H (64*T1 = 32 s) fires it gives up and ends the dialog with BYE. The ACK was sent, but
 * to the 2xx's Contact, which the caller side cannot reach (a private address behind NAT, §12.1.2
 * remote target).
 *
 * <p>Judged per capture: in a capture where the 2xx went out at least {@link #MIN_OK_COPIES}
 * times, no ACK was addressed to the address the 2xx came from, and a BYE followed within
 * {@link #MIN_DROP_NANOS}..{@link #MAX_DROP_NANOS} of the first 2xx. A late ACK within timer H
 * stops the retransmissions, and the call then lasts. Catalogue row CALL_DROPS_AFTER_32S
 * (KNOWLEDGE.md §3). Lab: {@code ack-lost-private-contact}.
 */
@RuleSpec(id = "CALL_DROPS_AFTER_32S", severity = Severity.ERROR)
public final class CallDropsAfter32s implements Rule {
  /** Copies of the 2xx that show timer G at work: the first and two retransmissions (1.5 s). */
  static final int MIN_OK_COPIES = 3;

  /** Earliest BYE after the first 2xx that matches timer H (64*T1 = 32 s), minus its jitter. */
  static final long MIN_DROP_NANOS = 28_000_000_000L;

  /** Latest BYE after the first 2xx that matches timer H plus the last retransmission interval. */
  static final long MAX_DROP_NANOS = 40_000_000_000L;

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        if (leg.answer() != null) {
          judge(call, leg, out);
        }
      }
    }
  }

  private void judge(Call call, CallLeg leg, Findings out) {
    Map<String, List<SipEvent>> byInput = new LinkedHashMap<>();
    for (SipEvent e : leg.events()) {
      byInput.computeIfAbsent(e.frame().input(), k -> new ArrayList<>()).add(e);
    }
    List<List<SipEvent>> unacked = new ArrayList<>();
    SipEvent firstOk = null;
    for (List<SipEvent> events : byInput.values()) {
      List<SipEvent> oks = unackedOks(events);
      if (oks != null) {
        unacked.add(oks);
        if (firstOk == null || oks.get(0).timeNanos() < firstOk.timeNanos()) {
          firstOk = oks.get(0);
        }
      }
    }
    if (firstOk == null) {
      return;
    }
    SipEvent bye = null;
    SipEvent ack = null;
    for (SipEvent e : leg.events()) {
      long dt = e.timeNanos() - firstOk.timeNanos();
      if (e.isRequest() && e.method().equals("BYE") && dt >= MIN_DROP_NANOS && dt <= MAX_DROP_NANOS
          && (bye == null || e.timeNanos() < bye.timeNanos())) {
        bye = e;
      }
      if (e.isRequest() && e.method().equals("ACK") && ack == null) {
        ack = e;
      }
    }
    if (bye == null) {
      return;
    }
    long seconds = Math.round((bye.timeNanos() - firstOk.timeNanos()) / 1e9);
    Findings.Builder b = out.add(this, call).title(Parties.caller(call), Parties.callee(call), seconds);
    for (List<SipEvent> oks : unacked) {
      SipEvent first = oks.get(0);
      SipEvent last = oks.get(oks.size() - 1);
      b.evidence(first.frame(), "first_ok", DisplayFilter.callId(leg.callId()),
              first.source(), first.destination())
          .evidence(last.frame(), "ok_repeated", DisplayFilter.callId(leg.callId()) + " && sip.Status-Code == " + last.status(),
              oks.size(), (last.timeNanos() - first.timeNanos()) / 1e9,
              first.source().address().getHostAddress());
    }
    String contact = ack == null ? "" : SignallingUnreachable.requestUri(ack);
    if (ack != null) {
      b.evidence(ack.frame(), "ack_elsewhere", DisplayFilter.frame(ack.frame()),
          ack.source(), ack.destination(), contact);
    }
    b.evidence(bye.frame(), "bye", DisplayFilter.frame(bye.frame()), bye.source(), seconds);
    if (ack != null) {
      b.advice("fix_contact", contact, host(contact));
    }
    b.advice("nat_helper").advice("disable_alg").done();
  }

  /** The host of a SIP URI ({@code sip:alice@192.168.1.10:5060;ob} → {@code 192.168.1.10}, §19.1.1). */
  private static String host(String uri) {
    int start = uri.indexOf('@') + 1;
    if (start == 0) {
      start = uri.indexOf(':') + 1;
    }
    int end = start;
    if (end < uri.length() && uri.charAt(end) == '[') {
      end = Math.max(uri.indexOf(']', end) + 1, end);
    }
    while (end < uri.length() && ":;?>".indexOf(uri.charAt(end)) < 0) {
      end++;
    }
    return uri.substring(start, end);
  }

  /**
   * The copies of the 2xx to the INVITE in one capture, when there are at least {@link
   * #MIN_OK_COPIES} and no ACK in that capture went to the address they came from; else null.
   */
  private static @Nullable List<SipEvent> unackedOks(List<SipEvent> events) {
    List<SipEvent> oks = new ArrayList<>();
    for (SipEvent e : events) {
      if (e.method().equals("INVITE") && e.status() >= 200 && e.status() < 300) {
        oks.add(e);
      }
    }
    if (oks.size() < MIN_OK_COPIES) {
      return null;
    }
    for (SipEvent e : events) {
      if (e.isRequest() && e.method().equals("ACK")
          && e.destination().address().equals(oks.get(0).source().address())) {
        return null;
      }
    }
    return oks;
  }
}
