package io.voipdoc.correlate.points;

/**
 * Limits of the {@link PointMatcher}.
 *
 * @param matchWindowNanos capture time a packet waits for its copies at other points; covers the
 *     clock offset between the points plus the transit time (copies further apart are not matched)
 * @param maxPending packets waiting for copies at once; beyond it the oldest is settled early
 * @param maxFlows flows, rewrites and per-point streams kept each; beyond it new ones are counted
 *     but not kept
 * @param maxPoints capture points (inputs) matched; further inputs are read but not matched
 */
public record PointMatcherConfig(
    long matchWindowNanos, int maxPending, int maxFlows, int maxPoints) {
  /** 5 s of capture time, 200,000 waiting packets, 10,000 flows, 32 points. */
  public static final PointMatcherConfig DEFAULTS =
      new PointMatcherConfig(5_000_000_000L, 200_000, 10_000, 32);

  public PointMatcherConfig {
    if (matchWindowNanos <= 0 || maxPending <= 0 || maxFlows <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (maxPoints < 2 || maxPoints > 32) {
      throw new IllegalArgumentException("maxPoints must be 2..32: " + maxPoints);
    }
  }
}
