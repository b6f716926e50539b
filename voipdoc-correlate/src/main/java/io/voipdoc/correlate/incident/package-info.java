/**
 * Everything correlated from one set of captures, in one place: the SIP side ({@code sip}) and the
 * media side ({@code media}) wired together, so that streams and ICE checks find their calls. This
 * is what the diagnose stage reads.
 */
@NullMarked
package io.voipdoc.correlate.incident;

import org.jspecify.annotations.NullMarked;
