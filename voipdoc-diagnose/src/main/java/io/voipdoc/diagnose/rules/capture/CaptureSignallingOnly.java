package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.InputSeen;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.MediaAddress;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.nat.Addresses;

/**
 * CAPTURE_SIGNALLING_ONLY: the captures hold nothing but SIP, although calls in them were answered
 * with media negotiated. Either the capture was filtered to SIP (e.g. {@code port 5060}), or no
 * media was sent at all; the packets cannot tell which, so the absence of audio proves nothing.
 *
 * <p>Signature: not one RTP, RTCP, STUN, TURN, TLS, DTLS or ICMP packet in any input, and at least
 * one answered call whose offer and answer announce media on a port other than 0 (RFC 3264 §5,
 * §6). Warning: it changes how NO_MEDIA, ONE_WAY_AUDIO and the ICE rules must be read (NO_MEDIA is
 * lowered to information then). Corpus: {@code sip/sipnab-DTMFsipinfo.pcap}; lab: {@code
 * lab/no-media}, whose captures hold only SIP as well.
 */
@RuleSpec(id = "CAPTURE_SIGNALLING_ONLY", severity = Severity.WARNING)
public final class CaptureSignallingOnly implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    if (!CaptureFacts.onlySip(incident)) {
      return;
    }
    int calls = 0;
    SipEvent first = null;
    for (Call call : incident.calls()) {
      CallLeg leg = call.answeredLeg();
      if (leg == null || leg.answer() == null || !negotiated(leg)) {
        continue;
      }
      calls++;
      if (first == null) {
        first = leg.answer();
      }
    }
    if (first == null) {
      return;
    }
    long sip = 0;
    for (InputSeen in : incident.inputs()) {
      sip += in.sipMessages();
    }
    out.add(this, "captures")
        .title(calls, incident.inputs().size())
        .evidence(first.frame(), "answered", Addresses.frameFilter(first.frame().number()), first.firstLine())
        .evidence(null, "only_sip", "!sip", sip)
        .advice("capture_unfiltered")
        .advice("then_check_media")
        .done();
  }

  private static boolean negotiated(CallLeg leg) {
    for (Dialog d : leg.dialogs()) {
      if (d.confirmed() != null && ported(d.callerMedia().isEmpty() ? null : d.callerMedia().get(0))
          && ported(d.calleeMedia().isEmpty() ? null : d.calleeMedia().get(0))) {
        return true;
      }
    }
    return false;
  }

  private static boolean ported(@org.jspecify.annotations.Nullable MediaAddress m) {
    return m != null && m.port() != 0;
  }
}
