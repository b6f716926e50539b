package io.voipdoc.correlate.log;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FreeSWITCH's log file layout, also written by controllers built on it:
 * {@code 2023-01-26 15:04:17.755102 [WARNING] sofia.c:10622 IP 10.0.50.118 Rejected by acl
 * "xcc_localnet"}. Newer versions may put the session UUID first and the CPU idle share after the
 * time; both are accepted. The source location ({@code file.c:line}) is optional.
 */
public final class FreeSwitchLogFormat implements LogFormat {
  // [uuid ]date time[ idle%] [LEVEL] [file:line ]message
  private static final Pattern LINE =
      Pattern.compile(
          "^(?:[0-9a-fA-F]{8}-[0-9a-fA-F-]{27} )?(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)"
              + "(?: \\d{1,3}\\.\\d{1,2}%)? \\[([A-Z]{2,8})\\] (?:\\S+:\\d+ )?(.*)$");

  @Override
  public String name() {
    return "freeswitch";
  }

  @Override
  public LogParse parse(String line, LocalDate referenceDate) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return LogParse.FOREIGN;
    }
    LocalDateTime written;
    try {
      written = LocalDateTime.of(LocalDate.parse(m.group(1)), LocalTime.parse(m.group(2)));
    } catch (DateTimeException e) {
      return new LogParse.Problem("log.bad_timestamp");
    }
    return LogPhrases.message(written, m.group(3), m.group(4));
  }
}
