package io.voipdoc.correlate.sip;

/** Why a leg belongs to its call. */
public enum LegLink {
  /** The leg that started the call. */
  FIRST,
  /**
   * A header names the other leg: its Call-ID in X-Call-ID, X-CID or a configured header, the
   * same Session-ID UUID (RFC 7989 §6), or the same P-Charging-Vector icid-value (RFC 7315 §4.6).
   */
  CORRELATION_HEADER,
  /**
   * The heuristic of {@link SipCorrelator}: the INVITE came from the host the call's INVITE went
   * to, soon after it, with the same calling or called number or the same media address.
   */
  HEURISTIC
}
