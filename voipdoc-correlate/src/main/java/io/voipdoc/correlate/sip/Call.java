package io.voipdoc.correlate.sip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One user call: all the legs (Call-IDs) that belong to it, in the order they started. The first
 * leg is the one the call began with; its caller and callee are the call's. Handed out by {@link
 * SipCorrelator} once every leg ended (plus a linger), the call went silent, or the capture ended.
 */
public final class Call {
  private final int index;
  private final List<CallLeg> legs = new ArrayList<>(2);
  final List<String> correlationKeys = new ArrayList<>(0);

  Call(int index) {
    this.index = index;
  }

  /** 1-based number of the call in the order the calls started. */
  public int index() {
    return index;
  }

  /** The legs, first the one the call began with. */
  public List<CallLeg> legs() {
    return Collections.unmodifiableList(legs);
  }

  /** The first leg. */
  public CallLeg firstLeg() {
    return legs.get(0);
  }

  /** The Call-IDs of every leg, in leg order. */
  public List<String> callIds() {
    List<String> out = new ArrayList<>(legs.size());
    for (CallLeg l : legs) {
      out.add(l.callId());
    }
    return out;
  }

  /** The leg with this Call-ID, or null. */
  public @Nullable CallLeg leg(String callId) {
    for (CallLeg l : legs) {
      if (l.callId().equals(callId)) {
        return l;
      }
    }
    return null;
  }

  /** Answered when any leg was answered; otherwise as the first leg turned out. */
  public CallState state() {
    return answeredLeg() != null ? CallState.ANSWERED : firstLeg().state();
  }

  /** The final status the caller saw (first leg), or -1 without one. */
  public int finalStatus() {
    return firstLeg().finalStatus();
  }

  /** The calling number: user part of the first leg's From, or empty. */
  public String from() {
    String u = firstLeg().fromUser();
    return u == null ? "" : u;
  }

  /** The called number: user part of the first leg's Request-URI, else its To, or empty. */
  public String to() {
    String u = firstLeg().requestUser();
    if (u == null) {
      u = firstLeg().toUser();
    }
    return u == null ? "" : u;
  }

  /** When the first INVITE was sent, in nanoseconds since the Unix epoch. */
  public long startNanos() {
    return firstLeg().invite().timeNanos();
  }

  /** When the first INVITE was sent. */
  public Instant start() {
    return firstLeg().invite().frame().instant();
  }

  /** Post-dial delay of the first leg (INVITE to first 180/183) in nanoseconds, or -1. */
  public long postDialDelayNanos() {
    return firstLeg().postDialDelayNanos();
  }

  /** Talk time of the first answered leg in nanoseconds; 0 when not answered. */
  public long durationNanos() {
    CallLeg l = answeredLeg();
    return l == null ? 0 : l.durationNanos();
  }

  /** The first answered leg, or null. */
  public @Nullable CallLeg answeredLeg() {
    for (CallLeg l : legs) {
      if (l.answer() != null) {
        return l;
      }
    }
    return null;
  }

  /** The leg whose BYE came first (where the hang-up started), or null without BYE. */
  public @Nullable CallLeg hangUpLeg() {
    CallLeg first = null;
    for (CallLeg l : legs) {
      SipEvent b = l.bye();
      if (b != null && (first == null || b.timeNanos() < first.bye().timeNanos())) {
        first = l;
      }
    }
    return first;
  }

  /** Who hung up, relative to the leg of the first BYE, or null without BYE. */
  public @Nullable Party hungUpBy() {
    CallLeg l = hangUpLeg();
    return l == null ? null : l.hungUpBy();
  }

  /** Reason headers of every leg. */
  public List<ReasonSeen> reasons() {
    List<ReasonSeen> out = new ArrayList<>();
    for (CallLeg l : legs) {
      out.addAll(l.reasons());
    }
    return out;
  }

  /** Transfers (REFER) requested in any dialog of any leg, in order. */
  public List<Refer> transfers() {
    List<Refer> out = new ArrayList<>(0);
    for (CallLeg l : legs) {
      for (Dialog d : l.dialogs()) {
        out.addAll(d.refers());
      }
    }
    return out;
  }

  /** The transfer in another call that this call was started for, or null. */
  public @Nullable Refer transferOf() {
    for (CallLeg l : legs) {
      if (l.transferOf() != null) {
        return l.transferOf();
      }
    }
    return null;
  }

  /** SUBSCRIBE/NOTIFY subscriptions inside the dialogs of any leg, in order. */
  public List<Subscription> subscriptions() {
    List<Subscription> out = new ArrayList<>(0);
    for (CallLeg l : legs) {
      for (Dialog d : l.dialogs()) {
        out.addAll(d.subscriptions());
      }
    }
    return out;
  }

  /** SIP messages of every leg, retransmissions included. */
  public int messages() {
    int n = 0;
    for (CallLeg l : legs) {
      n += l.events().size() + l.droppedEvents();
    }
    return n;
  }

  /** When the last message of any leg was seen. */
  public long lastActivityNanos() {
    long t = Long.MIN_VALUE;
    for (CallLeg l : legs) {
      t = Math.max(t, l.lastActivityNanos());
    }
    return t;
  }

  void add(CallLeg leg) {
    legs.add(leg);
    leg.call = this;
  }
}
