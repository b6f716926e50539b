package io.voipdoc.diagnose.rules.media;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each capture input was taken, as far as the SIP traffic shows it: the host of a capture
 * taken on one machine is the address every packet of that capture has as source or destination.
 * A capture on a phone has its own address (and its only peer, the proxy); a capture on a proxy
 * that talks to several phones has the proxy's address only.
 *
 * <p>This decides whether a capture would have seen a call's media: media that flows between two
 * phones passes a phone's capture, but not a capture on a proxy that only relays signalling.
 */
final class CapturePoints {
  /** Input name to the addresses common to all SIP messages in that input. */
  private final Map<String, Set<String>> hosts = new LinkedHashMap<>();
  /** Inputs where any RTP stream was first seen. */
  private final Set<String> withRtp = new HashSet<>();

  CapturePoints(Incident incident) {
    Map<String, Set<String>> common = new HashMap<>();
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        for (SipEvent e : leg.events()) {
          Set<String> pair = new HashSet<>();
          pair.add(e.source().address().getHostAddress());
          pair.add(e.destination().address().getHostAddress());
          common.merge(e.frame().input(), pair, (a, b) -> {
            a.retainAll(b);
            return a;
          });
        }
      }
    }
    hosts.putAll(common);
    for (RtpStream s : incident.streams()) {
      withRtp.add(s.firstFrame().input());
    }
  }

  /** The inputs whose SIP traffic all passed the host with this address. */
  Set<String> inputsAt(String address) {
    Set<String> out = new HashSet<>();
    hosts.forEach((input, addresses) -> {
      if (addresses.contains(address)) {
        out.add(input);
      }
    });
    return out;
  }

  /** Whether any RTP was seen in the input (so media passes where it was taken). */
  boolean sawRtp(String input) {
    return withRtp.contains(input);
  }
}
