package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogEventKind;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclVerdict;
import io.voipdoc.diagnose.rules.Parties;
import java.util.List;
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
 *
 * <p>With the controller's log, the rejection line for the sender near the 403 is cited and its
 * access list named. With the access list ({@code --acl}), the verdict for the sender is cited with
 * the entry that decided it (or the whitelist's default when no entry contains the sender).
 */
@RuleSpec(id = "ACL_REJECTED_403", severity = Severity.ERROR)
public final class AclRejected403 implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    judge(incident, DiagnosisContext.NONE, out);
  }

  @Override
  public void judge(Incident incident, DiagnosisContext context, Findings out) {
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
      Findings.Builder b =
          out.add(this, call)
              .title(Parties.caller(call), Parties.callee(call), sender)
              .evidence(invite.frame(), "invite", DisplayFilter.callId(invite.callId()),
                  invite.source(), invite.destination())
              .evidence(forbidden.frame(), "forbidden", DisplayFilter.frame(forbidden.frame()),
                  forbidden.source(), forbidden.firstLine(), refused.finalDelayNanos() / 1_000_000);
      List<LogTimeline.Placed> logged =
          context.logs().near(LogEventKind.ACL_REJECTED, sender, -1, forbidden.timeNanos());
      String aclName = null;
      if (!logged.isEmpty()) {
        LogTimeline.Placed p = logged.get(0);
        aclName = p.event().acl();
        b.lineEvidence(p.line(), "log_rejected", sender, aclName);
      }
      Acl acl = context.acl();
      AclVerdict verdict = acl == null ? null : acl.evaluate(sender);
      if (acl != null && verdict != null) {
        aclEvidence(b, acl, verdict);
      }
      b.advice("whitelist", sender, forbidden.source().address().getHostAddress());
      if (aclName != null) {
        b.advice("change_named_acl", aclName, sender);
      } else if (verdict == null) {
        b.advice("check_log", sender);
      }
      b.advice("whitelist_specific").done();
    }
  }

  private static void aclEvidence(Findings.Builder b, Acl acl, AclVerdict v) {
    String name = AclLines.name(acl);
    switch (v.reason()) {
      case BLACKLISTED -> b.lineEvidence(AclLines.of(acl, v.entry()), "acl_blacklisted", v.address(), name, v.entry());
      case NOT_WHITELISTED -> b.evidence(null, "acl_not_whitelisted", "", v.address(), name);
      default -> {
        // the list given lets the sender pass: the controller applies another list, or an older one
        if (v.entry() != null) {
          b.lineEvidence(AclLines.of(acl, v.entry()), "acl_allows", v.address(), name, v.entry());
        } else {
          b.evidence(null, "acl_allows_default", "", v.address(), name);
        }
      }
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
