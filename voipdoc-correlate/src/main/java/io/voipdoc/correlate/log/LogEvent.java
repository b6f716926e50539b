package io.voipdoc.correlate.log;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One event a log line reports, on the log's own clock.
 *
 * @param kind what happened
 * @param written when, as the log wrote it (local time of the writing host, zone unknown)
 * @param address the peer address it names, or null
 * @param port the peer port it names, or -1
 * @param acl the name of the access list it names, or null
 * @param level the log level as written (e.g. {@code WARNING}, {@code ERR})
 * @param reason why it happened in the writer's words (e.g. the TLS library's {@code tlsv1 alert
 *     unknown ca}), or null
 */
public record LogEvent(
    LogEventKind kind,
    LocalDateTime written,
    @Nullable String address,
    int port,
    @Nullable String acl,
    String level,
    @Nullable String reason) {

  /** An event without a reason. */
  public LogEvent(
      LogEventKind kind, LocalDateTime written, @Nullable String address, int port, @Nullable String acl, String level) {
    this(kind, written, address, port, acl, level, null);
  }

  /** The same event about the peer {@code address:port} (a later line named it). */
  LogEvent withPeer(String peerAddress, int peerPort) {
    return new LogEvent(kind, written, peerAddress, peerPort, acl, level, reason);
  }
}
