package io.voipdoc.correlate.sip;

import io.voipdoc.correlate.Endpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The registrations of one user agent under one Call-ID (RFC 3261 §10.2.4 asks a UA to keep the
 * Call-ID for its refreshes): every REGISTER with its response, the digest challenges, the expiry
 * granted, the refresh intervals and where the requests came from over time.
 */
public final class Registration {
  /** How the last REGISTER ended. */
  public enum Outcome {
    /** A 2xx with a non-zero expiry. */
    REGISTERED,
    /** A 2xx to a removal (expires 0). */
    UNREGISTERED,
    /** A 401/407 challenge that no REGISTER with credentials followed. */
    CHALLENGED,
    /** A final error response other than a challenge. */
    FAILED,
    /** No final response. */
    NO_RESPONSE
  }

  /**
   * A source address of the REGISTERs, from the first request it sent: a new one means a new NAT
   * mapping or a new network.
   *
   * @param source where the REGISTER came from
   * @param first the first REGISTER from there
   */
  public record SourceSeen(Endpoint source, SipEvent first) {}

  private final String callId;
  private final String aor;
  private @Nullable String contact;
  private final List<RegisterAttempt> attempts = new ArrayList<>(2);
  private final List<SourceSeen> sources = new ArrayList<>(1);
  private int droppedAttempts;
  long lastActivityNanos;

  Registration(String callId, String aor) {
    this.callId = callId;
    this.aor = aor;
  }

  /** The Call-ID. */
  public String callId() {
    return callId;
  }

  /** The address of record: the To URI. */
  public String aor() {
    return aor;
  }

  /** The Contact URI of the last REGISTER, or null (a query or {@code *}). */
  public @Nullable String contact() {
    return contact;
  }

  /** Every REGISTER transaction in order. */
  public List<RegisterAttempt> attempts() {
    return Collections.unmodifiableList(attempts);
  }

  /** The source addresses of the REGISTERs, in the order they appeared. */
  public List<SourceSeen> sources() {
    return Collections.unmodifiableList(sources);
  }

  /** REGISTERs not kept because of {@link SipCorrelatorConfig#maxEventsPerLeg()}. */
  public int droppedAttempts() {
    return droppedAttempts;
  }

  /** Whether any REGISTER was challenged (401/407). */
  public boolean challenged() {
    for (RegisterAttempt a : attempts) {
      if (a.challenged()) {
        return true;
      }
    }
    return false;
  }

  /** How the last REGISTER ended. */
  public Outcome outcome() {
    RegisterAttempt last = attempts.get(attempts.size() - 1);
    int status = last.status();
    if (status < 0) {
      return Outcome.NO_RESPONSE;
    }
    if (status < 300) {
      return last.expiresGranted() == 0 || last.expiresRequested() == 0
          ? Outcome.UNREGISTERED
          : Outcome.REGISTERED;
    }
    return last.challenged() ? Outcome.CHALLENGED : Outcome.FAILED;
  }

  /** The last final status, or -1. */
  public int finalStatus() {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      if (attempts.get(i).status() > 0) {
        return attempts.get(i).status();
      }
    }
    return -1;
  }

  /** The expiry granted by the last 2xx in seconds, or -1. */
  public long expiresGranted() {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      RegisterAttempt a = attempts.get(i);
      if (a.status() >= 200 && a.status() < 300) {
        return a.expiresGranted();
      }
    }
    return -1;
  }

  /** Nanoseconds between the requests of successive successful registrations (refreshes). */
  public List<Long> refreshIntervalsNanos() {
    List<Long> out = new ArrayList<>();
    long previous = -1;
    for (RegisterAttempt a : attempts) {
      if (a.status() >= 200 && a.status() < 300) {
        long t = a.request().timeNanos();
        if (previous >= 0) {
          out.add(t - previous);
        }
        previous = t;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- building

  int attemptCount() {
    return attempts.size();
  }

  RegisterAttempt attempt(int i) {
    return attempts.get(i);
  }

  void replace(int i, RegisterAttempt a) {
    attempts.set(i, a);
  }

  void add(RegisterAttempt a, @Nullable String contactUri, int limit) {
    lastActivityNanos = Math.max(lastActivityNanos, a.request().timeNanos());
    contact = contactUri;
    Endpoint source = a.request().source();
    if (sources.isEmpty() || !sources.get(sources.size() - 1).source().equals(source)) {
      sources.add(new SourceSeen(source, a.request()));
    }
    if (attempts.size() < limit) {
      attempts.add(a);
    } else {
      droppedAttempts++;
    }
  }
}
