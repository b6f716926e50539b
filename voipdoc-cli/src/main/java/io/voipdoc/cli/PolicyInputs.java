package io.voipdoc.cli;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.ClockOffset;
import io.voipdoc.correlate.log.LogFile;
import io.voipdoc.correlate.log.LogReader;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.log.UnreadableLogException;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclException;
import io.voipdoc.diagnose.acl.AclParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of {@code analyze} besides the captures: logs ({@code --log}, {@code --log-offset})
 * and the controller's access list ({@code --acl}), turned into a {@link DiagnosisContext}, and
 * what the report says about them.
 */
final class PolicyInputs {
  // [FILE=]+1.5s, -200ms, +2h, -90m
  private static final Pattern OFFSET = Pattern.compile("(?:(.+)=)?([+-]?\\d{1,9}(?:\\.\\d{1,9})?)(ms|s|m|h)");

  /**
   * What was read.
   *
   * @param context logs on the timeline and the access list, for the rules
   * @param unreadable one message per log that could not be used
   */
  record Read(DiagnosisContext context, List<String> unreadable) {}

  private PolicyInputs() {}

  /**
   * Parses the {@code --log-offset} values: {@code OFFSET} for every log or {@code FILE=OFFSET}
   * for one.
   *
   * @return offsets in nanoseconds by log file (as given, or its name); the key "" for all logs
   * @throws IllegalArgumentException with the value that is wrong
   */
  static Map<String, Long> offsets(List<String> values) {
    Map<String, Long> out = new HashMap<>();
    for (String v : values) {
      Matcher m = OFFSET.matcher(v.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(v);
      }
      double amount = Double.parseDouble(m.group(2));
      long unit =
          switch (m.group(3)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      out.put(m.group(1) == null ? "" : m.group(1), Math.round(amount * unit));
    }
    return out;
  }

  /** Reads the access list, or returns null without one. */
  static @Nullable Acl acl(@Nullable Path file) throws AclException {
    return file == null ? null : AclParser.read(file);
  }

  /** Reads the logs and places them beside the incident. */
  static Read read(List<Path> logs, Map<String, Long> offsets, @Nullable Acl acl, Incident incident, Messages m) {
    LocalDate day = referenceDate(incident);
    List<LogFile> files = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    Map<String, Long> given = new HashMap<>();
    for (Path p : logs) {
      try {
        LogFile f = LogReader.read(p, day);
        files.add(f);
        // FILE= as given with --log, or just the file's name
        Long o = offsets.get(p.toString());
        if (o == null && p.getFileName() != null) {
          o = offsets.get(p.getFileName().toString());
        }
        if (o == null) {
          o = offsets.get("");
        }
        if (o != null) {
          given.put(f.file(), o);
        }
      } catch (UnreadableLogException e) {
        unreadable.add(message(e, m));
      }
    }
    LogTimeline timeline = files.isEmpty() ? LogTimeline.EMPTY : LogTimeline.place(files, given, incident);
    return new Read(new DiagnosisContext(timeline, acl), unreadable);
  }

  /** The day the captures start, for log formats that write no date or year. */
  private static LocalDate referenceDate(Incident incident) {
    for (Call c : incident.calls()) {
      return c.start().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (!incident.tlsConnections().isEmpty()) {
      return incident.tlsConnections().get(0).start().atZone(ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** The one-line message for a log that cannot be used. */
  static String message(UnreadableLogException e, Messages m) {
    return m.text("log.unreadable." + e.reason().name().toLowerCase(Locale.ROOT), e.file(), e.detail());
  }

  /** The one-line message for an access list that cannot be used. */
  static String message(AclException e, Messages m) {
    String where = e.line() > 0 ? e.file() + ":" + e.line() : e.file();
    return m.text("acl.error." + e.problem().name().toLowerCase(Locale.ROOT), where, e.detail());
  }

  /** One line per log: format, events, clock offset and unusable lines. */
  static void text(LogTimeline logs, Messages m, PrintWriter out) {
    if (logs.logs().isEmpty()) {
      return;
    }
    out.println();
    out.println(m.text("analyze.logs"));
    for (LogTimeline.Placement p : logs.logs()) {
      LogFile f = p.log();
      ClockOffset o = p.offset();
      out.println("  " + m.text("analyze.log", Path.of(f.file()).getFileName(), f.format(), f.lines(),
          f.entries().size(), offsetText(o, m), f.problemCount()));
    }
  }

  private static String offsetText(ClockOffset o, Messages m) {
    String ms = String.format(m.locale(), "%+.3f", o.nanos() / 1e9);
    return m.text("analyze.log.offset." + o.source().name().toLowerCase(Locale.ROOT), ms, o.sharedEvents());
  }

  /** The logs for the JSON document. */
  static List<Map<String, Object>> json(LogTimeline logs) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LogTimeline.Placement p : logs.logs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", p.log().file());
      row.put("format", p.log().format());
      row.put("lines", p.log().lines());
      row.put("events", p.log().entries().size());
      row.put("offsetMs", p.offset().nanos() / 1_000_000.0);
      row.put("offsetSource", p.offset().source().name().toLowerCase(Locale.ROOT));
      row.put("sharedEvents", p.offset().sharedEvents());
      row.put("problems", p.log().problems());
      out.add(row);
    }
    return out;
  }
}
