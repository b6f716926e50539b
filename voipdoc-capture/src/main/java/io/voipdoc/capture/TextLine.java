package io.voipdoc.capture;

/**
 * One line of a text input (a log, an access list), as {@link TextLines} reads it.
 *
 * @param number 1-based line number, as an editor shows it
 * @param text the line without its end of line; invalid UTF-8 replaced by U+FFFD, cut at the
 *     reader's line limit
 * @param cut whether the line was longer than the limit and its end was dropped
 * @param invalidEncoding whether the line was not valid UTF-8
 */
public record TextLine(long number, String text, boolean cut, boolean invalidEncoding) {}
