package io.voipdoc.diagnose;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.log.LogLine;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One observation that supports a finding: where it is (input and frame, as Wireshark numbers
 * it, or a line of a log or access-list file), what was seen (a text key of the rule's bundle with
 * raw arguments), and a Wireshark display filter that shows it.
 *
 * @param frame the frame, or null for evidence that is an absence (e.g. "no RTP at all")
 * @param key text key below {@code <ID>.evidence.}
 * @param values the values for the text: strings (addresses, counts, names), decimal numbers as
 *     {@link Double} and words of the bundle as {@link Term}, the last two shown in the reader's
 *     language
 * @param displayFilter a Wireshark display filter, empty when none applies
 * @param line the log or access-list line that shows it, or null for evidence in the captures
 */
public record Evidence(
    @Nullable FrameRef frame, String key, List<Object> values, String displayFilter, @Nullable LogLine line) {

  /** Evidence in the captures (or an absence), without a line of a text file. */
  public Evidence(@Nullable FrameRef frame, String key, List<Object> values, String displayFilter) {
    this(frame, key, values, displayFilter, null);
  }

  /** The values as raw text: a term as its key, a decimal number with one decimal and a point. */
  public List<String> args() {
    return raw(values);
  }

  static List<String> raw(List<Object> values) {
    return values.stream()
        .map(v -> v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(v))
        .toList();
  }
}
