package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.InputSeen;

/** What the capture-quality rules conclude about the captures, for other rules to heed. */
public final class CaptureFacts {
  private CaptureFacts() {}

  /**
   * Whether the captures hold SIP and nothing else VoIP-related: not one RTP, RTCP, STUN, TURN,
   * TLS, DTLS or ICMP packet in any input. Media absent from such captures may simply not have
   * been captured.
   */
  public static boolean onlySip(Incident incident) {
    if (incident.inputs().isEmpty()) {
      return false;
    }
    for (InputSeen in : incident.inputs()) {
      if (in.otherMessages() > 0) {
        return false;
      }
    }
    return true;
  }
}
