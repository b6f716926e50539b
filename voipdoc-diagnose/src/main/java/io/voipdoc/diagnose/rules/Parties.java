package io.voipdoc.diagnose.rules;

import io.voipdoc.correlate.sip.Call;

/**
 * How findings name the two parties of a call: by the numbers the call was made with, and where
 * the From or Request-URI has no user part (a URI such as {@code sip:200.57.7.195:55061}), by the
 * address the call's first INVITE came from or went to, which is then also the URI's host or the
 * next hop towards it. A title such as "call  to francisco" names nobody.
 */
public final class Parties {
  private Parties() {}

  /** The calling number, else the address the first INVITE came from. */
  public static String caller(Call call) {
    String from = call.from();
    return from.isEmpty() ? call.firstLeg().invite().source().address().getHostAddress() : from;
  }

  /** The called number, else the address the first INVITE was sent to. */
  public static String callee(Call call) {
    String to = call.to();
    return to.isEmpty() ? call.firstLeg().invite().destination().address().getHostAddress() : to;
  }
}
