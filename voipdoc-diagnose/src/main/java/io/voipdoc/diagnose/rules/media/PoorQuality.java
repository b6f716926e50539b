package io.voipdoc.diagnose.rules.media;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.PeerReport;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.List;
import java.util.stream.Collectors;

/**
 * POOR_QUALITY: the call is set up and audio flows, but it sounds choppy, robotic or delayed.
 *
 * <p>Signature: an RTP stream (RFC 3550 §3) of an answered, confirmed call is beyond the "VoIP
 * ready" limits of KNOWLEDGE.md §4: loss above {@link #MAX_LOSS_PERCENT}, mean interarrival
 * jitter (RFC 3550 §6.4.1, A.8) above {@link #MAX_JITTER_MS}, or an RTCP round trip (RFC 3550
 * §6.4.1, LSR/DLSR) above {@link #MAX_ROUND_TRIP_MS}. Each bad stream is shown with its figures
 * next to the limits; a DSCP mark other than EF (46, RFC 3246) on such a stream is named as a
 * likely reason, never as a reason to fire on its own.
 *
 * <p>Why the mean jitter: the RFC 3550 estimate is already smoothed (gain 1/16), and its maximum is
 * set by one event (a single late packet, a talkspurt that starts without marker bit); the mean
 * over the call is what a jitter buffer has to absorb for most of the call.
 *
 * <p>Not poor quality: loss is counted between the first and last sequence number received
 * (Wireshark's way), so a stream that simply stops, or is cut by the end of the capture, loses
 * nothing; silence suppression (timestamp jump with marker bit, RFC 3551 §4.1) and comfort noise
 * (RFC 3389) do not consume sequence numbers and are left out of the jitter; calls with a hold
 * (RFC 3264 §8.4) are skipped, as a paused sender may resume with a jump; streams shorter than
 * {@link #MIN_PACKETS}; and streams merged from several capture points (more packets than their
 * sequence numbers span), whose loss and jitter mix two vantage points.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, POOR_QUALITY; §4 for the limits. Lab: none (quality needs a
 * shaped link); tested on synthetic captures and the corpus.
 */
@RuleSpec(id = "POOR_QUALITY", severity = Severity.WARNING)
public final class PoorQuality implements Rule {
  /** Packet loss limit, percent of the expected packets (KNOWLEDGE.md §4). */
  static final double MAX_LOSS_PERCENT = 3.0;
  /** Mean interarrival jitter limit, ms (KNOWLEDGE.md §4). */
  static final double MAX_JITTER_MS = 20.0;
  /** Round-trip limit, ms (KNOWLEDGE.md §4: round trip at most 150 ms). */
  static final double MAX_ROUND_TRIP_MS = 150.0;
  /** Fewer packets than this (1 s of 20 ms packets) are too few to judge. */
  static final long MIN_PACKETS = 50;
  /** DSCP Expedited Forwarding (RFC 3246), the usual mark for voice. */
  static final int DSCP_EF = 46;

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      CallLeg leg = call.answeredLeg();
      if (leg == null || !confirmedWithoutHold(leg)) {
        continue;
      }
      Findings.Builder f = null;
      int bad = 0;
      boolean unmarked = false;
      for (RtpStream s : incident.streamsOf(call)) {
        if (s.packets() < MIN_PACKETS || s.packets() > s.expected() + s.expected() / 10) {
          continue;
        }
        PeerReport peer = s.peerReport();
        double rtt = peer == null ? -1 : peer.roundTripMs();
        boolean lossy = s.lostPercent() > MAX_LOSS_PERCENT;
        boolean jittery = s.meanJitterMs() > MAX_JITTER_MS;
        boolean slow = rtt > MAX_ROUND_TRIP_MS;
        if (!lossy && !jittery && !slow) {
          continue;
        }
        if (f == null) {
          f = out.add(this, call);
        }
        bad++;
        String filter = "rtp.ssrc == " + s.ssrcHex() + " && "
            + Addresses.flowFilter(s.source(), s.destination());
        String from = s.source().hostPort();
        String to = s.destination().hostPort();
        f.evidence(s.firstFrame(), "stream", filter, from, to, s.packets(), s.firstFrame().input());
        if (lossy) {
          f.evidence(s.lastFrame(), "loss", filter, from, to, s.lost(), s.expected(),
              s.lostPercent(), MAX_LOSS_PERCENT);
        }
        if (jittery) {
          f.evidence(s.lastFrame(), "jitter", filter, from, to, s.meanJitterMs(),
              s.maxJitterMs(), MAX_JITTER_MS);
        }
        if (slow && peer != null) {
          f.evidence(peer.frame(), "round_trip", Addresses.frameFilter(peer.frame().number()),
              from, to, rtt, MAX_ROUND_TRIP_MS);
        }
        List<Integer> dscp = s.dscpValues();
        if (!dscp.equals(List.of(DSCP_EF))) {
          unmarked = true;
          f.evidence(s.firstFrame(), "dscp", filter + " && ip.dsfield.dscp != " + DSCP_EF,
              from, to,
              dscp.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
      }
      if (f != null) {
        f.title(Parties.caller(call), Parties.callee(call), bad);
        if (unmarked) {
          f.advice("mark_ef", DSCP_EF);
        }
        f.advice("vpn_qos").advice("wifi").advice("congestion").advice("bandwidth").done();
      }
    }
  }

  private static boolean confirmedWithoutHold(CallLeg leg) {
    boolean confirmed = false;
    for (Dialog d : leg.dialogs()) {
      if (!d.holds().isEmpty()) {
        return false;
      }
      confirmed |= d.confirmed() != null;
    }
    return confirmed;
  }
}
