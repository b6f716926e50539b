package io.voipdoc.correlate.log;

/**
 * How far a log's clock is from the captures' clock: capture time = log time + {@code nanos}.
 *
 * @param nanos the offset in nanoseconds
 * @param source where it comes from
 * @param sharedEvents how many log events matched something in the captures at this offset
 */
public record ClockOffset(long nanos, Source source, int sharedEvents) {
  /** Where an offset comes from. */
  public enum Source {
    /** Given by the user ({@code --log-offset}). */
    GIVEN,
    /** Estimated from events both the log and the captures show. */
    ESTIMATED,
    /** No shared events and none given: the log's times are taken as written (UTC). */
    NONE
  }
}
