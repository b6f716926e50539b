/**
 * Stage 3 of the pipeline: correlation. Rebuilds what happened from the messages the decode stage
 * recognises: SIP transactions, dialogs, calls (all legs of a B2BUA call) and registrations
 * ({@code sip}); RTP streams with quality figures, ICE checks, STUN exchanges, TLS and DTLS
 * connections and ICMP errors ({@code media}).
 *
 * <p>State is keyed (by Call-ID, transaction, 5-tuple, SSRC) and expires on capture time through
 * {@code onTimer(nowNanos)}, never the wall clock, so the same code can run on a live feed or a
 * stream engine. This stage states facts; judging them is the diagnose stage's job.
 */
@NullMarked
package io.voipdoc.correlate;

import org.jspecify.annotations.NullMarked;
