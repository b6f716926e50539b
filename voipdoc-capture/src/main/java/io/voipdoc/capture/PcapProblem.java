package io.voipdoc.capture;

/**
 * Damage found in a classic pcap file. The offset of each anomaly is that of the record header.
 *
 * <table>
 *   <caption>IDs</caption>
 *   <tr><th>id</th><th>meaning</th><th>detail</th><th>then</th></tr>
 *   <tr><td>{@code pcap.record_length_impossible}</td>
 *       <td>a record's captured length exceeds {@link CaptureConfig#maxPcapRecordLength()}; the
 *       record header is garbage or the file is damaged</td>
 *       <td>{@code caplen=<n> max=<m>}</td>
 *       <td>reading stops: pcap records carry no marker to find the next one safely</td></tr>
 *   <tr><td>{@code pcap.record_truncated}</td>
 *       <td>the input ends inside a record header or body (an interrupted capture, a cut file)</td>
 *       <td>{@code needed=<bytes of the record> available=<bytes left>}</td>
 *       <td>end of input; every complete record before it was delivered</td></tr>
 * </table>
 *
 * <p>A record cut by the snapshot length (original length larger than captured length) is normal
 * and not an anomaly; {@link Frame#truncated()} tells it.
 */
public enum PcapProblem {
  RECORD_LENGTH_IMPOSSIBLE("pcap.record_length_impossible"),
  RECORD_TRUNCATED("pcap.record_truncated");

  private final String id;

  PcapProblem(String id) {
    this.id = id;
  }

  /** The stable ID, {@code pcap.<snake_case>}. */
  public String id() {
    return id;
  }
}
