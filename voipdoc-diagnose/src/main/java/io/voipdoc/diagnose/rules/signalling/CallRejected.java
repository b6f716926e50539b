package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.correlate.sip.ReasonSeen;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Rules;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.Term;
import io.voipdoc.diagnose.rules.Parties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CALL_REJECTED: a call failed in a way no failure pattern explains, and voipdoc says what its
 * final status means. This ID is voipdoc's own, not a row of the failure catalogue (KNOWLEDGE.md
 * §3): without it, a call that plainly failed (404 Not Found, 403 after a digest challenge, 408,
 * 5xx, busy, declined) left the report empty.
 *
 * <p>One finding per call, or per group of calls that failed alike, that was rejected (a final response 3xx..6xx to the caller's INVITE,
 * RFC 3261 §21.3-§21.6) or timed out (no final response within timer B, §17.1.1.2); a call the
 * caller cancelled, and an answered one, is no failure. The caller's INVITE is the last one it
 * sent that got a final response: a proxy that keeps the Call-ID puts its own INVITE to the next
 * hop in the same leg. The finding names the final status the caller
 * saw and the address that sent it; when a proxy passed the response on, the earlier response
 * with the same status names the server that decided. Evidence: the INVITE (display filter by
 * Call-ID), a digest challenge before (401/407, §22.2), the ringing or trying response, the final
 * response, and its Reason header (RFC 3326: a SIP status or a Q.850 cause, the common Q.850
 * causes explained in words) when it has one.
 *
 * <p>Severity: information where a person or the callee's state ended the call (480, 486, 600,
 * 603: nothing to fix); a warning for everything else, which points at configuration or the
 * network (403, 404, 401/407 without a successful retry, 408, 5xx, 604, other 4xx, 3xx not
 * followed, no final response).
 *
 * <p>A call another rule already reports is left to it: this rule runs last ({@link Rules#ALL}
 * lists it at the end) and reads the findings made so far: their Call-IDs (capture-quality
 * findings aside, which say nothing about why a call failed), the source addresses of
 * TOLL_FRAUD_SCAN findings (every refused try of a scanner would otherwise be a finding of its
 * own), and the destinations of SIGNALLING_UNREACHABLE findings. Run on its own, it reports every
 * failed call.
 */
@RuleSpec(id = "CALL_REJECTED", severity = Severity.WARNING)
public final class CallRejected implements Rule {
  /** The subject of a TOLL_FRAUD_SCAN finding is the scanner's address. */
  private static final String TOLL_FRAUD_SCAN = "TOLL_FRAUD_SCAN";

  /** The subject of a SIGNALLING_UNREACHABLE finding is the unreachable endpoint. */
  private static final String SIGNALLING_UNREACHABLE = "SIGNALLING_UNREACHABLE";

  /**
   * The Q.850 cause values (ITU-T Q.850 Table 1) that gateways and carriers put in Reason headers
   * most, which the evidence explains in words ({@code CALL_REJECTED.term.q850_<cause>}).
   */
  static final Set<Integer> Q850_MEANINGS =
      Set.of(1, 3, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 31, 34, 38, 41, 42, 44, 47, 50, 55, 57,
          58, 63, 65, 69, 79, 88, 102, 111, 127);

  /** Final statuses a person or the callee's state caused (RFC 3261 §21.4.18, §21.4.24, §21.6). */
  private static final Set<Integer> CALLEE_STATE = Set.of(480, 486, 600, 603);

  @Override
  public void judge(Incident incident, Findings out) {
    Set<String> reported = new HashSet<>();
    Set<String> scanners = new HashSet<>();
    Set<String> unreachable = new HashSet<>();
    for (Finding f : out.all()) {
      if (f.id().startsWith(Diagnoser.CAPTURE_PREFIX)) {
        continue;
      }
      reported.addAll(f.callIds());
      if (f.id().equals(TOLL_FRAUD_SCAN)) {
        scanners.add(f.subject());
      } else if (f.id().equals(SIGNALLING_UNREACHABLE)) {
        unreachable.add(f.subject());
      }
    }
    Map<String, List<Failure>> alike = new LinkedHashMap<>();
    for (Call call : incident.calls()) {
      Transaction last = callerAttempt(call.firstLeg());
      if (last != null && failed(call, last) && !explained(call, reported, scanners, unreachable)) {
        Failure f = Failure.of(call, last);
        alike.computeIfAbsent(f.status() + " " + f.sender() + " " + (f.challenged() != null),
            k -> new ArrayList<>()).add(f);
      }
    }
    for (List<Failure> group : alike.values()) {
      report(group, out);
    }
  }

  /**
   * One failed call: the attempt the caller saw, its final response (null when none came), the
   * response of the server that decided, its status (-1 without one), that server's address, and
   * the digest challenge before the attempt, if any.
   */
  private record Failure(
      Call call, Transaction last, @Nullable SipEvent seen, @Nullable SipEvent decided, int status,
      String sender, @Nullable Transaction challenged) {

    static Failure of(Call call, Transaction last) {
      SipEvent seen = last.finalResponse();
      SipEvent decided = seen == null ? null : CallRejected.decided(call, seen);
      String sender = decided != null
          ? decided.source().address().getHostAddress()
          : last.request().destination().address().getHostAddress();
      return new Failure(call, last, seen, decided, seen == null ? -1 : seen.status(), sender,
          CallRejected.challenge(call.firstLeg(), last));
    }
  }

  /**
   * Whether the call failed as the caller saw it: {@code last} was refused (3xx..6xx, but not the
   * 487 of a cancelled INVITE, §9.1), or it timed out. The leg's own state follows its last
   * attempt, which for a proxy that keeps the Call-ID is the proxy's INVITE to the next hop; that
   * one may still be open when the caller already got the proxy's 408.
   */
  private static boolean failed(Call call, Transaction last) {
    if (call.answeredLeg() != null || last.cancel() != null) {
      return false;
    }
    int status = last.finalStatus();
    if (status >= 0) {
      return status >= 300 && status != 487;
    }
    return call.state() == CallState.TIMED_OUT;
  }

  private static boolean explained(
      Call call, Set<String> reported, Set<String> scanners, Set<String> unreachable) {
    for (String id : call.callIds()) {
      if (reported.contains(id)) {
        return true;
      }
    }
    if (scanners.contains(call.firstLeg().invite().source().address().getHostAddress())) {
      return true;
    }
    for (CallLeg leg : call.legs()) {
      for (Transaction t : leg.setupAttempts()) {
        if (unreachable.contains(t.request().destination().toString())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * One finding for calls that failed alike (same status, same deciding server, both challenged or
   * neither): a load test or a misconfigured trunk fails hundreds of calls the same way, and one
   * finding with the first call as its example says it better than hundreds. The finding lists
   * the Call-IDs of all of them.
   */
  private void report(List<Failure> group, Findings out) {
    Failure first = group.get(0);
    Call call = first.call();
    Transaction last = first.last();
    SipEvent invite = last.request();
    SipEvent seen = first.seen();
    SipEvent decided = first.decided();
    int status = first.status();
    String sender = first.sender();
    Findings.Builder b;
    if (group.size() == 1) {
      b = out.add(this, call);
    } else {
      List<String> callIds = new ArrayList<>();
      group.forEach(f -> callIds.addAll(f.call().callIds()));
      b = out.add(this, "calls " + sender + " " + status).callIds(callIds).titleVariant("calls");
    }
    b.title(Parties.caller(call), Parties.callee(call), sender,
        seen == null ? new Term("no_final") : statusText(seen), group.size());
    Transaction challenged = first.challenged();
    if (challenged != null) {
      SipEvent c = challenged.finalResponse();
      b.evidence(c.frame(), "challenge", DisplayFilter.frame(c.frame()),
          c.source(), statusText(c), attempts(call.firstLeg(), last));
    }
    b.evidence(invite.frame(), "invite", DisplayFilter.callId(invite.callId()),
        invite.source(), invite.destination());
    SipEvent progress = progress(last);
    if (progress != null) {
      b.evidence(progress.frame(), "provisional", DisplayFilter.frame(progress.frame()),
          progress.source(), statusText(progress), millis(progress, invite));
    }
    if (seen == null) {
      b.evidence(null, "no_final", DisplayFilter.callId(invite.callId()),
          invite.destination(), last.requestRetransmissions() + 1);
    } else {
      if (decided != seen) {
        b.evidence(decided.frame(), "decided", DisplayFilter.frame(decided.frame()),
            decided.source(), statusText(decided), decided.destination());
      }
      b.evidence(seen.frame(), "final", DisplayFilter.frame(seen.frame()),
          seen.source(), statusText(seen), millis(seen, invite));
      ReasonSeen reason = reason(call, seen, decided);
      if (reason != null) {
        SipEvent r = reason.event();
        if (reason.text().isEmpty() && reason.protocol().equalsIgnoreCase("Q.850")
            && Q850_MEANINGS.contains(reason.cause())) {
          b.evidence(r.frame(), "reason_q850", DisplayFilter.frame(r.frame()),
              reason.cause(), new Term("q850_" + reason.cause()));
        } else if (reason.text().isEmpty()) {
          b.evidence(r.frame(), "reason", DisplayFilter.frame(r.frame()),
              reason.protocol(), reason.cause());
        } else {
          b.evidence(r.frame(), "reason_text", DisplayFilter.frame(r.frame()),
              reason.protocol(), reason.cause(), reason.text());
        }
      }
    }
    if (group.size() > 1) {
      Failure end = group.get(group.size() - 1);
      SipEvent shown = end.seen() != null ? end.seen() : end.last().request();
      b.evidence(shown.frame(), end.seen() != null ? "more_calls" : "more_calls_unanswered",
          alike(first), group.size() - 1, sender);
    }
    if (CALLEE_STATE.contains(status)) {
      b.severity(Severity.INFO);
    }
    advise(b, status, challenged != null, sender, Parties.callee(call));
    b.done();
  }

  /**
   * The messages of all calls of a group: the final responses with this status from the deciding
   * server, or the INVITEs to it that got none.
   */
  private static String alike(Failure f) {
    String ip = f.sender().indexOf(':') >= 0 ? "ipv6" : "ip";
    return f.seen() == null
        ? "sip.Method == \"INVITE\" && " + ip + ".dst == " + f.sender()
        : "sip.Status-Code == " + f.status() + " && sip.CSeq.method == \"INVITE\" && " + ip + ".src == "
            + f.sender();
  }

  /** Advice in plain words for the status class; {@code status} -1 when no final response came. */
  private static void advise(
      Findings.Builder b, int status, boolean challenged, String sender, String callee) {
    if (status < 0 || status == 408) {
      b.advice("no_answer", sender, callee).advice("check_next_hop", sender);
    } else if (status < 400) {
      b.advice("redirected", sender);
    } else if (status == 401 || status == 407) {
      b.advice("credentials_missing", sender);
    } else if (status == 403 && challenged) {
      b.advice("credentials_refused", sender);
    } else if (status == 403) {
      b.advice("forbidden", sender);
    } else if (status == 404 || status == 484 || status == 604) {
      b.advice("unknown_number", callee, sender).advice("check_dial_plan", sender);
    } else if (status == 480) {
      b.advice("unavailable", callee);
    } else if (status == 486 || status == 600) {
      b.advice("busy", callee);
    } else if (status == 603) {
      b.advice("declined", callee);
    } else if (status == 503) {
      b.advice("service_unavailable", sender).advice("check_server_log", sender);
    } else if (status >= 500 && status < 600) {
      b.advice("server_error", sender).advice("check_server_log", sender);
    } else {
      b.advice("request_refused", sender).advice("check_server_log", sender);
    }
  }

  /**
   * The setup attempt whose outcome the caller saw: the last INVITE the caller sent that got a
   * final response. Where a proxy keeps the Call-ID, the leg also holds the proxy's INVITEs to
   * the next hop, which are not what the caller saw; without a final response to the caller
   * (the capture holds only the next hop, or nothing answered), the leg's last attempt.
   */
  private static @Nullable Transaction callerAttempt(CallLeg leg) {
    List<Transaction> attempts = leg.setupAttempts();
    Transaction last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    for (Transaction t : attempts) {
      if (t.finalResponse() != null && t.request().source().equals(leg.caller())) {
        last = t;
      }
    }
    return last;
  }

  /** How many INVITEs the sender of {@code last} sent to set up the call, retries included. */
  private static int attempts(CallLeg leg, Transaction last) {
    int n = 0;
    for (Transaction t : leg.setupAttempts()) {
      if (t.request().source().equals(last.request().source())) {
        n++;
      }
    }
    return n;
  }

  /**
   * The earliest final response with the status the caller saw, on any leg: where a proxy or a
   * B2BUA passed the response on, the earliest is the one of the server that decided.
   */
  private static SipEvent decided(Call call, SipEvent seen) {
    SipEvent first = seen;
    for (CallLeg leg : call.legs()) {
      for (Transaction t : leg.setupAttempts()) {
        SipEvent f = t.finalResponse();
        if (f != null && f.status() == seen.status() && f.timeNanos() < first.timeNanos()) {
          first = f;
        }
      }
    }
    return first;
  }

  /**
   * The first digest challenge (401 or 407, RFC 3261 §22.2) to an INVITE of the same sender
   * before {@code last}, or null: {@code last} then carried credentials.
   */
  private static @Nullable Transaction challenge(CallLeg leg, Transaction last) {
    for (Transaction t : leg.setupAttempts()) {
      if (t == last) {
        return null;
      }
      if ((t.finalStatus() == 401 || t.finalStatus() == 407)
          && t.request().source().equals(last.request().source())) {
        return t;
      }
    }
    return null;
  }

  /** The first 180 or 183 to the attempt, else its first provisional response, or null. */
  private static @Nullable SipEvent progress(Transaction t) {
    for (SipEvent r : t.responses()) {
      if (r.status() == 180 || r.status() == 183) {
        return r;
      }
    }
    return t.firstProvisional();
  }

  /** The Reason header of the final response the caller saw, else of the one that decided. */
  private static @Nullable ReasonSeen reason(Call call, SipEvent seen, SipEvent decided) {
    ReasonSeen atDecided = null;
    for (ReasonSeen r : call.reasons()) {
      if (r.event().frame().equals(seen.frame())) {
        return r;
      }
      if (atDecided == null && r.event().frame().equals(decided.frame())) {
        atDecided = r;
      }
    }
    return atDecided;
  }

  /** A response's status code and reason phrase, e.g. {@code 404 Not Found}. */
  private static String statusText(SipEvent response) {
    String line = response.firstLine();
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(space + 1).strip();
  }

  private static long millis(SipEvent later, SipEvent earlier) {
    return (later.timeNanos() - earlier.timeNanos()) / 1_000_000;
  }
}
