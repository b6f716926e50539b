package io.voipdoc.correlate.sip;

import org.jspecify.annotations.Nullable;

/**
 * One REGISTER transaction (RFC 3261 §10.2) and its final response.
 *
 * @param request the REGISTER (first copy)
 * @param response its final response, or null without one
 * @param expiresRequested what the REGISTER asked for in seconds (Contact expires, else Expires),
 *     or -1 when it did not say
 * @param expiresGranted what a 2xx granted for this contact in seconds, or -1
 * @param retransmissions how many times the REGISTER was sent again
 */
public record RegisterAttempt(
    SipEvent request,
    @Nullable SipEvent response,
    long expiresRequested,
    long expiresGranted,
    int retransmissions) {

  /** The final status, or -1. */
  public int status() {
    return response == null ? -1 : response.status();
  }

  /** Whether the registrar asked for credentials (401, or 407 from a proxy; §22.2, §22.3). */
  public boolean challenged() {
    return status() == 401 || status() == 407;
  }
}
