package io.voipdoc.diagnose.rules.media;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.points.CapturePoint;
import io.voipdoc.correlate.points.CapturePoints;
import io.voipdoc.correlate.points.PointStream;
import io.voipdoc.correlate.points.Vanished;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.MediaAddress;
import io.voipdoc.decode.sdp.Direction;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
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
 * party for the whole call while nothing comes back to it. Each capture point is judged on what
 * it saw itself ({@link CapturePoints}: the streams per point), so a capture on the LAN side of a
 * NAT shows the loss even when the WAN side sees both directions. Where another point saw the
 * missing direction, it is cited, and where the points show the packets passing one point and
 * never reaching the next ({@link Vanished}), the finding says between which two points they
 * vanished, with the first lost packet at the point that still saw it. Not one-way audio: the SDP
 * direction (RFC 3264 §5.1, §8.4) says the silent side does not send or the other does not
 * receive, the call had a hold (hold and resume are judged by the signalling, not by silence), or
 * the flowing direction is shorter than {@link #MIN_SECONDS} or {@link #MIN_PACKETS} (too little to
 * expect an answer). Silence suppression and comfort noise (RFC 3389) still send packets, so they
 * do not look like a missing direction.
 *
 * <p>When both ends of the audio are loopback addresses (two programs on the capture's host, e.g.
 * a test tool calling a local server), no router, firewall or NAT lies between them and the
 * loopback interface loses nothing: the silent program never sent audio. That may be by design (a
 * test tool or recorder that only receives), so the finding is information only, and its advice
 * points at the silent program instead of the network.
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

  /**
   * A stream as one capture point saw it.
   *
   * @param stream the stream
   * @param first its first packet at the point
   * @param packets its packets at the point
   */
  private record AtPoint(RtpStream stream, FrameRef first, long packets) {}

  @Override
  public void judge(Incident incident, Findings out) {
    CapturePoints points = incident.capturePoints();
    for (Call call : incident.calls()) {
      CallLeg leg = call.answeredLeg();
      Dialog dialog = leg == null ? null : confirmed(leg);
      if (dialog == null || !dialog.holds().isEmpty()) {
        continue;
      }
      List<RtpStream> streams = incident.streamsOf(call);
      Map<String, List<AtPoint>> byInput = new LinkedHashMap<>();
      for (RtpStream s : streams) {
        if (s.fromCaller() == null) {
          continue;
        }
        List<CapturePoints.Seen> seen = points.sightings(s.ssrc(), s.source(), s.destination());
        if (seen.isEmpty()) {
          byInput.computeIfAbsent(s.firstFrame().input(), k -> new ArrayList<>())
              .add(new AtPoint(s, s.firstFrame(), s.packets()));
        }
        for (CapturePoints.Seen at : seen) {
          byInput.computeIfAbsent(at.input(), k -> new ArrayList<>())
              .add(new AtPoint(s, at.stream().firstFrame(), at.stream().packets()));
        }
      }
      Findings.Builder f = null;
      boolean onHost = true;
      String silentSide = "?";
      for (Map.Entry<String, List<AtPoint>> at : byInput.entrySet()) {
        String input = at.getKey();
        for (boolean fromCaller : new boolean[] {true, false}) {
          AtPoint flowing = longest(at.getValue(), fromCaller);
          if (flowing == null || longest(at.getValue(), !fromCaller) != null
              || flowing.stream().durationSeconds() < MIN_SECONDS
              || flowing.packets() < MIN_PACKETS
              || !expected(dialog, !fromCaller)
              || answeredElsewhere(points, input, flowing.stream())) {
            continue;
          }
          RtpStream s = flowing.stream();
          MediaAddress silent = first(fromCaller ? dialog.calleeMedia() : dialog.callerMedia());
          String sender = silent == null ? "?" : silent.hostPort();
          if (f == null) {
            f = out.add(this, call).title(sender, s.source().hostPort(), Parties.caller(call), Parties.callee(call));
            silentSide = sender;
          }
          f.evidence(flowing.first(), "flowing",
              Addresses.flowFilter(s.source(), s.destination()),
              s.source().hostPort(), s.destination().hostPort(), flowing.packets(), input);
          boolean loopback = s.source().address().isLoopbackAddress()
              && s.destination().address().isLoopbackAddress();
          onHost &= loopback;
          f.evidence(null, loopback ? "never_sent" : "missing",
              Addresses.flowFilter(s.destination(), s.source()),
              s.destination().hostPort(), s.source().hostPort(), input);
          for (RtpStream back : streams) {
            if (!Boolean.valueOf(!fromCaller).equals(back.fromCaller())) {
              continue;
            }
            Vanished lost = null;
            for (Vanished v : points.vanished()) {
              if (v.ssrc() == back.ssrc() && v.to().equals(input)
                  && v.source().equals(back.source())) {
                lost = v;
              }
            }
            for (CapturePoints.Seen elsewhere :
                points.sightings(back.ssrc(), back.source(), back.destination())) {
              if (!elsewhere.input().equals(input)
                  && (lost == null || !lost.from().equals(elsewhere.input()))) {
                f.evidence(elsewhere.stream().firstFrame(), "seen_elsewhere",
                    Addresses.flowFilter(back.source(), back.destination()),
                    back.source().hostPort(), back.destination().hostPort(),
                    elsewhere.stream().packets(), elsewhere.input());
              }
            }
            if (lost != null) {
              f.evidence(lost.firstAtFrom(), "vanished",
                  Addresses.flowFilter(lost.source(), lost.destination()),
                  lost.source().hostPort(), lost.destination().hostPort(), lost.from(),
                  lost.packets(), lost.to());
            }
          }
        }
      }
      if (f != null && onHost) {
        f.severity(Severity.INFO).advice("check_sender", silentSide).done();
      } else if (f != null) {
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

  private static @Nullable AtPoint longest(List<AtPoint> streams, boolean fromCaller) {
    AtPoint best = null;
    for (AtPoint s : streams) {
      if (Boolean.valueOf(fromCaller).equals(s.stream().fromCaller())
          && (best == null || s.packets() > best.packets())) {
        best = s;
      }
    }
    return best;
  }

  /**
   * Whether the capture point saw RTP back from the flowing stream's destination host to its
   * source, of any call: when two calls reuse the same ports, the model may link each direction
   * to a different call.
   */
  private static boolean answeredElsewhere(CapturePoints points, String input, RtpStream flowing) {
    CapturePoint p = points.point(input);
    if (p == null) {
      return false;
    }
    for (PointStream s : p.rtpStreams()) {
      if (s.destination().equals(flowing.source())
          && s.source().address().equals(flowing.destination().address())) {
        return true;
      }
    }
    return false;
  }
}
