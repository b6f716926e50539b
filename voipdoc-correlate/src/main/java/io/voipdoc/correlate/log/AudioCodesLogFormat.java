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
 * handshake. A line saying {@code TLS negotiation failed} is a failed handshake; its reason is the
 * Windows status name it gives ({@code SEC_E_UNTRUSTED_ROOT}), and its peer the address and port
 * it names, if any. That phrase is the one Microsoft's Direct Routing reports for a REFER it could
 * not deliver; the SBC lines it is recognised in are written after the layout above, not taken
 * from a device.
 */
public final class AudioCodesLogFormat implements LogFormat {
  private static final Pattern LINE =
      Pattern.compile(
          "^(?:\\d{1,6} )?(\\d{2}:\\d{2}:\\d{2}\\.\\d{1,6}) (.*?) ?\\[Time:(\\d{2})-(\\d{2})@(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?)\\]\\s*$");
  private static final Pattern ACCEPTED =
      Pattern.compile("TLS.*Incoming connection from (" + LogPhrases.ADDRESS + "):(\\d{1,5}) accepted");
  private static final Pattern REMOVED =
      Pattern.compile("Removing TCPTLSSocket Remote IP: (" + LogPhrases.ADDRESS + "), Port: (\\d{1,5})");

  private static final Pattern NEGOTIATION_FAILED = Pattern.compile("(?i)\\bTLS negotiation failed\\b");
  private static final Pattern STATUS = Pattern.compile("\\b(SEC_E_\\w{1,64}|CERT_E_\\w{1,64})");
  // 52.114.75.24:8576, or Remote IP: 52.114.75.24, Port: 8576
  private static final Pattern PEER =
      Pattern.compile("(" + LogPhrases.ADDRESS + "):(\\d{1,5})\\b|Remote IP: (" + LogPhrases.ADDRESS + "), Port: (\\d{1,5})");

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
    if (NEGOTIATION_FAILED.matcher(message).find()) {
      return new LogParse.Event(negotiationFailed(written, message));
    }
    return new LogParse.Plain(written);
  }

  private static LogEvent negotiationFailed(LocalDateTime written, String message) {
    Matcher s = STATUS.matcher(message);
    String reason = s.find() ? s.group(1) : "TLS negotiation failed";
    Matcher p = PEER.matcher(message);
    if (p.find()) {
      boolean colon = p.group(1) != null;
      return new LogEvent(LogEventKind.TLS_FAILED, written, LogPhrases.bare(colon ? p.group(1) : p.group(3)),
          Integer.parseInt(colon ? p.group(2) : p.group(4)), null, "ERROR", reason);
    }
    return new LogEvent(LogEventKind.TLS_FAILED, written, null, -1, null, "ERROR", reason);
  }
}
