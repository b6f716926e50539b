package io.voipdoc.correlate.sip;

/** The two ends of a dialog: the one that sent the initial INVITE, and the one it called. */
public enum Party {
  CALLER,
  CALLEE;

  /** The other end. */
  public Party other() {
    return this == CALLER ? CALLEE : CALLER;
  }
}
