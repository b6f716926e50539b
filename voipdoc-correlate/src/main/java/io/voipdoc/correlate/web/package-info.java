/**
 * Web channels next to SIP: the opening handshakes of WebSocket connections (RFC 6455 §4), which
 * browser phones use for SIP over WebSocket (RFC 7118) and apps for their event channel, with the
 * answer of the server or reverse proxy in front of it, or its absence. Facts only; whether a
 * refused or unanswered upgrade is a failure is for the rules to say.
 */
@NullMarked
package io.voipdoc.correlate.web;

import org.jspecify.annotations.NullMarked;
