package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogEventKind;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.media.IceCandidate;
import io.voipdoc.correlate.media.IceSession;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ACL_CANDIDATES_488: the call fails at once. The controller answers the INVITE with 100 Trying and
 * then 488 Not Acceptable Here (RFC 3261 §21.4.26) because every ICE candidate of the offer (RFC
 * 8839 §5.1) falls into a blacklisted range or outside the whitelist of its candidate access list:
 * there is no address left it may send media to.
 *
 * <p>A 488 alone usually means no common codec ({@link SdpRejected488}). This rule claims the call
 * only when something shows the codecs were not the problem, in this order:
 *
 * <ol>
 *   <li>the access list ({@code --acl}) blocks every offered candidate: each is cited with the
 *       entry that blocks it;
 *   <li>the controller's log rejects an offered candidate near the 488;
 *   <li>the 488 lists the controller's codecs and they share one with the offer.
 * </ol>
 *
 * Catalogue row ACL_CANDIDATES_488 (KNOWLEDGE.md §3, "ACL semantics"). Lab:
 * {@code acl-candidates-488}.
 */
@RuleSpec(id = "ACL_CANDIDATES_488", severity = Severity.ERROR)
public final class AclCandidates488 implements Rule {

  /**
   * The refused setup of a call this rule explains, and how.
   *
   * @param refused the INVITE transaction answered 488 after 100
   * @param candidates the caller's offered candidates
   * @param verdicts the access list's verdict per candidate address, empty unless it blocks all
   * @param logged per candidate address, the first log line rejecting it
   * @param commonCodecs codecs both the offer and the 488 list
   */
  record Refusal(
      Transaction refused,
      List<IceCandidate> candidates,
      List<AclVerdict> verdicts,
      List<LogTimeline.Placed> logged,
      List<String> commonCodecs) {}

  @Override
  public void judge(Incident incident, Findings out) {
    judge(incident, DiagnosisContext.NONE, out);
  }

  @Override
  public void judge(Incident incident, DiagnosisContext context, Findings out) {
    for (Call call : incident.calls()) {
      Refusal r = refusal(call, incident, context);
      if (r != null) {
        report(call, r, context.acl(), out);
      }
    }
  }

  /** What shows that the candidates, not the codecs, made the call fail; null when nothing does. */
  static @Nullable Refusal refusal(Call call, Incident incident, DiagnosisContext context) {
    if (call.answeredLeg() != null) {
      return null;
    }
    IceSession ice = incident.iceOf(call);
    if (ice == null) {
      return null;
    }
    List<IceCandidate> offered = new ArrayList<>();
    for (IceCandidate c : ice.candidates(true)) {
      if (!c.learned()) {
        offered.add(c);
      }
    }
    Transaction refused = refusedAfterTrying(call);
    if (offered.isEmpty() || refused == null) {
      return null;
    }
    SipEvent response = refused.finalResponse();
    // RTP and RTCP candidates share addresses: one verdict and one log line per address
    Set<String> addresses = new LinkedHashSet<>();
    for (IceCandidate c : offered) {
      addresses.add(c.address());
    }
    List<AclVerdict> verdicts = new ArrayList<>();
    Acl acl = context.acl();
    if (acl != null) {
      for (String a : addresses) {
        AclVerdict v = acl.evaluate(a);
        if (v != null) {
          verdicts.add(v);
        }
      }
    }
    boolean allBlocked =
        !verdicts.isEmpty() && verdicts.size() == addresses.size() && verdicts.stream().noneMatch(AclVerdict::allowed);
    List<LogTimeline.Placed> logged = new ArrayList<>();
    for (String a : addresses) {
      List<LogTimeline.Placed> near =
          context.logs().near(LogEventKind.CANDIDATE_REJECTED, a, -1, response.timeNanos());
      if (!near.isEmpty()) {
        logged.add(near.stream().min(Comparator.comparingLong(p -> p.line().number())).orElseThrow());
      }
    }
    List<String> common = new ArrayList<>();
    if (response.sdp() != null && refused.request().sdp() != null) {
      for (String c : capabilities(response.sdp())) {
        for (String o : SdpRejected488.codecs(refused.request().sdp())) {
          if (o.equalsIgnoreCase(c) && !common.contains(o)) {
            common.add(o);
          }
        }
      }
    }
    if (acl != null && !allBlocked) {
      // the list given lets a candidate through: it does not explain the 488
      return null;
    }
    if (!allBlocked && logged.isEmpty() && common.isEmpty()) {
      return null;
    }
    return new Refusal(refused, offered, allBlocked ? verdicts : List.of(), logged, common);
  }

