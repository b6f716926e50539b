package io.voipdoc.correlate.media;

/**
 * Limits and timeouts of the {@link MediaCorrelator}. Every map the correlator keeps is bounded by
 * one of these; what does not fit is counted as a {@link MediaProblem}.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>maxActiveStreams</td><td>{@value #DEFAULT_MAX_ACTIVE_STREAMS}</td>
 *       <td>RTP streams (SSRC on a 5-tuple) followed at once</td></tr>
 *   <tr><td>maxFinishedRecords</td><td>{@value #DEFAULT_MAX_FINISHED_RECORDS}</td>
 *       <td>finished streams, checks, exchanges, connections and ICMP events kept, each</td></tr>
 *   <tr><td>maxAnnouncedEndpoints</td><td>{@value #DEFAULT_MAX_ANNOUNCED_ENDPOINTS}</td>
 *       <td>SDP media endpoints and ICE candidates remembered</td></tr>
 *   <tr><td>maxPendingTransactions</td><td>{@value #DEFAULT_MAX_PENDING_TRANSACTIONS}</td>
 *       <td>STUN requests waiting for their response</td></tr>
 *   <tr><td>maxSeriesSeconds</td><td>{@value #DEFAULT_MAX_SERIES_SECONDS}</td>
 *       <td>per-second samples kept per stream (for plots)</td></tr>
 *   <tr><td>heuristicConfirmPackets</td><td>{@value #DEFAULT_HEURISTIC_CONFIRM_PACKETS}</td>
 *       <td>packets in sequence needed before an RTP stream no SDP announced is believed</td></tr>
 *   <tr><td>streamIdleNanos</td><td>{@value #DEFAULT_STREAM_IDLE_NANOS}</td>
 *       <td>capture time without packets after which a stream is finished</td></tr>
 *   <tr><td>transactionTimeoutNanos</td><td>{@value #DEFAULT_TRANSACTION_TIMEOUT_NANOS}</td>
 *       <td>time after which a STUN request counts as never answered (RFC 8489 §6.2.1: Rc=7, Rm=16
 *       with RTO 500 ms gives 39.5 s)</td></tr>
 *   <tr><td>connectionIdleNanos</td><td>{@value #DEFAULT_CONNECTION_IDLE_NANOS}</td>
 *       <td>capture time without records after which a TLS/DTLS connection is finished</td></tr>
 * </table>
 *
 * @param maxActiveStreams see table
 * @param maxFinishedRecords see table
 * @param maxAnnouncedEndpoints see table
 * @param maxPendingTransactions see table
 * @param maxSeriesSeconds see table
 * @param heuristicConfirmPackets see table
 * @param streamIdleNanos see table
 * @param transactionTimeoutNanos see table
 * @param connectionIdleNanos see table
 */
public record MediaCorrelatorConfig(
    int maxActiveStreams,
    int maxFinishedRecords,
    int maxAnnouncedEndpoints,
    int maxPendingTransactions,
    int maxSeriesSeconds,
    int heuristicConfirmPackets,
    long streamIdleNanos,
    long transactionTimeoutNanos,
    long connectionIdleNanos) {

  public static final int DEFAULT_MAX_ACTIVE_STREAMS = 10_000;
  public static final int DEFAULT_MAX_FINISHED_RECORDS = 100_000;
  public static final int DEFAULT_MAX_ANNOUNCED_ENDPOINTS = 100_000;
  public static final int DEFAULT_MAX_PENDING_TRANSACTIONS = 50_000;
  public static final int DEFAULT_MAX_SERIES_SECONDS = 3_600;
  public static final int DEFAULT_HEURISTIC_CONFIRM_PACKETS = 3;
  public static final long DEFAULT_STREAM_IDLE_NANOS = 60_000_000_000L;
  public static final long DEFAULT_TRANSACTION_TIMEOUT_NANOS = 39_500_000_000L;
  public static final long DEFAULT_CONNECTION_IDLE_NANOS = 300_000_000_000L;

  /** The defaults of the table above. */
  public static final MediaCorrelatorConfig DEFAULTS =
      new MediaCorrelatorConfig(
          DEFAULT_MAX_ACTIVE_STREAMS,
          DEFAULT_MAX_FINISHED_RECORDS,
          DEFAULT_MAX_ANNOUNCED_ENDPOINTS,
          DEFAULT_MAX_PENDING_TRANSACTIONS,
          DEFAULT_MAX_SERIES_SECONDS,
          DEFAULT_HEURISTIC_CONFIRM_PACKETS,
          DEFAULT_STREAM_IDLE_NANOS,
          DEFAULT_TRANSACTION_TIMEOUT_NANOS,
          DEFAULT_CONNECTION_IDLE_NANOS);

  public MediaCorrelatorConfig {
    if (maxActiveStreams < 1
        || maxFinishedRecords < 0
        || maxAnnouncedEndpoints < 0
        || maxPendingTransactions < 0
        || maxSeriesSeconds < 0
        || heuristicConfirmPackets < 1
        || streamIdleNanos <= 0
        || transactionTimeoutNanos <= 0
        || connectionIdleNanos <= 0) {
      throw new IllegalArgumentException("media correlator limits must be positive");
    }
  }
}
