package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.RegisterAttempt;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * NAT_BINDING_EXPIRED: the phone is registered, but incoming calls never ring. The registrar
 * stored the public address the REGISTER came from (RFC 3581 rport, or a NAT helper); the NAT
 * forgets that UDP mapping after its timeout, so an INVITE sent there later is dropped: it is
 * retransmitted (timer A, RFC 3261 §17.1.1.2) with no answer, and the caller gets 408 or 480.
 * Also: a registration whose refreshes come from the same address but a new source port (the NAT
 * made a new mapping, so the old one had expired).
 *
 * <p>Signature: an INVITE whose Request-URI is a registered Contact, sent at least {@link
 * #MIN_IDLE_NANOS} after that contact's last successful REGISTER, retransmitted at least {@link
 * #MIN_RETRANSMISSIONS} times and never answered by the contact. The cause is inferred from the
 * timing (the NAT itself is not in the capture), hence a warning. Catalogue row NAT_BINDING_EXPIRED
 * (KNOWLEDGE.md §3). Lab: {@code nat-binding-expired}.
 */
@RuleSpec(id = "NAT_BINDING_EXPIRED", severity = Severity.WARNING)
public final class NatBindingExpired implements Rule {
  /**
   * Idle time after the REGISTER beyond which a NAT may have dropped the mapping: the shortest UDP
   * timeouts in use are about 10 s (a tuned Linux conntrack); many routers use 30 s.
   */
  static final long MIN_IDLE_NANOS = 10_000_000_000L;

  /** Retransmissions showing the INVITE went unanswered, not just late (timer A: 0.5 s, 1.5 s). */
  static final int MIN_RETRANSMISSIONS = 2;

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        for (Transaction t : leg.setupAttempts()) {
          if (t.responses().isEmpty() && t.requestRetransmissions() >= MIN_RETRANSMISSIONS) {
            judge(call, leg, t, incident.registrations(), out);
          }
        }
      }
    }
    for (Registration r : incident.registrations()) {
      judgeNewPort(r, out);
    }
  }

  private void judge(
      Call call, CallLeg leg, Transaction t, List<Registration> registrations, Findings out) {
    String uri = SignallingUnreachable.requestUri(t.request());
    for (Registration r : registrations) {
      SipEvent ok = lastOkBefore(r, t.request().timeNanos());
      if (!uri.equals(r.contact()) || ok == null) {
        continue;
      }
      long idle = t.request().timeNanos() - ok.timeNanos();
      if (idle < MIN_IDLE_NANOS) {
        continue;
      }
      long seconds = idle / 1_000_000_000L;
      Findings.Builder b = out.add(this, call)
          .title(r.aor(), t.request().destination().hostPort(), seconds)
          .evidence(ok.frame(), "registered", DisplayFilter.callId(r.callId()), r.aor(),
              ok.destination());
      // the first copy of the INVITE in each capture, so each capture shows where it went
      Set<String> inputs = new HashSet<>();
      for (SipEvent e : leg.events()) {
        if (e.isRequest()
            && e.method().equals("INVITE")
            && uri.equals(SignallingUnreachable.requestUri(e))
            && inputs.add(e.frame().input())) {
          b.evidence(e.frame(), "invite_unanswered", DisplayFilter.callId(leg.callId()),
              e.source(), e.destination(), seconds, t.requestRetransmissions());
        }
      }
      SipEvent timeout = leg.invite() == t.request() ? null : finalTimeout(leg);
      if (timeout != null) {
        b.evidence(timeout.frame(), "caller_told", DisplayFilter.frame(timeout.frame()),
            timeout.destination(), timeout.firstLine());
      }
      b.advice("keepalive", seconds).advice("register_interval").advice("use_tcp").done();
      return;
    }
  }

  private void judgeNewPort(Registration r, Findings out) {
    List<Registration.SourceSeen> sources = r.sources();
    for (int i = 1; i < sources.size(); i++) {
      Registration.SourceSeen before = sources.get(i - 1);
      Registration.SourceSeen now = sources.get(i);
      if (before.source().address().equals(now.source().address())
          && before.source().port() != now.source().port()) {
        out.add(this, r.aor())
            .title(r.aor(), before.source().hostPort(),
                (now.first().timeNanos() - before.first().timeNanos()) / 1_000_000_000L)
            .evidence(before.first().frame(), "first_port", DisplayFilter.callId(r.callId()), before.source())
            .evidence(now.first().frame(), "new_port", DisplayFilter.frame(now.first().frame()),
                now.source(), before.source().port())
            .advice("keepalive", (now.first().timeNanos() - before.first().timeNanos()) / 1_000_000_000L)
            .advice("register_interval")
            .advice("use_tcp")
            .done();
        return;
      }
    }
  }

  private static @Nullable SipEvent lastOkBefore(Registration r, long nanos) {
    SipEvent ok = null;
    for (RegisterAttempt a : r.attempts()) {
      SipEvent response = a.response();
      if (response != null && a.status() >= 200 && a.status() < 300 && a.expiresGranted() != 0
          && response.timeNanos() < nanos) {
        ok = response;
      }
    }
    return ok;
  }

  /** The 408 or 480 the caller got on the leg's own setup, or null. */
  private static @Nullable SipEvent finalTimeout(CallLeg leg) {
    for (Transaction t : leg.setupAttempts()) {
      if (t.finalStatus() == 408 || t.finalStatus() == 480) {
        return t.finalResponse();
      }
    }
    return null;
  }
}
