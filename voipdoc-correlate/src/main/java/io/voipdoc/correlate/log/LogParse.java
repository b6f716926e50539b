package io.voipdoc.correlate.log;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link LogFormat} made of one line: an event, a recognised line with nothing to report,
 * a recognised line it could not use (a problem with a stable ID), or a line of another format.
 */
public sealed interface LogParse {
  /** A line that reports an event. */
  record Event(LogEvent event) implements LogParse {}

  /** A line of this format with nothing voipdoc uses; {@code written} is its time. */
  record Plain(LocalDateTime written) implements LogParse {}

  /**
   * A line of this format that could not be used.
   *
   * @param id stable ID {@code log.<snake_case>}
   */
  record Problem(String id) implements LogParse {}

  /** A line that is not of this format. */
  record Foreign() implements LogParse {}

  /** The shared instance for foreign lines. */
  LogParse FOREIGN = new Foreign();

  /** Whether the line belongs to the format (all but {@link Foreign}). */
  default boolean recognised() {
    return !(this instanceof Foreign);
  }

  /** The event, or null. */
  default @Nullable LogEvent event() {
    return this instanceof Event e ? e.event() : null;
  }
}
