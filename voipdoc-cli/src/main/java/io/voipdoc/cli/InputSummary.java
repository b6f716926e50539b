package io.voipdoc.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code voipdoc info} reports about one input: its format, what it contains, and the damage
 * found in it. Serialised as JSON as it is.
 *
 * @param path the input as given
 * @param format {@code pcap} or {@code pcapng}
 * @param linkTypes link-type names in order of first appearance
 * @param packets number of frames
 * @param bytes captured bytes of all frames
 * @param truncatedFrames frames cut short by the snapshot length
 * @param firstTimestamp capture time of the first frame (ISO-8601, UTC), absent without frames
 * @param lastTimestamp capture time of the last frame
 * @param durationSeconds last minus first, in seconds
 * @param counts what the decoder recognised, by kind
 * @param anomalyCounts occurrences per anomaly ID
 * @param anomalies examples of anomalies (the first few of each ID)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputSummary(
    String path,
    String format,
    List<String> linkTypes,
    long packets,
    long bytes,
    long truncatedFrames,
    @Nullable String firstTimestamp,
    @Nullable String lastTimestamp,
    double durationSeconds,
    Map<String, Long> counts,
    Map<String, Long> anomalyCounts,
    List<AnomalyView> anomalies) {

  /**
   * One anomaly as reported.
   *
   * @param id stable ID
   * @param frame frame number, 0 when none
   * @param offset byte offset in the input, -1 when not known
   * @param detail raw facts
   * @param message localised explanation
   */
  public record AnomalyView(String id, long frame, long offset, String detail, String message) {}

  /**
   * An input that could not be read.
   *
   * @param path the input as given
   * @param reason why, as a stable word
   * @param message localised one-line explanation
   */
  public record Unreadable(String path, String reason, String message) {}
}
