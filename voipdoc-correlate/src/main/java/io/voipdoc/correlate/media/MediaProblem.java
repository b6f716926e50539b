package io.voipdoc.correlate.media;

/**
 * What the media correlation had to leave out, with stable IDs {@code media.<snake_case>}. Counted
 * by {@link MediaCorrelator#problems()}; each count means facts are missing from the results.
 */
public enum MediaProblem {
  /** An RTP stream was not followed: {@link MediaCorrelatorConfig#maxActiveStreams()} reached. */
  STREAM_TABLE_FULL("media.stream_table_full"),
  /** A finished record was dropped: {@link MediaCorrelatorConfig#maxFinishedRecords()} reached. */
  RECORDS_DROPPED("media.records_dropped"),
  /** An SDP endpoint was not remembered: {@link MediaCorrelatorConfig#maxAnnouncedEndpoints()}. */
  ENDPOINT_TABLE_FULL("media.endpoint_table_full"),
  /** A STUN request was not followed: {@link MediaCorrelatorConfig#maxPendingTransactions()}. */
  TRANSACTION_TABLE_FULL("media.transaction_table_full"),
  /** A STUN response arrived whose request was not seen (capture started late, or one leg only). */
  RESPONSE_WITHOUT_REQUEST("media.response_without_request"),
  /** A per-second sample was not kept: {@link MediaCorrelatorConfig#maxSeriesSeconds()} reached. */
  SERIES_TRUNCATED("media.series_truncated");

  private final String id;

  MediaProblem(String id) {
    this.id = id;
  }

  /** The stable ID, e.g. {@code media.stream_table_full}. */
  public String id() {
    return id;
  }
}
