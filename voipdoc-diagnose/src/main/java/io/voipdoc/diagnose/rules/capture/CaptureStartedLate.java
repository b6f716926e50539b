package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CAPTURE_STARTED_LATE: a capture began while a call was already set up, so its INVITE, the
 * answer and the SDP are not in it, and nothing about how that call was set up can be judged.
 *
 * <p>Signature: in one input, messages of an INVITE dialog (RFC 3261 §12) whose initial INVITE no
 * capture holds: an in-dialog request (BYE, ACK, re-INVITE, UPDATE, INFO, REFER, PRACK with a To
 * tag) or a response, for a Call-ID that no call leg has; or a leg whose first INVITE already
 * carries a To tag (a re-INVITE). Info: the calls it concerns are simply not judged. RTP without
 * any signalling is not counted, because a capture at a media relay or one without the SIP
 * transport (TLS, WebSocket) shows that too. Tool-made fixture: a lab capture cut with {@code
 * editcap -r} to start after the answer.
 */
@RuleSpec(id = "CAPTURE_STARTED_LATE", severity = Severity.INFO)
public final class CaptureStartedLate implements Rule {
  /** Dialogs named as evidence per input. */
  static final int EXAMPLES = 3;

  @Override
  public void judge(Incident incident, Findings out) {
    Set<String> known = new HashSet<>();
    // input -> first message of each dialog that began before the capture
    Map<String, Map<String, SipEvent>> late = new LinkedHashMap<>();
    for (Call call : incident.calls()) {
      known.addAll(call.callIds());
      for (CallLeg leg : call.legs()) {
        if (leg.startedMidCall()) {
          SipEvent e = leg.invite();
          late.computeIfAbsent(e.frame().input(), k -> new LinkedHashMap<>()).putIfAbsent(e.callId(), e);
        }
      }
    }
    for (SipEvent e : incident.strays()) {
      if (!known.contains(e.callId())) {
        late.computeIfAbsent(e.frame().input(), k -> new LinkedHashMap<>()).putIfAbsent(e.callId(), e);
      }
    }
    for (Map.Entry<String, Map<String, SipEvent>> in : late.entrySet()) {
      List<SipEvent> firsts = new ArrayList<>(in.getValue().values());
      firsts.sort(java.util.Comparator.comparingLong(SipEvent::timeNanos));
      Findings.Builder f = out.add(this, "input " + in.getKey()).title(in.getKey(), firsts.size());
      for (int i = 0; i < firsts.size() && i < EXAMPLES; i++) {
        SipEvent e = firsts.get(i);
        f.evidence(e.frame(), "mid_dialog", Addresses.frameFilter(e.frame().number()), e.firstLine(), e.callId());
      }
      f.advice("start_before_call").done();
    }
  }
}
