package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SDP_REJECTED_488: the call fails at once. An INVITE that sets up a call is answered 488 Not
 * Acceptable Here (RFC 3261 §21.4.26) or 606 Not Acceptable (§21.6.4): the callee (or a proxy on
 * the way) found nothing it can use in the offer (RFC 3264 §6), usually no codec in common.
 *
 * <p>The finding lists the codecs of every stream of the offer and, when the rejecting side put an
 * SDP body with its capabilities in the response (§21.4.26 allows it), the codecs it supports and
 * which of them the offer lacks. An offer whose every stream has port 0 switched all media off
 * (RFC 3264 §5.1): then no codec could match, and the finding says so and points at the caller's
 * media settings. A 488 to a re-INVITE leaves the call as it was (§14.2) and is not
 * reported. Catalogue row SDP_REJECTED_488 (KNOWLEDGE.md §3). Lab: {@code sdp-rejected-488}.
 *
 * <p>A call that {@link AclCandidates488} explains (the candidates were blocked, not the codecs) is
 * left to that rule, so the two never report the same call.
 */
@RuleSpec(id = "SDP_REJECTED_488", severity = Severity.ERROR)
public final class SdpRejected488 implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    judge(incident, DiagnosisContext.NONE, out);
  }

  @Override
  public void judge(Incident incident, DiagnosisContext context, Findings out) {
    for (Call call : incident.calls()) {
      if (call.answeredLeg() == null && AclCandidates488.refusal(call, incident, context) == null) {
        judge(call, out);
      }
    }
  }

  private void judge(Call call, Findings out) {
    List<Transaction> rejected = new ArrayList<>();
    for (CallLeg leg : call.legs()) {
      for (Transaction t : leg.setupAttempts()) {
        if (t.finalStatus() == 488 || t.finalStatus() == 606) {
          rejected.add(t);
        }
      }
    }
    if (rejected.isEmpty()) {
      return;
    }
    // evidence in capture order; the last response is the one the caller saw
    rejected.sort(Comparator.comparingLong(t -> t.request().timeNanos() + t.finalDelayNanos()));
    SipEvent offer = rejected.get(0).request();
    for (Transaction t : rejected) {
      if (t.request().timeNanos() < offer.timeNanos()) {
        offer = t.request();
      }
    }
    String offered = offer.sdp();
    Findings.Builder b =
        out.add(this, call)
            .title(Parties.caller(call), Parties.callee(call), rejected.get(rejected.size() - 1).finalStatus())
            .evidence(offer.frame(), offered == null ? "no_offer" : "offer",
                DisplayFilter.callId(offer.callId()), offer.source(), offer.destination(),
                offered == null ? "" : describe(offered));
    Set<String> supported = new LinkedHashSet<>();
    for (Transaction t : rejected) {
      SipEvent response = t.finalResponse();
      if (response == null) {
        continue;
      }
      b.evidence(response.frame(), "rejected", DisplayFilter.frame(response.frame()),
          response.source(), response.destination(), response.firstLine());
      if (response.sdp() != null) {
        supported.addAll(codecs(response.sdp()));
        b.evidence(response.frame(), "capabilities", DisplayFilter.frame(response.frame()),
            response.source(), String.join(", ", codecs(response.sdp())));
      }
    }
    if (offered != null && codecs(offered).isEmpty()) {
      // every stream offered with port 0 (RFC 3264 §5.1): the offer switched all media off, so
      // no codec could have matched; the caller's settings are the place to look
      b.titleVariant("no_stream").advice("enable_stream", offer.source().address().getHostAddress()).done();
      return;
    }
    if (!supported.isEmpty() && offered != null) {
      Set<String> missing = new LinkedHashSet<>(supported);
      for (String c : codecs(offered)) {
        missing.removeIf(s -> s.equalsIgnoreCase(c));
      }
      b.advice("add_codec", String.join(", ", missing), offer.source().address().getHostAddress());
    } else {
      b.advice("compare_codecs", Parties.callee(call));
    }
    b.advice("allow_common_codec").advice("check_srtp").done();
  }

  /**
   * The codecs of every stream of an SDP summary, which the model writes as
   * {@code audio 192.0.2.1:4000 PCMU,PCMA,telephone-event sendrecv; video ...}: names, or payload
   * numbers without rtpmap, and {@code …} when more were elided.
   */
  static List<String> codecs(@Nullable String summary) {
    List<String> out = new ArrayList<>();
    if (summary == null) {
      return out;
    }
    for (String stream : summary.split("; ")) {
      String[] parts = stream.split(" ");
      if (parts.length >= 3 && !port(parts[1]).equals("0")) {
        for (String c : parts[2].split(",")) {
          if (!c.equals("…") && !c.isEmpty()) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  /** Each stream as {@code audio: PCMU, telephone-event}, a disabled one (port 0) marked so. */
  private static String describe(String summary) {
    List<String> streams = new ArrayList<>();
    for (String stream : summary.split("; ")) {
      String[] parts = stream.split(" ");
      if (parts.length < 3) {
        continue;
      }
      String codecs = parts[2].replace(",", ", ");
      streams.add(parts[0].toLowerCase(Locale.ROOT) + ": " + codecs
          + (port(parts[1]).equals("0") ? " (port 0)" : ""));
    }
    return String.join("; ", streams);
  }

  private static String port(String hostPort) {
    return hostPort.substring(hostPort.lastIndexOf(':') + 1);
  }
}
