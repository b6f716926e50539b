package io.voipdoc.correlate.log;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message phrases several formats share: access-list rejections and error levels. */
final class LogPhrases {
  /** An IPv4 address, an IPv6 address, or either in brackets. */
  static final String ADDRESS = "(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]+\\]?)";

  // FreeSWITCH sofia.c: IP 10.0.50.118 Rejected by acl "xcc_localnet"
  private static final Pattern ACL_REJECTED =
      Pattern.compile("\\bIP (" + ADDRESS + ") Rejected by acl \"([^\"]{1,200})\"");

  // candidate 203.0.113.20:10000 rejected by acl "candidates" (also "port 10000")
  private static final Pattern CANDIDATE_REJECTED =
      Pattern.compile(
          "(?i)\\bcandidate (" + ADDRESS + ")(?: port (\\d{1,5})|:(\\d{1,5}))? rejected by acl \"([^\"]{1,200})\"");

  private LogPhrases() {}

  /** An ACL event for the message, or a plain line. */
  static LogParse message(LocalDateTime written, String level, String message) {
    Matcher m = CANDIDATE_REJECTED.matcher(message);
    if (m.find()) {
      String port = m.group(2) != null ? m.group(2) : m.group(3);
      return new LogParse.Event(
          new LogEvent(LogEventKind.CANDIDATE_REJECTED, written, bare(m.group(1)),
              port == null ? -1 : Integer.parseInt(port), m.group(4), level));
    }
    m = ACL_REJECTED.matcher(message);
    if (m.find()) {
      return new LogParse.Event(
          new LogEvent(LogEventKind.ACL_REJECTED, written, bare(m.group(1)), -1, m.group(2), level));
    }
    if (isError(level)) {
      return new LogParse.Event(new LogEvent(LogEventKind.ERROR, written, null, -1, null, level));
    }
    return new LogParse.Plain(written);
  }

  /** Whether a level as written marks an error. */
  static boolean isError(String level) {
    return switch (level.toUpperCase(Locale.ROOT)) {
      case "ERR", "ERROR", "CRIT", "CRITICAL", "ALERT", "EMERG", "BUG" -> true;
      default -> false;
    };
  }

  /** An address without brackets. */
  static String bare(String address) {
    return address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1)
        : address;
  }
}
