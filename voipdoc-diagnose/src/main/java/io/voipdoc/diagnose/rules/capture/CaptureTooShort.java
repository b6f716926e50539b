package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.InputSeen;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CAPTURE_TOO_SHORT: the capture ended while a call was still going on, before the failure the
 * user reports could show.
 *
 * <p>Signature: an answered call without BYE whose captures end less than {@link #WATCH_NANOS}
 * (35 s) after the answer: a call that drops because the ACK never arrives ends at timer H, 64*T1
 * = 32 s after the answer (RFC 3261 §13.3.1.4, §17.2.1), and media timeouts of ~30 s are common.
 * Or a call that was still ringing (a provisional response, no final one, timer B not run out,
 * §17.1.1.2) when the capture ended. Info: nothing is wrong with the call as far as the capture
 * goes. Tool-made fixture: a lab capture cut with {@code editcap -r} a few seconds after the answer.
 */
@RuleSpec(id = "CAPTURE_TOO_SHORT", severity = Severity.INFO)
public final class CaptureTooShort implements Rule {
  /** How long after the answer a capture should go on: timer H (32 s) plus a margin. */
  public static final long WATCH_NANOS = 35_000_000_000L;

  @Override
  public void judge(Incident incident, Findings out) {
    Map<String, InputSeen> inputs = new HashMap<>();
    for (InputSeen in : incident.inputs()) {
      inputs.put(in.input(), in);
    }
    for (Call call : incident.calls()) {
      if (call.hangUpLeg() != null) {
        continue;
      }
      CallLeg answered = call.answeredLeg();
      if (answered != null && answered.answer() != null) {
        SipEvent ok = answered.answer();
        FrameRef end = end(call, inputs);
        long watched = end == null ? 0 : end.timestampNanos() - ok.timeNanos();
        if (end != null && watched < WATCH_NANOS) {
          out.add(this, call)
              .title(Parties.caller(call), Parties.callee(call), watched / 1_000_000_000L)
              .evidence(ok.frame(), "answered", Addresses.frameFilter(ok.frame().number()), ok.firstLine())
              .evidence(end, "capture_ends", Addresses.frameFilter(end.number()), watched / 1_000_000_000L)
              .advice("capture_longer", WATCH_NANOS / 1_000_000_000L)
              .done();
        }
        continue;
      }
      CallLeg first = call.firstLeg();
      SipEvent ringing = provisional(first);
      if (call.state() == CallState.UNANSWERED && ringing != null) {
        FrameRef end = end(call, inputs);
        out.add(this, call)
            .title(Parties.caller(call), Parties.callee(call), end == null ? 0 : (end.timestampNanos() - first.invite().timeNanos()) / 1_000_000_000L)
            .evidence(ringing.frame(), "ringing", Addresses.frameFilter(ringing.frame().number()), ringing.firstLine())
            .evidence(end, "ends_ringing", end == null ? "" : Addresses.frameFilter(end.number()))
            .advice("capture_until_end")
            .done();
      }
    }
  }

  /** The latest end of the inputs that hold messages of the call. */
  private static @Nullable FrameRef end(Call call, Map<String, InputSeen> inputs) {
    FrameRef end = null;
    for (CallLeg leg : call.legs()) {
      for (SipEvent e : leg.events()) {
        InputSeen in = inputs.get(e.frame().input());
        if (in != null && (end == null || in.last().timestampNanos() > end.timestampNanos())) {
          end = in.last();
        }
      }
    }
    return end;
  }

  /** The last provisional response (other than 100) to the leg's setup, or null. */
  private static @Nullable SipEvent provisional(CallLeg leg) {
    SipEvent last = null;
    for (Transaction t : leg.setupAttempts()) {
      for (SipEvent r : t.responses()) {
        if (r.isProvisional() && r.status() != 100) {
          last = r;
        }
      }
    }
    return last;
  }
}
