package io.voipdoc.correlate.media;

import io.voipdoc.decode.Packet;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.stun.StunMethod;

/**
 * A request to a STUN or TURN server rather than to an ICE peer: a Binding Request without
 * USERNAME (RFC 8489 §3, e.g. to port 3478 or 19302) to learn the server-reflexive address, or a
 * TURN request (Allocate, Refresh, CreatePermission, ChannelBind; RFC 8656).
 */
public final class StunServerExchange extends StunTransaction {
  private final String method;

  StunServerExchange(StunMessage request, Packet packet) {
    super(request, packet);
    StunMethod m = request.method();
    this.method = m == null ? "method " + request.methodValue() : m.ianaName();
  }

  /** The IANA method name, e.g. {@code Binding} or {@code Allocate}. */
  public String method() {
    return method;
  }

  @Override
  public String toString() {
    return "StunServerExchange[" + method + " " + source().hostPort() + " -> "
        + destination().hostPort() + " " + outcome() + "]";
  }
}
