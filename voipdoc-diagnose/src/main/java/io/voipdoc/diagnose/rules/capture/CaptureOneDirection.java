package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.RegisterAttempt;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CAPTURE_ONE_DIRECTION: the capture holds the packets one host sent to another, but none that
 * came back, although the host's own messages prove that answers arrived. Typical of a mirror port
 * set to copy one direction only, or a capture with a direction filter ({@code tcpdump -Q out}).
 * Every absence in that direction (no response, no audio back) is then an artefact.
 *
 * <p>Signature: in one input, an INVITE from A to B followed by an ACK or BYE from A to B (an ACK
 * is only sent after a final response, RFC 3261 §17.1.1.3, §13.2.2.4; a BYE only in a dialog that
 * a response created, §15), and not a single SIP message from B to A in that input. Told apart
 * from SIGNALLING_UNREACHABLE (no ACK: nothing came back) and from ONE_WAY_AUDIO (SIP seen in both
 * directions at the same point). Warning. Tool-made fixture: a lab capture filtered to one source
 * address.
 */
@RuleSpec(id = "CAPTURE_ONE_DIRECTION", severity = Severity.WARNING)
public final class CaptureOneDirection implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    Set<String> reported = new HashSet<>();
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        SipEvent invite = leg.invite();
        String input = invite.frame().input();
        InetAddress a = invite.source().address();
        InetAddress b = invite.destination().address();
        SipEvent proof = proof(leg, input, a, b);
        String key = input + "|" + a.getHostAddress() + "|" + b.getHostAddress();
        if (proof == null || reported.contains(key) || sent(incident, input, b, a)) {
          continue;
        }
        reported.add(key);
        String from = Addresses.text(a);
        String to = Addresses.text(b);
        out.add(this, "input " + input)
            .title(input, from, to)
            .evidence(invite.frame(), "request", Addresses.frameFilter(invite.frame().number()), invite.firstLine(), from, to)
            .evidence(proof.frame(), "proof", Addresses.frameFilter(proof.frame().number()), proof.method(), to)
            .evidence(null, "nothing_back", "ip.src == " + to + " && ip.dst == " + from, to, from)
            .advice("capture_both_directions")
            .advice("read_with_care")
            .done();
      }
    }
  }

  /** An ACK or BYE from a to b in the input after the leg's INVITE, or null. */
  private static @Nullable SipEvent proof(CallLeg leg, String input, InetAddress a, InetAddress b) {
    for (SipEvent e : leg.events()) {
      if (e.isRequest() && (e.method().equals("ACK") || e.method().equals("BYE"))
          && e.frame().input().equals(input)
          && e.source().address().equals(a) && e.destination().address().equals(b)) {
        return e;
      }
    }
    return null;
  }

  /** Whether the input holds any SIP message from {@code from} to {@code to}. */
  private static boolean sent(Incident incident, String input, InetAddress from, InetAddress to) {
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        if (any(leg.events(), input, from, to)) {
          return true;
        }
      }
    }
    for (Registration r : incident.registrations()) {
      for (RegisterAttempt at : r.attempts()) {
        SipEvent response = at.response();
        if (any(response == null ? List.of(at.request()) : List.of(at.request(), response), input, from, to)) {
          return true;
        }
      }
    }
    return any(incident.strays(), input, from, to);
  }

  private static boolean any(List<SipEvent> events, String input, InetAddress from, InetAddress to) {
    for (SipEvent e : events) {
      if (e.frame().input().equals(input) && e.source().address().equals(from)
          && e.destination().address().equals(to)) {
        return true;
      }
    }
    return false;
  }
}
