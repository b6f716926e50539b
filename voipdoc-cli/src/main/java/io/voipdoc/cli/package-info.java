/**
 * The {@code voipdoc} command line: picocli commands over the pipeline stages, exit codes, and the
 * localised texts (English and German) that the commands print.
 */
@NullMarked
package io.voipdoc.cli;

import org.jspecify.annotations.NullMarked;
