/**
 * SIP correlation: rebuilds transactions (RFC 3261 §17), dialogs (§12), calls with all their B2BUA
 * legs, and registrations (§10) from the SIP messages the decode stage hands over, in capture
 * order. {@link io.voipdoc.correlate.sip.SipCorrelator} is the entry point; everything else is the
 * read-only model it produces.
 *
 * <p>Not covered: SUBSCRIBE/NOTIFY and OPTIONS outside a call (counted, not modelled), MESSAGE and
 * PUBLISH, and SIP identity (RFC 8224). Messages of a Call-ID whose INVITE the capture does not
 * hold (started mid-call) are kept only when an INVITE follows (a re-INVITE starts the leg, marked
 * as started mid-call).
 */
@NullMarked
package io.voipdoc.correlate.sip;

import org.jspecify.annotations.NullMarked;
