package io.voipdoc.correlate.points;

import io.voipdoc.correlate.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What comparing the capture points of one incident shows. With a single input there is one point
 * and nothing else.
 *
 * @param points every input, in input order
 * @param pairs pairs of points that saw some of the same packets
 * @param vanished flows whose packets passed one point and never reached the next
 * @param rewrites flows whose addresses or ports differ between two points (NAT mappings)
 * @param sipChanges SIP header and SDP fields that differ between two points
 * @param gaps packets a point missed because it captured for a shorter time than another
 */
public record CapturePoints(
    List<CapturePoint> points,
    List<PointPair> pairs,
    List<Vanished> vanished,
    List<AddressRewrite> rewrites,
    List<SipChange> sipChanges,
    List<CoverageGap> gaps) {

  /** No points at all. */
  public static final CapturePoints NONE =
      new CapturePoints(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  /** The point of this input, or null. */
  public @Nullable CapturePoint point(String input) {
    for (CapturePoint p : points) {
      if (p.input().equals(input)) {
        return p;
      }
    }
    return null;
  }

  /** The points that saw this RTP stream (SSRC on the same addresses), with what each saw. */
  public List<Seen> sightings(long ssrc, Endpoint source, Endpoint destination) {
    List<Seen> out = new ArrayList<>();
    for (CapturePoint p : points) {
      for (PointStream s : p.rtpStreams()) {
        if (s.ssrc() == ssrc && s.source().equals(source) && s.destination().equals(destination)) {
          out.add(new Seen(p.input(), s));
        }
      }
    }
    return out;
  }

  /**
   * One point's view of a stream.
   *
   * @param input the point
   * @param stream what it saw
   */
  public record Seen(String input, PointStream stream) {}
}
