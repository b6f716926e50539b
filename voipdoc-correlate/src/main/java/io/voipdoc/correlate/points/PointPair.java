package io.voipdoc.correlate.points;

/**
 * Two capture points that saw some of the same packets: they watched the same traffic.
 *
 * @param first the input given first
 * @param second the other input
 * @param sip SIP messages seen at both
 * @param stun STUN messages seen at both
 * @param rtp RTP packets seen at both
 * @param clockOffsetNanos how far the second point's clock is ahead of the first's: the middle of
 *     the median time differences of the flows in each direction, so transit time cancels out when
 *     traffic went both ways
 * @param transitNanos half the spread between those medians: the one-way transit time between the
 *     points when traffic went both ways, otherwise 0 (and then it is part of the offset); an
 *     offset no larger than this spread cannot be told from none, and packets are then ordered by
 *     their raw capture times
 * @param bothDirections whether matched traffic went both ways between the points
 */
public record PointPair(
    String first,
    String second,
    long sip,
    long stun,
    long rtp,
    long clockOffsetNanos,
    long transitNanos,
    boolean bothDirections) {

  /** All packets seen at both points. */
  public long matched() {
    return sip + stun + rtp;
  }
}
