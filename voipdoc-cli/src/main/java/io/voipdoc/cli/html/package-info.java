/**
 * The self-contained HTML report of {@code voipdoc analyze --format html}: one file with inline
 * CSS, script and SVG (ladder diagrams, media timelines, jitter and loss plots) that opens
 * offline and fetches nothing.
 */
@NullMarked
package io.voipdoc.cli.html;

import org.jspecify.annotations.NullMarked;
