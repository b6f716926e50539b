/**
 * Rules about the captures themselves rather than the calls in them: what a capture could not
 * show, said before the findings it may weaken.
 */
@NullMarked
package io.voipdoc.diagnose.rules.capture;

import org.jspecify.annotations.NullMarked;
