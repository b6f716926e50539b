package io.voipdoc.diagnose;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named cause found in the captures, with its proof and what to change.
 *
 * @param id the finding ID (the rule's)
 * @param severity how bad it is
 * @param bundle base name of the resource bundle with its texts
 * @param subject what it is about, as raw identifiers (e.g. {@code call 3}, an AOR, a flow)
 * @param callIds Call-IDs of the call it is about; empty when it is not about a call
 * @param titleValues the values for the title text, as in {@link Evidence#values()}
 * @param evidence observations, in capture order
 * @param advice steps to take, most useful first
 * @param titleVariant which of the rule's titles: null for its usual one ({@code <ID>.title}),
 *     else {@code <ID>.title.<variant>}
 */
public record Finding(
    String id,
    Severity severity,
    String bundle,
    String subject,
    List<String> callIds,
    List<Object> titleValues,
    List<Evidence> evidence,
    List<Advice> advice,
    @Nullable String titleVariant) {

  /** The title's values as raw text, as in {@link Evidence#args()}. */
  public List<String> titleArgs() {
    return Evidence.raw(titleValues);
  }

  /** The first frame of the evidence, or null. */
  public io.voipdoc.capture.@Nullable FrameRef firstFrame() {
    for (Evidence e : evidence) {
      if (e.frame() != null) {
        return e.frame();
      }
    }
    return null;
  }
}
