package io.voipdoc.correlate.media;

import io.voipdoc.decode.Packet;
import io.voipdoc.decode.stun.StunCheck;
import io.voipdoc.decode.stun.StunMessage;
import org.jspecify.annotations.Nullable;

/**
 * An ICE connectivity check (RFC 8445 §7.2): a Binding Request with USERNAME {@code
 * receiverUfrag:senderUfrag} from one candidate to another, and its answer.
 */
public final class ConnectivityCheck extends StunTransaction {
  private final String username;
  private final boolean useCandidate;
  private final long priority;
  private final @Nullable Boolean controlling;
  @Nullable String callId;
  @Nullable Boolean fromCaller;
  StunCheck integrity = StunCheck.ABSENT;
  StunCheck responseIntegrity = StunCheck.ABSENT;
  boolean sourceAnnounced;
  boolean destinationAnnounced;

  ConnectivityCheck(StunMessage request, Packet packet, String username) {
    super(request, packet);
    this.username = username;
    this.useCandidate = request.useCandidate();
    this.priority = request.priority().orElse(-1);
    this.controlling =
        request.iceControlling().isPresent()
            ? Boolean.TRUE
            : request.iceControlled().isPresent() ? Boolean.FALSE : null;
  }

  /** The USERNAME: the receiver's ufrag, a colon, the sender's ufrag. */
  public String username() {
    return username;
  }

  /** The receiver's ufrag (before the colon). */
  public String receiverUfrag() {
    int colon = username.indexOf(':');
    return colon < 0 ? username : username.substring(0, colon);
  }

  /** The sender's ufrag (after the colon), or empty. */
  public String senderUfrag() {
    int colon = username.indexOf(':');
    return colon < 0 ? "" : username.substring(colon + 1);
  }

  /** Whether the request nominates the pair (USE-CANDIDATE, RFC 8445 §7.1.2). */
  public boolean useCandidate() {
    return useCandidate;
  }

  /** PRIORITY of the request: the prflx priority the sender would use, or -1. */
  public long priority() {
    return priority;
  }

  /** Whether the sender claimed the controlling role, null when neither role was sent. */
  public @Nullable Boolean controlling() {
    return controlling;
  }

  /** The call whose SDP carried one of the ufrags, or null. */
  public @Nullable String callId() {
    return callId;
  }

  /** Whether the caller sent the check (null when no call is known). */
  public @Nullable Boolean fromCaller() {
    return fromCaller;
  }

  /** MESSAGE-INTEGRITY of the request checked with the receiver's ice-pwd (ABSENT: no key). */
  public StunCheck integrity() {
    return integrity;
  }

  /** MESSAGE-INTEGRITY of the response checked with the same key. */
  public StunCheck responseIntegrity() {
    return responseIntegrity;
  }

  /** Whether the source is one of the sender's SDP candidates (else it is peer-reflexive). */
  public boolean sourceAnnounced() {
    return sourceAnnounced;
  }

  /**
   * Whether the destination is among the receiver's SDP candidates or media address; false means
   * the check arrived at an address the receiver never offered.
   */
  public boolean destinationAnnounced() {
    return destinationAnnounced;
  }

  @Override
  public String toString() {
    return "ConnectivityCheck[" + source().hostPort() + " -> " + destination().hostPort() + " "
        + username + " " + outcome() + (useCandidate ? " USE-CANDIDATE" : "") + "]";
  }
}
