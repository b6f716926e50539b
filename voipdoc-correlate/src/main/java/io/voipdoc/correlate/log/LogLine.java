package io.voipdoc.correlate.log;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A line of a text input that proves something, the way a frame does for packets: where it is and
 * what it says.
 *
 * @param file display name of the file
 * @param number 1-based line number
 * @param time when it happened on the captures' clock (the log's own time corrected by the clock
 *     offset), or null for a line without time such as an access-list entry
 * @param text the line as written (cut at the reader's limit)
 */
public record LogLine(String file, long number, @Nullable Instant time, String text) {}
