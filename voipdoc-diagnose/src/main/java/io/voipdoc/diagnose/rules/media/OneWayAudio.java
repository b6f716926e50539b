package io.voipdoc.diagnose.rules.media;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.MediaAddress;
import io.voipdoc.decode.sdp.Direction;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ONE_WAY_AUDIO: during an answered call, RTP flows in one direction only; one party hears the
 * other, the other hears nothing.
 *
 * <p>Signature: at a capture point (one capture input) the call's RTP (RFC 3550 §3) leaves one
 * party for the whole call while nothing comes back to it. Each capture point is judged on its
 * own, so a capture on the LAN side of a NAT shows the loss even when the WAN side sees both
 * directions; the stream of the missing direction seen at another capture point is cited as where
 * it should have come from. Not one-way audio: the SDP direction (RFC 3264 §5.1, §8.4) says the
 * silent side does not send or the other does not receive, the call had a hold (hold and
 * resume are judged by the signalling, not by silence), or the flowing direction is shorter than
 * {@link #MIN_SECONDS} or {@link #MIN_PACKETS} (too little to expect an answer). Silence
 * suppression and comfort noise (RFC 3389) still send packets, so they do not look like a missing
 * direction.
 *
 * <p>The model merges packets of one stream seen at several capture points into one stream named
 * after the first input read; a stream of the missing direction that targets the flowing stream's
 * source and shows more packets than its sequence numbers span was seen twice, possibly at this
 * capture point too, and then nothing is reported.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, ONE_WAY_AUDIO. Lab: {@code lab/one-way-audio}, {@code
 * lab/private-address-in-sdp}, {@code lab/nat-port-remapped}.
 */
@RuleSpec(id = "ONE_WAY_AUDIO", severity = Severity.ERROR)
public final class OneWayAudio implements Rule {
  /** The flowing direction must last this long (seconds) before silence back is a failure. */
  static final double MIN_SECONDS = 2.0;
  /** ... and carry at least this many packets (1 s of 20 ms packets is 50). */
  static final long MIN_PACKETS = 50;

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      CallLeg leg = call.answeredLeg();
      Dialog dialog = leg == null ? null : confirmed(leg);
      if (dialog == null || !dialog.holds().isEmpty()) {
        continue;
      }
      List<RtpStream> streams = incident.streamsOf(call);
      Map<String, List<RtpStream>> byInput = new LinkedHashMap<>();
      for (RtpStream s : streams) {
        if (s.fromCaller() != null) {
          byInput.computeIfAbsent(s.firstFrame().input(), k -> new ArrayList<>()).add(s);
        }
      }
      Findings.Builder f = null;
      for (Map.Entry<String, List<RtpStream>> at : byInput.entrySet()) {
        for (boolean fromCaller : new boolean[] {true, false}) {
          RtpStream flowing = longest(at.getValue(), fromCaller);
          if (flowing == null || longest(at.getValue(), !fromCaller) != null
              || flowing.durationSeconds() < MIN_SECONDS || flowing.packets() < MIN_PACKETS
              || !expected(dialog, !fromCaller) || hiddenByMerge(streams, flowing)
              || answeredElsewhere(incident, flowing)) {
            continue;
          }
          MediaAddress silent = first(fromCaller ? dialog.calleeMedia() : dialog.callerMedia());
          String sender = silent == null ? "?" : silent.hostPort();
          if (f == null) {
            f = out.add(this, call)
                .title(sender, flowing.source().hostPort(), call.from(), call.to());
          }
          f.evidence(flowing.firstFrame(), "flowing",
              Addresses.flowFilter(flowing.source(), flowing.destination()),
              flowing.source().hostPort(), flowing.destination().hostPort(), flowing.packets(),
              flowing.firstFrame().input());
          f.evidence(null, "missing",
              Addresses.flowFilter(flowing.destination(), flowing.source()),
              flowing.destination().hostPort(), flowing.source().hostPort(),
              flowing.firstFrame().input());
          for (RtpStream elsewhere : streams) {
            if (Boolean.valueOf(!fromCaller).equals(elsewhere.fromCaller())
                && !elsewhere.firstFrame().input().equals(at.getKey())) {
              f.evidence(elsewhere.firstFrame(), "seen_elsewhere",
                  Addresses.flowFilter(elsewhere.source(), elsewhere.destination()),
                  elsewhere.source().hostPort(), elsewhere.destination().hostPort(),
                  elsewhere.packets(), elsewhere.firstFrame().input());
            }
          }
        }
      }
      if (f != null) {
        f.advice("open_inbound")
            .advice("disable_alg")
            .advice("check_sdp_address")
            .advice("capture_both_sides")
            .done();
      }
    }
  }

  private static @Nullable Dialog confirmed(CallLeg leg) {
    for (Dialog d : leg.dialogs()) {
      if (d.confirmed() != null) {
        return d;
      }
    }
    return null;
  }

  private static @Nullable MediaAddress first(List<MediaAddress> media) {
    return media.isEmpty() ? null : media.get(0);
  }

  /** Whether the SDPs expect media from the caller (or callee): it sends, the other receives. */
  private static boolean expected(Dialog d, boolean fromCaller) {
    MediaAddress sender = first(fromCaller ? d.callerMedia() : d.calleeMedia());
    MediaAddress receiver = first(fromCaller ? d.calleeMedia() : d.callerMedia());
    if (sender == null || receiver == null || sender.port() == 0 || receiver.port() == 0) {
      return false;
    }
    Direction s = sender.direction();
    Direction r = receiver.direction();
    return (s == Direction.SENDRECV || s == Direction.SENDONLY)
        && (r == Direction.SENDRECV || r == Direction.RECVONLY);
  }

  private static @Nullable RtpStream longest(List<RtpStream> streams, boolean fromCaller) {
    RtpStream best = null;
    for (RtpStream s : streams) {
      if (Boolean.valueOf(fromCaller).equals(s.fromCaller())
          && (best == null || s.packets() > best.packets())) {
        best = s;
      }
    }
    return best;
  }

  /**
   * Whether the capture point saw RTP back from the flowing stream's destination host to its
   * source, but linked to another call: when two calls reuse the same ports, the model may link
   * each direction to a different call.
   */
  private static boolean answeredElsewhere(Incident incident, RtpStream flowing) {
    for (RtpStream s : incident.streams()) {
      if (s.destination().equals(flowing.source())
          && s.source().address().equals(flowing.destination().address())
          && s.firstFrame().input().equals(flowing.firstFrame().input())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a stream back to {@code flowing}'s source was seen at more than one capture point
   * (more packets than its sequence numbers span), so it may have passed this one as well.
   */
  private static boolean hiddenByMerge(List<RtpStream> streams, RtpStream flowing) {
    for (RtpStream s : streams) {
      if (s.destination().equals(flowing.source()) && s.packets() > s.expected() * 3 / 2) {
        return true;
      }
    }
    return false;
  }
}
