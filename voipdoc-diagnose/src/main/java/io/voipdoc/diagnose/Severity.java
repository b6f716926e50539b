package io.voipdoc.diagnose;

/** How bad a finding is, in increasing order. */
public enum Severity {
  /** Worth knowing; not a failure (e.g. an estimate, a healthy detail). */
  INFO,
  /** Likely to cause trouble, or a failure whose cause is not certain. */
  WARNING,
  /** A failure the captures prove. */
  ERROR;

  /** Whether this is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
