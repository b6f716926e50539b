package io.voipdoc.correlate.log;

/** What a log line reports, in the words of the failure patterns it can prove. */
public enum LogEventKind {
  /** A request from {@code address} refused by the access list {@code acl}. */
  ACL_REJECTED,
  /** An offered media candidate {@code address:port} refused by the access list {@code acl}. */
  CANDIDATE_REJECTED,
  /** An incoming TLS connection from {@code address:port} accepted. */
  TLS_ACCEPTED,
  /** The TLS connection from {@code address:port} closed or reset. */
  TLS_CLOSED,
  /**
   * A TLS handshake failed; {@code reason} is the writer's reason when the line gives one, and
   * {@code address:port} the peer when the line (or the line after it) names one.
   */
  TLS_FAILED,
  /** A line the program itself marked as an error (ERR, ERROR, CRIT, ALERT, EMERG). */
  ERROR
}
