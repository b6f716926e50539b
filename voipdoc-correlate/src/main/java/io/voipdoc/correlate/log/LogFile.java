package io.voipdoc.correlate.log;

import java.util.List;
import java.util.Map;

/**
 * A log as read: its format, the events its lines report, and what could not be used.
 *
 * @param file display name
 * @param format the recognised format's name
 * @param lines number of lines read
 * @param entries the events with their line numbers and text, in file order
 * @param problems occurrences per problem ID ({@code log.line_too_long}, {@code log.invalid_utf8},
 *     {@code log.no_timestamp}, {@code log.bad_timestamp}, {@code log.unrecognised_line},
 *     {@code log.too_many_events})
 */
public record LogFile(
    String file, String format, long lines, List<Entry> entries, Map<String, Long> problems) {

  /**
   * One event and the line that reported it.
   *
   * @param line 1-based line number
   * @param text the line (cut at {@link LogReader#MAX_TEXT} characters)
   * @param event what it reports
   */
  public record Entry(long line, String text, LogEvent event) {}

  /** Total occurrences of all problems. */
  public long problemCount() {
    return problems.values().stream().mapToLong(Long::longValue).sum();
  }
}
