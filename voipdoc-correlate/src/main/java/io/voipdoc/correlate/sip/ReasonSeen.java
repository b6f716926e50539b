package io.voipdoc.correlate.sip;

/**
 * A Reason header (RFC 3326) on a BYE, CANCEL or response: a SIP status or a Q.850 cause.
 *
 * @param event the message that carried it
 * @param protocol {@code SIP}, {@code Q.850}, ...
 * @param cause the cause value
 * @param text the text parameter, or empty
 */
public record ReasonSeen(SipEvent event, String protocol, int cause, String text) {}
