package io.voipdoc.capture;

import java.time.Instant;

/**
 * Where a packet can be found again in Wireshark: the input, the frame number and the capture
 * time.
 *
 * @param input display name of the input file
 * @param number 1-based frame number, as Wireshark numbers it
 * @param timestampNanos capture time in nanoseconds since the Unix epoch (UTC)
 * @param interfaceId pcapng interface index (0 for pcap)
 */
public record FrameRef(String input, long number, long timestampNanos, int interfaceId) {

  /** The capture time as an {@link Instant}, nanosecond precision kept. */
  public Instant instant() {
    return Instant.ofEpochSecond(
        Math.floorDiv(timestampNanos, 1_000_000_000L),
        Math.floorMod(timestampNanos, 1_000_000_000L));
  }
}