  /**
   * The codecs a response lists as what its sender supports. Unlike an offer's, its streams are
   * read with port 0 too: RFC 3264 §9 describes capabilities with port 0.
   */
  private static List<String> capabilities(String summary) {
    List<String> out = new ArrayList<>();
    for (String stream : summary.split("; ")) {
      String[] parts = stream.split(" ");
      if (parts.length >= 3) {
        for (String c : parts[2].split(",")) {
          if (!c.equals("…") && !c.isEmpty()) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  /** The first setup attempt answered 100 Trying and then 488. */
  private static @Nullable Transaction refusedAfterTrying(Call call) {
    for (CallLeg leg : call.legs()) {
      for (Transaction t : leg.setupAttempts()) {
        if (t.finalStatus() != 488 || t.finalResponse() == null) {
          continue;
        }
        for (SipEvent r : t.responses()) {
          if (r.status() == 100) {
            return t;
          }
        }
      }
    }
    return null;
  }

  private void report(Call call, Refusal r, @Nullable Acl acl, Findings out) {
    SipEvent invite = r.refused().request();
    SipEvent rejected = r.refused().finalResponse();
    String controller = rejected.source().address().getHostAddress();
    Set<String> addresses = new LinkedHashSet<>();
    List<String> listed = new ArrayList<>();
    for (IceCandidate c : r.candidates()) {
      addresses.add(c.address());
      listed.add(c.hostPort() + " " + c.type());
    }
    Findings.Builder b =
        out.add(this, call)
            .title(Parties.caller(call), Parties.callee(call), controller)
            .evidence(invite.frame(), "offer", DisplayFilter.callId(invite.callId()),
                invite.source(), invite.destination(), String.join(", ", listed))
            .evidence(rejected.frame(), "rejected", DisplayFilter.frame(rejected.frame()),
                rejected.source(), rejected.firstLine(), r.refused().finalDelayNanos() / 1_000_000);
    if (!r.commonCodecs().isEmpty()) {
      b.evidence(rejected.frame(), "codecs_match", DisplayFilter.frame(rejected.frame()),
          rejected.source(), String.join(", ", r.commonCodecs()));
    }
    for (LogTimeline.Placed p : r.logged()) {
      b.lineEvidence(p.line(), "log_rejected", p.event().address(), p.event().acl());
    }
    Set<String> entries = new LinkedHashSet<>();
    for (AclVerdict v : r.verdicts()) {
      if (acl == null) {
        break;
      }
      if (v.entry() != null) {
        b.lineEvidence(AclLines.of(acl, v.entry()), "candidate_blacklisted", v.address(), AclLines.name(acl), v.entry());
        entries.add(v.entry().toString());
      } else {
        b.evidence(null, "candidate_not_whitelisted", "", v.address(), AclLines.name(acl));
        entries.add("whitelist");
      }
    }
    if (!entries.isEmpty()) {
      b.advice("change_entries", String.join(", ", entries), String.join(", ", addresses));
    } else {
      b.advice("check_candidate_acl", controller, String.join(", ", addresses));
    }
    b.advice("allow_public_candidate").advice("fewer_entries").done();
  }
}
