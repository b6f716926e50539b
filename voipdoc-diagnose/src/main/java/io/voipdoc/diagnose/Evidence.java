package io.voipdoc.diagnose;

import io.voipdoc.capture.FrameRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One observation that supports a finding: where it is (input and frame, as Wireshark numbers
 * it), what was seen (a text key of the rule's bundle with raw arguments), and a Wireshark display
 * filter that shows it.
 *
 * @param frame the frame, or null for evidence that is an absence (e.g. "no RTP at all")
 * @param key text key below {@code <ID>.evidence.}
 * @param args raw values for the text (addresses, numbers, names)
 * @param displayFilter a Wireshark display filter, empty when none applies
 */
public record Evidence(@Nullable FrameRef frame, String key, List<String> args, String displayFilter) {}
