package io.voipdoc.correlate.log;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Message phrases several formats share: access-list rejections, TLS failures and error levels. */
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

  // OpenSSL's error string as kamailio's tls module (and other OpenSSL users) log it, 3.x and 1.1:
  // TLS accept:error:0A000418:SSL routines::tlsv1 alert unknown ca (sni: pbx.example)
  // TLS connect:error:14090086:SSL routines:ssl3_get_server_certificate:certificate verify failed
  private static final Pattern SSL_ROUTINES =
      Pattern.compile("\\bSSL routines:[\\w]{0,64}:([^()]{1,200}?)\\s*(?:\\(sni: [^)]{0,255}\\)\\s*)?$");

  private static final Pattern VERIFY_FAILED = Pattern.compile("(?i)\\bcertificate verify failed\\b");

  private LogPhrases() {}

  /**
   * A TLS failure the line reports: OpenSSL's reason (after {@code SSL routines}) or a failed
   * certificate verification; the peer is named on a later line, if at all. Null for other lines.
   */
  static @Nullable LogEvent tlsFailure(LocalDateTime written, String level, String message) {
    Matcher m = SSL_ROUTINES.matcher(message);
    if (m.find()) {
      return new LogEvent(LogEventKind.TLS_FAILED, written, null, -1, null, level, m.group(1).strip());
    }
    if (VERIFY_FAILED.matcher(message).find()) {
      return new LogEvent(LogEventKind.TLS_FAILED, written, null, -1, null, level, "certificate verify failed");
    }
    return null;
  }

  /** An ACL or TLS failure event for the message, an error event, or a plain line. */
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
    LogEvent tls = tlsFailure(written, level, message);
    if (tls != null) {
      return new LogParse.Event(tls);
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
