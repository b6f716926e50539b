package io.voipdoc.decode.stun;

/** Outcome of checking FINGERPRINT or MESSAGE-INTEGRITY(-SHA256). */
public enum StunCheck {
  /** The message carries no such attribute (or one with an unusable length). */
  ABSENT,
  /** The attribute matches the message. */
  VALID,
  /** The attribute does not match: corrupted, altered, or (for integrity) the wrong key. */
  INVALID
}
