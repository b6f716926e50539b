package io.voipdoc.correlate.media;

import io.voipdoc.correlate.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ICE of one call (RFC 8445): each side's credentials and candidates from its SDP (RFC 8839 §5),
 * peer-reflexive candidates learned from checks, and every connectivity check, from which the
 * candidate pairs and their outcomes follow.
 */
public final class IceSession {
  private final String callId;
  private final Side caller = new Side();
  private final Side callee = new Side();
  private final List<ConnectivityCheck> checks = new ArrayList<>();

  IceSession(String callId) {
    this.callId = callId;
  }

  /** One side's ICE facts. */
  static final class Side {
    @Nullable String ufrag;
    @Nullable String pwd;
    final List<IceCandidate> candidates = new ArrayList<>();
  }

  Side side(boolean isCaller) {
    return isCaller ? caller : callee;
  }

  void add(ConnectivityCheck check) {
    checks.add(check);
  }

  boolean hasCandidate(boolean isCaller, String address, int port) {
    for (IceCandidate c : side(isCaller).candidates) {
      if (c.port() == port && c.address().equals(address)) {
        return true;
      }
    }
    return false;
  }

  public String callId() {
    return callId;
  }

  /** The ice-ufrag of the caller's or callee's latest SDP, or null. */
  public @Nullable String ufrag(boolean isCaller) {
    return side(isCaller).ufrag;
  }

  /** The candidates of a side: announced ones in SDP order, then learned (peer-reflexive) ones. */
  public List<IceCandidate> candidates(boolean isCaller) {
    return List.copyOf(side(isCaller).candidates);
  }

  /** Every check of this call in the order the first requests were seen. */
  public List<ConnectivityCheck> checks() {
    return List.copyOf(checks);
  }

  /** Checks a side sent. */
  public int checksSent(boolean fromCaller) {
    int n = 0;
    for (ConnectivityCheck c : checks) {
      if (Boolean.valueOf(fromCaller).equals(c.fromCaller())) {
        n++;
      }
    }
    return n;
  }

  /** Checks a side sent that got any response (success or error). */
  public int checksAnswered(boolean fromCaller) {
    int n = 0;
    for (ConnectivityCheck c : checks) {
      if (Boolean.valueOf(fromCaller).equals(c.fromCaller())
          && c.outcome() != StunTransaction.Outcome.NO_ANSWER) {
        n++;
      }
    }
    return n;
  }

  /** Whether a side sent checks and none of them was ever answered. */
  public boolean neverAnswered(boolean fromCaller) {
    return checksSent(fromCaller) > 0 && checksAnswered(fromCaller) == 0;
  }

  /** Checks that arrived at an address the receiver did not announce. */
  public List<ConnectivityCheck> checksToUnannouncedAddresses() {
    List<ConnectivityCheck> out = new ArrayList<>();
    for (ConnectivityCheck c : checks) {
      if (!c.destinationAnnounced()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Candidate pairs in the order of their first check. */
  public List<CandidatePair> pairs() {
    Map<List<Endpoint>, List<ConnectivityCheck>> byPair = new LinkedHashMap<>();
    for (ConnectivityCheck c : checks) {
      byPair.computeIfAbsent(List.of(c.source(), c.destination()), k -> new ArrayList<>()).add(c);
    }
    List<CandidatePair> out = new ArrayList<>();
    for (List<ConnectivityCheck> group : byPair.values()) {
      boolean succeeded = false;
      boolean failed = false;
      boolean nominated = false;
      int error = -1;
      int requests = 0;
      for (ConnectivityCheck c : group) {
        requests += c.requests();
        switch (c.outcome()) {
          case SUCCEEDED -> {
            succeeded = true;
            nominated |= c.useCandidate();
          }
          case FAILED -> {
            failed = true;
            error = c.errorCode();
          }
          case NO_ANSWER -> {}
        }
      }
      ConnectivityCheck first = group.get(0);
      out.add(
          new CandidatePair(
              first.source(),
              first.destination(),
              first.fromCaller(),
              group.size(),
              requests,
              succeeded
                  ? StunTransaction.Outcome.SUCCEEDED
                  : failed ? StunTransaction.Outcome.FAILED : StunTransaction.Outcome.NO_ANSWER,
              error,
              nominated));
    }
    return out;
  }

  /** The pair a successful USE-CANDIDATE check nominated first, or null. */
  public @Nullable CandidatePair selectedPair() {
    for (CandidatePair p : pairs()) {
      if (p.nominated()) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "IceSession[" + callId + " checks=" + checks.size() + "]";
  }
}
