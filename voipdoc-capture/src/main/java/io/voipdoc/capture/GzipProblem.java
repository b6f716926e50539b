package io.voipdoc.capture;

/**
 * Damage in the gzip compression around a capture (RFC 1952). The offset of each anomaly is the
 * number of uncompressed bytes delivered before the damage.
 *
 * <table>
 *   <caption>IDs</caption>
 *   <tr><th>id</th><th>meaning</th><th>detail</th><th>then</th></tr>
 *   <tr><td>{@code gzip.stream_corrupt}</td>
 *       <td>the compressed data is invalid (bad deflate data, bad header, CRC or length
 *       mismatch)</td>
 *       <td>the decompressor's reason, e.g. {@code invalid stored block lengths}</td>
 *       <td>the input ends there; the capture reader sees a cut file</td></tr>
 *   <tr><td>{@code gzip.stream_truncated}</td>
 *       <td>the compressed file ends before its end marker (an interrupted copy or download)</td>
 *       <td>empty</td>
 *       <td>the input ends there</td></tr>
 * </table>
 */
public enum GzipProblem {
  STREAM_CORRUPT("gzip.stream_corrupt"),
  STREAM_TRUNCATED("gzip.stream_truncated");

  private final String id;

  GzipProblem(String id) {
    this.id = id;
  }

  /** The stable ID, {@code gzip.<snake_case>}. */
  public String id() {
    return id;
  }
}
