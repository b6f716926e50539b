package io.voipdoc.correlate.sip;

/** How a call (or one leg of it) turned out. */
public enum CallState {
  /** A 2xx answered the INVITE. */
  ANSWERED,
  /** A final response 3xx..6xx ended it (other than 487 after CANCEL). */
  REJECTED,
  /** The caller cancelled it (CANCEL, usually answered by 487). */
  CANCELLED,
  /** No final response within timer B (64*T1 = 32 s, RFC 3261 §17.1.1.2). */
  TIMED_OUT,
  /** No final response, but the capture ended (or went silent) before timer B ran out. */
  UNANSWERED
}
