package io.voipdoc.correlate.log;

import java.time.LocalDate;

/**
 * One log format: recognises its lines and turns them into events. Implementations are stateless
 * and total: every line, however damaged, gives a {@link LogParse}, never an exception.
 */
public interface LogFormat {
  /** Short stable name, e.g. {@code freeswitch}. */
  String name();

  /**
   * Reads one line.
   *
   * @param line the line without its end of line
   * @param referenceDate the date (and year) to assume when the format writes none, taken from the
   *     captures
   */
  LogParse parse(String line, LocalDate referenceDate);
}
