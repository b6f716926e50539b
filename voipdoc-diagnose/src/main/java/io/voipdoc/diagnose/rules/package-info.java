/**
 * The rules, grouped by area in sub-packages ({@code signalling}, {@code media}, {@code ice},
 * {@code nat}, {@code tls}, {@code security}), each area with its text bundle
 * ({@code Messages.properties}, {@code Messages_de.properties}).
 */
@NullMarked
package io.voipdoc.diagnose.rules;

import org.jspecify.annotations.NullMarked;
