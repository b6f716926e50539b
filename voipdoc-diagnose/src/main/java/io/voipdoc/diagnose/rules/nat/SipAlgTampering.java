package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.points.SipChange;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SIP_ALG_TAMPERING: a router or firewall with a SIP ALG ("SIP helper") rewrites SIP content in
 * flight; the symptoms are odd: registrations that flap, one-way audio, calls that fail only
 * behind that router.
 *
 * <p>Signature: the same request, that is the same Call-ID, CSeq and top Via branch (RFC 3261
 * §8.1.1.7, §17.2.3: a proxy that forwards it adds its own Via with a new branch, so a match is
 * the same hop), is seen at two capture points with a different top Via sent-by (§20.42), Contact
 * (§20.10) or SDP origin, connection or media line (RFC 8866 §5.2, §5.7, §5.14). The capture
 * points are compared in the correlation stage ({@link SipChange}); the copy seen first (after
 * correcting the clock offset between the points) is what the sender wrote, the later copy shows
 * the rewrite. A NAT that only changes IP and UDP headers leaves the SIP text alone, and a
 * NAT-aware proxy rewrites on its own hop with its own Via, so neither matches. Responses are
 * rewritten back by the same ALG; the requests are enough to show it. Checks inside one capture
 * (Content-Length against the body, public SDP with a private Via) are not made here.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, SIP_ALG_TAMPERING. Lab: {@code lab/sip-alg-tampering}.
 */
@RuleSpec(id = "SIP_ALG_TAMPERING", severity = Severity.ERROR)
public final class SipAlgTampering implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      Map<List<Object>, List<SipChange>> perMessage = new LinkedHashMap<>();
      for (SipChange c : incident.capturePoints().sipChanges()) {
        if (c.isRequest() && call.callIds().contains(c.callId())) {
          perMessage.computeIfAbsent(List.of(c.atFrom(), c.atTo()), k -> new ArrayList<>()).add(c);
        }
      }
      if (perMessage.isEmpty()) {
        continue;
      }
      SipChange first = perMessage.values().iterator().next().get(0);
      Findings.Builder f = out.add(this, call).title(call.from(), call.to(), first.from(), first.to());
      for (List<SipChange> changes : perMessage.values()) {
        SipChange m = changes.get(0);
        String filter = "sip.Call-ID == \"" + m.callId() + "\" && sip.Via.branch == \""
            + m.viaBranch() + "\"";
        f.evidence(m.atTo(), "rewritten", filter, m.method(), m.to(), m.from());
        for (SipChange c : changes) {
          f.evidence(m.atTo(), "changed", filter, c.field(), String.valueOf(c.before()),
              String.valueOf(c.after()));
        }
        f.evidence(m.atFrom(), "original", filter, m.method(), m.from());
      }
      f.advice("disable_alg").advice("vendor_switch").advice("use_tls").advice("check_again")
          .done();
    }
  }
}
