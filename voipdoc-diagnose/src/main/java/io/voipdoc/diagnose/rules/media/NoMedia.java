package io.voipdoc.diagnose.rules.media;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.IceSession;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.MediaAddress;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.decode.sdp.Direction;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
import io.voipdoc.diagnose.rules.capture.CaptureFacts;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * NO_MEDIA: the call is answered (200 OK and ACK) but not a single RTP packet goes to or comes
 * from the endpoints the two SDPs negotiated; both parties hear silence.
 *
 * <p>Signature: an answered INVITE (RFC 3261 §13.2.2.4, §13.3.1.4) whose offer and answer (RFC
 * 3264 §5, §6) announce active media, and no RTP stream (RFC 3550 §3) to or from those endpoints, in a
 * capture that would have seen it: one taken on the host of one of the SDP media addresses, or
 * one that shows RTP of other calls. A capture on a proxy that relays only signalling proves
 * nothing and is not judged. Not reported when the media is on hold or inactive (RFC 3264 §8.4),
 * nor for ICE calls whose checks were never answered (ICE_NO_BINDING_SUCCESS explains those).
 *
 * <p>When the captures hold nothing but SIP (no RTP, RTCP, STUN, TLS or ICMP at all), the
 * absence proves nothing: a capture filtered to SIP (e.g. {@code port 5060}) looks the same. The
 * finding is then only information, and CAPTURE_SIGNALLING_ONLY says why.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, NO_MEDIA. Lab: {@code lab/no-media}.
 */
@RuleSpec(id = "NO_MEDIA", severity = Severity.ERROR)
public final class NoMedia implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    CapturePoints points = new CapturePoints(incident);
    for (Call call : incident.calls()) {
      CallLeg leg = call.answeredLeg();
      if (leg == null || leg.answer() == null) {
        continue;
      }
      SipEvent ack = ack(leg);
      IceSession ice = incident.iceOf(call);
      if (ack == null || (ice != null && (ice.neverAnswered(true) || ice.neverAnswered(false)))) {
        continue;
      }
      MediaAddress caller = null;
      MediaAddress callee = null;
      for (Dialog d : leg.dialogs()) {
        if (d.confirmed() != null) {
          caller = active(d.callerMedia().isEmpty() ? null : d.callerMedia().get(0));
          callee = active(d.calleeMedia().isEmpty() ? null : d.calleeMedia().get(0));
          break;
        }
      }
      if (caller == null || callee == null || mediaSeen(incident, caller, callee)) {
        continue;
      }
      Set<String> inputs = new LinkedHashSet<>();
      inputs.addAll(points.inputsAt(caller.address()));
      inputs.addAll(points.inputsAt(callee.address()));
      for (SipEvent e : leg.events()) {
        if (points.sawRtp(e.frame().input())) {
          inputs.add(e.frame().input());
        }
      }
      if (inputs.isEmpty()) {
        continue;
      }
      Findings.Builder f =
          out.add(this, call).title(caller.hostPort(), callee.hostPort(), Parties.caller(call), Parties.callee(call));
      for (String input : inputs) {
        SipEvent ok = answerIn(leg, input);
        if (ok != null) {
          f.evidence(ok.frame(), "answered", Addresses.frameFilter(ok.frame().number()),
              ok.firstLine(), caller.hostPort(), callee.hostPort());
        }
      }
      f.evidence(ack.frame(), "ack", Addresses.frameFilter(ack.frame().number()))
          .evidence(null, "no_rtp",
              Addresses.endpointFilter(caller.address(), caller.port()) + " || "
                  + Addresses.endpointFilter(callee.address(), callee.port()),
              caller.hostPort(), callee.hostPort());
      if (CaptureFacts.onlySip(incident)) {
        // a capture filtered to SIP looks the same: not proven, see CAPTURE_SIGNALLING_ONLY
        f.severity(Severity.INFO).evidence(null, "only_sip", "!sip");
      }
      f.advice("check_firewall", caller.hostPort(), callee.hostPort())
          .advice("check_sdp_addresses", caller.hostPort(), callee.hostPort())
          .advice("capture_both_ends")
          .advice("capture_unfiltered")
          .done();
    }
  }

  /** The stream if it can carry media: a port, a real address, and not on hold or inactive. */
  private static @Nullable MediaAddress active(@Nullable MediaAddress m) {
    if (m == null || m.port() == 0 || m.address().equals("0.0.0.0") || m.address().equals("::")
        || m.direction() == Direction.INACTIVE) {
      return null;
    }
    return m;
  }

  /**
   * Whether any RTP went to or came from either negotiated endpoint. Matched by address and port
   * rather than by the stream's call, so that a stream the model linked to another call reusing
   * the same endpoints still counts as media.
   */
  private static boolean mediaSeen(Incident incident, MediaAddress caller, MediaAddress callee) {
    for (RtpStream s : incident.streams()) {
      for (MediaAddress m : new MediaAddress[] {caller, callee}) {
        if (Addresses.same(s.source(), m.address(), m.port())
            || Addresses.same(s.destination(), m.address(), m.port())) {
          return true;
        }
      }
    }
    return false;
  }

  private static @Nullable SipEvent ack(CallLeg leg) {
    for (SipEvent e : leg.events()) {
      if (e.isRequest() && e.method().equals("ACK")) {
        return e;
      }
    }
    return null;
  }

  private static @Nullable SipEvent answerIn(CallLeg leg, String input) {
    for (SipEvent e : leg.events()) {
      if (e.frame().input().equals(input) && e.status() >= 200 && e.status() < 300
          && e.method().equals("INVITE") && e.sdp() != null) {
        return e;
      }
    }
    return null;
  }
}
