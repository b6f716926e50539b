package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SIP_ALG_TAMPERING: a router or firewall with a SIP ALG ("SIP helper") rewrites SIP content in
 * flight; the symptoms are odd: registrations that flap, one-way audio, calls that fail only
 * behind that router.
 *
 * <p>Signature: the same request, that is the same Call-ID, CSeq and top Via branch (RFC 3261
 * §8.1.1.7, §17.2.3: a proxy that forwards it adds its own Via with a new branch, so a match is
 * the same hop), is seen at two capture points with a different top Via sent-by (§20.42), Contact
 * (§20.10) or SDP connection address and port (RFC 8866 §5.7, §5.14). The earlier copy is what the
 * sender wrote; the later copy shows the rewrite. A NAT that only changes IP and UDP headers
 * leaves the SIP text alone, and a NAT-aware proxy rewrites on its own hop with its own Via, so
 * neither matches. Checks inside one capture (Content-Length against the body, public SDP with a
 * private Via) are not made here.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, SIP_ALG_TAMPERING. Lab: {@code lab/sip-alg-tampering}.
 */
@RuleSpec(id = "SIP_ALG_TAMPERING", severity = Severity.ERROR)
public final class SipAlgTampering implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      Findings.Builder f = null;
      for (CallLeg leg : call.legs()) {
        for (List<SipEvent> copies : copiesPerRequest(leg).values()) {
          SipEvent before = copies.get(0);
          for (SipEvent after : copies.subList(1, copies.size())) {
            List<String[]> changes = changes(before, after);
            if (changes.isEmpty()) {
              continue;
            }
            if (f == null) {
              f = out.add(this, call)
                  .title(call.from(), call.to(), before.frame().input(), after.frame().input());
            }
            String filter = "sip.Call-ID == \"" + after.callId() + "\" && sip.Via.branch == \""
                + after.viaBranch() + "\"";
            f.evidence(after.frame(), "rewritten", filter, after.method(),
                after.frame().input(), before.frame().input());
            for (String[] c : changes) {
              f.evidence(after.frame(), "changed", filter, c[0], c[1], c[2]);
            }
            f.evidence(before.frame(), "original", filter, before.method(),
                before.frame().input());
          }
        }
      }
      if (f != null) {
        f.advice("disable_alg").advice("vendor_switch").advice("use_tls").advice("check_again")
            .done();
      }
    }
  }

  /**
   * The first copy of each request per capture input, earliest first, for requests seen at more
   * than one input.
   */
  private static Map<String, List<SipEvent>> copiesPerRequest(CallLeg leg) {
    Map<String, List<SipEvent>> byRequest = new LinkedHashMap<>();
    for (SipEvent e : leg.events()) {
      if (!e.isRequest() || e.viaBranch() == null) {
        continue;
      }
      String key = e.callId() + "|" + e.cseq() + "|" + e.method() + "|" + e.viaBranch();
      List<SipEvent> copies = byRequest.computeIfAbsent(key, k -> new ArrayList<>());
      if (copies.stream().noneMatch(c -> c.frame().input().equals(e.frame().input()))) {
        copies.add(e);
      }
    }
    byRequest.values().removeIf(copies -> copies.size() < 2);
    for (List<SipEvent> copies : byRequest.values()) {
      copies.sort((a, b) -> Long.compare(a.timeNanos(), b.timeNanos()));
    }
    return byRequest;
  }

  /** What differs between two copies: {header, before, after} per changed field. */
  private static List<String[]> changes(SipEvent before, SipEvent after) {
    List<String[]> out = new ArrayList<>();
    compare(out, "Via", before.viaSentBy(), after.viaSentBy());
    compare(out, "Contact", before.contact(), after.contact());
    compare(out, "SDP", before.sdp(), after.sdp());
    return out;
  }

  private static void compare(
      List<String[]> out, String header, @Nullable String before,
      @Nullable String after) {
    if (!Objects.equals(before, after)) {
      out.add(new String[] {header, String.valueOf(before), String.valueOf(after)});
    }
  }
}
