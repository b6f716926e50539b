package io.voipdoc.correlate.log;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kamailio's log lines as syslog or journald store them:
 * {@code Nov 25 12:50:01 pbx kamailio[812]: WARNING: <script>: IP 203.0.113.20 Rejected by acl
 * "group1"} (BSD syslog, the year taken from the captures) or with an RFC 3339 time stamp
 * ({@code 2026-11-25T12:50:01.123456+00:00 pbx kamailio[812]: ...}, converted to UTC). Lines
 * kamailio writes to standard error ({@code  0(812) WARNING: <script>: ...}) carry no time and are
 * counted as {@code log.no_timestamp}.
 *
 * <p>A failed TLS handshake is two lines of the tls module: OpenSSL's reason ({@code TLS
 * accept:error:0A000418:SSL routines::tlsv1 alert unknown ca}), then the peer ({@code src addr:
 * 203.0.113.20:39946}); each is a {@link LogEventKind#TLS_FAILED} event, and {@link LogReader}
 * joins them.
 */
public final class KamailioLogFormat implements LogFormat {
  // rsyslog writes the tag without [pid] for the lines kamailio logs before it forks
  private static final String PROGRAM = " \\S+ [\\w./-]*kamailio[\\w-]*(?:\\[\\d+\\])?: (.*)$";
  private static final Pattern BSD =
      Pattern.compile("^([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)" + PROGRAM);
  private static final Pattern ISO =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})?" + PROGRAM);
  private static final Pattern STDERR = Pattern.compile("^ *\\d+\\(\\d+\\) [A-Z]+: .*");
  // LEVEL: module [file:line]: function(): message, or LEVEL: <script>: message from the
  // configuration's xlog; the module may be in angle brackets, location and function are optional
  private static final Pattern MESSAGE =
      Pattern.compile(
          "^([A-Z]+): (?:<[^>]{0,64}>|[\\w.-]{1,64}):? (?:\\[[^\\]]{0,200}\\]: )?(?:[\\w.]{1,64}\\(\\): )?(.*)$");
  // the tls module names the peer on the line after OpenSSL's reason (kamailio 5.x):
  // ERROR: tls [tls_server.c:1334]: tls_h_read_f(): src addr: 203.0.113.20:39946
  private static final Pattern TLS_PEER =
      Pattern.compile(
          "^([A-Z]+): tls (?:\\[[^\\]]{0,200}\\]: )?(?:[\\w.]{1,64}\\(\\): )?src addr: ("
              + LogPhrases.ADDRESS + "):(\\d{1,5})\\s*$");
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  @Override
  public String name() {
    return "kamailio";
  }

  @Override
  public LogParse parse(String line, LocalDate referenceDate) {
    LocalDateTime written;
    String rest;
    try {
      Matcher m = BSD.matcher(line);
      if (m.matches()) {
        MonthDay day = MonthDay.parse(m.group(1) + " " + m.group(2), MONTH_DAY);
        written = LocalDateTime.of(day.atYear(referenceDate.getYear()), LocalTime.parse(m.group(3)));
        rest = m.group(4);
      } else if ((m = ISO.matcher(line)).matches()) {
        LocalDateTime local = LocalDateTime.parse(m.group(1));
        String zone = m.group(2);
        written =
            zone == null
                ? local
                : OffsetDateTime.of(local, ZoneOffset.of(zone.equals("Z") ? "Z" : colon(zone)))
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
        rest = m.group(3);
      } else if (STDERR.matcher(line).matches()) {
        return new LogParse.Problem("log.no_timestamp");
      } else {
        return LogParse.FOREIGN;
      }
    } catch (DateTimeException e) {
      // DateTimeParseException, or a zone like +99:00
      return new LogParse.Problem("log.bad_timestamp");
    }
    Matcher m = TLS_PEER.matcher(rest);
    if (m.matches()) {
      return new LogParse.Event(new LogEvent(LogEventKind.TLS_FAILED, written,
          LogPhrases.bare(m.group(2)), Integer.parseInt(m.group(3)), null, m.group(1)));
    }
    m = MESSAGE.matcher(rest);
    if (!m.matches()) {
      // kamailio's own process name but not its message layout: still a kamailio line
      return new LogParse.Plain(written);
    }
    return LogPhrases.message(written, m.group(1), m.group(2));
  }

  private static String colon(String zone) {
    return zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
  }
}
