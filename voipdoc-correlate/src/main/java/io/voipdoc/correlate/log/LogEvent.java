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
 */
public record LogEvent(
    LogEventKind kind,
    LocalDateTime written,
    @Nullable String address,
    int port,
    @Nullable String acl,
    String level) {}
