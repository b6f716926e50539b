package io.voipdoc.correlate.log;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AudioCodes SBC debug log lines as a syslog viewer shows them: the receive time, the message and
 * the device's own time stamp, e.g. {@code 09:55:05.314 SIPListeningSocketTLS(#0)::AcceptNewConnection
 * - Incoming connection from 52.114.75.24:8576 accepted. SocketID=7535 [Time:04-01@09:55:04.717]}.
 * The device time is used (it is the clock that wrote the line); the year comes from the captures.
 * A leading line counter, as some viewers add, is skipped.
 *
 * <p>Events: an accepted incoming TLS connection, and the removal of a TLS socket from the
 * allowlist when it closes; together they show TLS connections torn down right after the
 * handshake.
 */
public final class AudioCodesLogFormat implements LogFormat {
  private static final Pattern LINE =
      Pattern.compile(
          "^(?:\\d{1,6} )?(\\d{2}:\\d{2}:\\d{2}\\.\\d{1,6}) (.*?) ?\\[Time:(\\d{2})-(\\d{2})@(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?)\\]\\s*$");
  private static final Pattern ACCEPTED =
      Pattern.compile("TLS.*Incoming connection from (" + LogPhrases.ADDRESS + "):(\\d{1,5}) accepted");
  private static final Pattern REMOVED =
      Pattern.compile("Removing TCPTLSSocket Remote IP: (" + LogPhrases.ADDRESS + "), Port: (\\d{1,5})");

  @Override
  public String name() {
    return "audiocodes";
  }

  @Override
  public LogParse parse(String line, LocalDate referenceDate) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return LogParse.FOREIGN;
    }
    LocalDateTime written;
    try {
      written =
          LocalDateTime.of(
              LocalDate.of(referenceDate.getYear(), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))),
              LocalTime.parse(m.group(5)));
    } catch (DateTimeException e) {
      return new LogParse.Problem("log.bad_timestamp");
    }
    String message = m.group(2);
    Matcher e = ACCEPTED.matcher(message);
    if (e.find()) {
      return new LogParse.Event(new LogEvent(LogEventKind.TLS_ACCEPTED, written,
          LogPhrases.bare(e.group(1)), Integer.parseInt(e.group(2)), null, "INFO"));
    }
    e = REMOVED.matcher(message);
    if (e.find()) {
      return new LogParse.Event(new LogEvent(LogEventKind.TLS_CLOSED, written,
          LogPhrases.bare(e.group(1)), Integer.parseInt(e.group(2)), null, "INFO"));
    }
    return new LogParse.Plain(written);
  }
}
