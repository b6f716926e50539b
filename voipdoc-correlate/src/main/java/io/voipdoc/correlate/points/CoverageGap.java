package io.voipdoc.correlate.points;

import io.voipdoc.capture.FrameRef;

/**
 * Packets that another point saw and that should have passed this point too (its matched
 * traffic shows the same endpoints pass both), but which fall before this point's capture started
 * or after it ended: this point saw only part of what the other saw.
 *
 * @param point the point that captured less
 * @param other the point that saw the packets
 * @param missedBefore packets before {@code point} started
 * @param missedAfter packets after {@code point} ended
 * @param firstMissed the first of them at {@code other}
 * @param lastMissed the last of them at {@code other}
 */
public record CoverageGap(
    String point,
    String other,
    long missedBefore,
    long missedAfter,
    FrameRef firstMissed,
    FrameRef lastMissed) {

  /** All packets missed. */
  public long missed() {
    return missedBefore + missedAfter;
  }
}
