package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import org.jspecify.annotations.Nullable;

/**
 * ACL_REJECTED_403: the call fails at once. The INVITE that sets up the call is answered 403
 * Forbidden (RFC 3261 §21.4.4) with no 180 Ringing or 183 Session Progress before it (a 100
 * Trying may come first, §17.2.1): the server refused the sender before trying to reach anyone,
 * which is what an access list on the source address does (the log line {@code Rejected by acl} of
 * FreeSWITCH-based controllers, kamailio's {@code allow_source_address}).
 *
 * <p>A 403 that answers the retry with credentials after a 401/407 challenge is about the
 * credentials, not the address, and is not reported. Catalogue row ACL_REJECTED_403 (KNOWLEDGE.md
 * §3, "ACL semantics"). Lab: {@code acl-rejected-403}.
 */
@RuleSpec(id = "ACL_REJECTED_403", severity = Severity.ERROR)
public final class AclRejected403 implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      if (call.answeredLeg() != null) {
        continue;
      }
      Transaction refused = firstRefusal(call);
      if (refused == null || refused.finalResponse() == null) {
        continue;
      }
      SipEvent invite = refused.request();
      SipEvent forbidden = refused.finalResponse();
      String sender = invite.source().address().getHostAddress();
      out.add(this, call)
          .title(call.from(), call.to(), sender)
          .evidence(invite.frame(), "invite", DisplayFilter.callId(invite.callId()),
              invite.source(), invite.destination())
          .evidence(forbidden.frame(), "forbidden", DisplayFilter.frame(forbidden.frame()),
              forbidden.source(), forbidden.firstLine(), refused.finalDelayNanos() / 1_000_000)
          .advice("whitelist", sender, forbidden.source().address().getHostAddress())
          .advice("check_log", sender)
          .advice("whitelist_specific")
          .done();
    }
  }

  /**
   * The earliest 403 that refused a first setup attempt without ringing: when a proxy relays the
   * 403, the earliest is the one from the server that decided.
   */
  private static @Nullable Transaction firstRefusal(Call call) {
    Transaction first = null;
    for (CallLeg leg : call.legs()) {
      if (leg.ringing() != null) {
        return null;
      }
      for (Transaction t : leg.setupAttempts()) {
        if (t.finalStatus() == 401 || t.finalStatus() == 407) {
          // a digest exchange: a later 403 judges the credentials
          break;
        }
        SipEvent f = t.finalResponse();
        if (t.finalStatus() == 403 && f != null
            && (first == null || f.timeNanos() < first.finalResponse().timeNanos())) {
          first = t;
        }
      }
    }
    return first;
  }
}
