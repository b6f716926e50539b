package io.voipdoc.correlate.log;

import io.voipdoc.capture.TextLine;
import io.voipdoc.capture.TextLines;
import io.voipdoc.capture.UnreadableCaptureException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a log file: recognises its format from the first non-blank lines, then turns every line
 * into an event or a counted problem. Memory is bounded: lines are cut at
 * {@link TextLines#DEFAULT_MAX_LINE_BYTES}, and at most {@link #MAX_EVENTS} events are kept.
 *
 * <p>A TLS failure whose reason and peer are on two lines (kamailio's tls module) becomes one
 * event: the reason's line, with the peer of the line that follows within {@link #PEER_LINES}.
 */
public final class LogReader {
  /** Lines looked at to recognise the format. */
  public static final int PROBE_LINES = 50;

  /** Events kept per log; more are counted as {@code log.too_many_events}. */
  public static final int MAX_EVENTS = 100_000;

  /** Characters of a line kept as evidence text. */
  public static final int MAX_TEXT = 500;

  /**
   * How many lines after a TLS failure's reason the line naming its peer may come (other
   * processes' lines may fall between), and how much later, in nanoseconds.
   */
  static final int PEER_LINES = 4;

  static final long PEER_NANOS = 1_000_000_000L;

  /** Every format voipdoc reads, in the order ties are broken. */
  public static final List<LogFormat> FORMATS =
      List.of(new FreeSwitchLogFormat(), new KamailioLogFormat(), new AudioCodesLogFormat());

  private LogReader() {}

  /**
   * Reads the log at {@code path}.
   *
   * @param referenceDate date to assume for formats that write no date or year (from the captures)
   * @throws UnreadableLogException when it cannot be read or its format is unknown
   */
  public static LogFile read(Path path, LocalDate referenceDate) throws UnreadableLogException {
    String name = path.toString();
    try (TextLines in = open(path)) {
      List<TextLine> probe = new ArrayList<>();
      TextLine line;
      int nonBlank = 0;
      while (nonBlank < PROBE_LINES && (line = in.next()) != null) {
        probe.add(line);
        if (!line.text().isBlank()) {
          nonBlank++;
        }
      }
      if (nonBlank == 0) {
        throw new UnreadableLogException(name, UnreadableLogException.Reason.EMPTY, "");
      }
      LogFormat format = recognise(probe, referenceDate);
      if (format == null) {
        throw new UnreadableLogException(
            name, UnreadableLogException.Reason.UNKNOWN_FORMAT, firstLine(probe));
      }
      Reading reading = new Reading(format, referenceDate);
      for (TextLine l : probe) {
        reading.add(l);
      }
      while ((line = in.next()) != null) {
        reading.add(line);
      }
      return new LogFile(name, format.name(), reading.lines, List.copyOf(reading.entries), Map.copyOf(reading.problems));
    } catch (IOException e) {
      throw new UnreadableLogException(name, UnreadableLogException.Reason.NOT_READABLE, String.valueOf(e.getMessage()));
    }
  }

  private static TextLines open(Path path) throws UnreadableLogException {
    try {
      return TextLines.open(path, TextLines.DEFAULT_MAX_LINE_BYTES);
    } catch (UnreadableCaptureException e) {
      UnreadableLogException.Reason reason =
          switch (e.reason()) {
            case MISSING -> UnreadableLogException.Reason.MISSING;
            case EMPTY -> UnreadableLogException.Reason.EMPTY;
            case NOT_A_CAPTURE -> UnreadableLogException.Reason.BINARY;
            default -> UnreadableLogException.Reason.NOT_READABLE;
          };
      throw new UnreadableLogException(path.toString(), reason, e.detail());
    }
  }

  /**
   * The format that recognises the most probe lines, if it recognises at least half of the
   * non-blank ones: a log with a stray line still counts, a foreign log is not guessed at.
   */
  static @Nullable LogFormat recognise(List<TextLine> probe, LocalDate referenceDate) {
    LogFormat best = null;
    int bestCount = 0;
    int nonBlank = 0;
    for (TextLine l : probe) {
      if (!l.text().isBlank()) {
        nonBlank++;
      }
    }
    for (LogFormat f : FORMATS) {
      int count = 0;
      for (TextLine l : probe) {
        if (!l.text().isBlank() && f.parse(l.text(), referenceDate).recognised()) {
          count++;
        }
      }
      if (count > bestCount) {
        best = f;
        bestCount = count;
      }
    }
    return bestCount * 2 >= nonBlank && bestCount > 0 ? best : null;
  }

  private static String firstLine(List<TextLine> probe) {
    for (TextLine l : probe) {
      if (!l.text().isBlank()) {
        String t = l.text().strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
      }
    }
    return "";
  }

  /** The state of one pass over a log. */
  private static final class Reading {
    final LogFormat format;
    final LocalDate referenceDate;
    final List<LogFile.Entry> entries = new ArrayList<>();
    final Map<String, Long> problems = new LinkedHashMap<>();
    long lines;

    Reading(LogFormat format, LocalDate referenceDate) {
      this.format = format;
      this.referenceDate = referenceDate;
    }

    void add(TextLine line) {
      lines++;
      if (line.cut()) {
        problem("log.line_too_long");
      }
      if (line.invalidEncoding()) {
        problem("log.invalid_utf8");
      }
      if (line.text().isBlank()) {
        return;
      }
      LogParse parse = format.parse(line.text(), referenceDate);
      if (parse instanceof LogParse.Problem p) {
        problem(p.id());
      } else if (!parse.recognised()) {
        // continuation lines (stack traces, SIP dumps) are normal in logs; counted, not events
        problem("log.unrecognised_line");
      } else if (parse.event() != null) {
        if (joinedPeer(line.number(), parse.event())) {
          return;
        }
        if (entries.size() < MAX_EVENTS) {
          String text = line.text();
          entries.add(new LogFile.Entry(line.number(),
              text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text, parse.event()));
        } else {
          problem("log.too_many_events");
        }
      }
    }

    /**
     * Whether {@code event} names the peer of a TLS failure reported just before without one; that
     * entry then gets the peer.
     */
    boolean joinedPeer(long number, LogEvent event) {
      if (event.kind() != LogEventKind.TLS_FAILED || event.reason() != null || event.address() == null) {
        return false;
      }
      for (int i = entries.size() - 1; i >= 0 && i >= entries.size() - PEER_LINES; i--) {
        LogFile.Entry e = entries.get(i);
        if (number - e.line() > PEER_LINES) {
          return false;
        }
        LogEvent failure = e.event();
        if (failure.kind() == LogEventKind.TLS_FAILED && failure.address() == null && failure.reason() != null
            && LogTimeline.nanos(event.written()) - LogTimeline.nanos(failure.written()) <= PEER_NANOS) {
          entries.set(i, new LogFile.Entry(e.line(), e.text(), failure.withPeer(event.address(), event.port())));
          return true;
        }
      }
      return false;
    }

    void problem(String id) {
      problems.merge(id, 1L, Long::sum);
    }
  }
}
