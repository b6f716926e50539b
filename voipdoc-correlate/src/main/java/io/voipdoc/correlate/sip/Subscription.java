package io.voipdoc.correlate.sip;

import io.voipdoc.correlate.Endpoint;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One event subscription (SUBSCRIBE/NOTIFY, RFC 6665): a phone asking for message-waiting
 * ({@code message-summary}), presence or dialog state, and the notifier's NOTIFYs. Identified by
 * Call-ID, event package and its {@code id} parameter (§4.1.2.1). A SUBSCRIBE retried with
 * credentials after 401/407 is the same subscription. Subscriptions inside a call's dialog belong
 * to that call's leg; the others are listed on their own. The implicit subscription of a REFER is
 * kept on the {@link Refer}.
 */
public final class Subscription {
  /** Where the subscription ended up (§4.1.2, §4.2.1, §4.1.3). */
  public enum State {
    /** SUBSCRIBE sent, no final response and no NOTIFY. */
    NO_ANSWER,
    /** The last SUBSCRIBE was refused (final status 300 or more, other than a digest challenge). */
    REJECTED,
    /** The last SUBSCRIBE was challenged for credentials (401/407) and not retried. */
    CHALLENGED,
    /** Accepted, but the notifier said {@code Subscription-State: pending}. */
    PENDING,
    /** Accepted, or a NOTIFY said {@code active}. */
    ACTIVE,
    /** A NOTIFY said {@code terminated} (see {@link #terminationReason()}), or expires was 0. */
    TERMINATED
  }

  private final String callId;
  private final String event;
  private final boolean inDialog;
  private final Endpoint subscriber;
  private final Endpoint notifier;
  private final SipEvent first;
  private @Nullable SipEvent lastSubscribe;
  private int subscribes;
  private long expiresRequested = -1;
  private long expiresGranted = -1;
  private int lastStatus = -1;
  private long lastSubscribeCseq = -1;
  private int notifies;
  private long lastNotifyCseq = -1;
  private @Nullable String subscriptionState;
  private @Nullable String terminationReason;
  private long lastActivityNanos;

  Subscription(String callId, String event, boolean inDialog, SipEvent first, boolean bySubscribe) {
    this.callId = callId;
    this.event = event;
    this.inDialog = inDialog;
    this.first = first;
    // a NOTIFY without a SUBSCRIBE seen comes from the notifier
    this.subscriber = bySubscribe ? first.source() : first.destination();
    this.notifier = bySubscribe ? first.destination() : first.source();
    this.lastActivityNanos = first.timeNanos();
  }

  /** The Call-ID of the subscription's dialog. */
  public String callId() {
    return callId;
  }

  /** The event package with its {@code id} parameter, if any (e.g. {@code presence}, {@code dialog;id=2}). */
  public String event() {
    return event;
  }

  /** Whether the subscription lives in a call's dialog (same Call-ID as an INVITE). */
  public boolean inDialog() {
    return inDialog;
  }

  /** Who subscribed (the first SUBSCRIBE's sender, else the first NOTIFY's receiver). */
  public Endpoint subscriber() {
    return subscriber;
  }

  /** Who notifies. */
  public Endpoint notifier() {
    return notifier;
  }

  /** The first SUBSCRIBE or NOTIFY seen. */
  public SipEvent first() {
    return first;
  }

  /** The last SUBSCRIBE (a refresh, a retry with credentials, or an unsubscribe), or null. */
  public @Nullable SipEvent lastSubscribe() {
    return lastSubscribe;
  }

  /** SUBSCRIBE requests, retransmissions not counted. */
  public int subscribes() {
    return subscribes;
  }

  /** The Expires the last SUBSCRIBE asked for, in seconds, or -1. */
  public long expiresRequested() {
    return expiresRequested;
  }

  /** The Expires the last 2xx granted, in seconds, or -1. */
  public long expiresGranted() {
    return expiresGranted;
  }

  /** The final status of the last SUBSCRIBE, or -1. */
  public int lastStatus() {
    return lastStatus;
  }

  /** NOTIFY requests, retransmissions and a proxy's relayed copies not counted. */
  public int notifies() {
    return notifies;
  }

  /** The Subscription-State of the last NOTIFY as written, or null. */
  public @Nullable String subscriptionState() {
    return subscriptionState;
  }

  /** The reason of a terminated subscription (e.g. {@code timeout}, {@code noresource}), or null. */
  public @Nullable String terminationReason() {
    return terminationReason;
  }

  /** When the last SUBSCRIBE, NOTIFY or response was seen. */
  public long lastActivityNanos() {
    return lastActivityNanos;
  }

  /** Where the subscription ended up. */
  public State state() {
    String s = subscriptionState == null ? "" : stateValue(subscriptionState);
    if (s.equals("terminated")) {
      return State.TERMINATED;
    }
    if (lastStatus >= 300) {
      return lastStatus == 401 || lastStatus == 407 ? State.CHALLENGED : State.REJECTED;
    }
    if (lastStatus >= 200 && expiresRequested == 0) {
      return State.TERMINATED;
    }
    if (s.equals("pending")) {
      return State.PENDING;
    }
    if (s.equals("active") || lastStatus >= 200) {
      return State.ACTIVE;
    }
    return State.NO_ANSWER;
  }

  void subscribe(SipEvent e, long cseq, long expires) {
    lastActivityNanos = Math.max(lastActivityNanos, e.timeNanos());
    if (cseq == lastSubscribeCseq) {
      return;
    }
    lastSubscribeCseq = cseq;
    subscribes++;
    lastSubscribe = e;
    expiresRequested = expires;
    lastStatus = -1;
  }

  void answer(SipEvent response, long cseq, long expires) {
    lastActivityNanos = Math.max(lastActivityNanos, response.timeNanos());
    if (cseq != lastSubscribeCseq || response.status() < 200) {
      return;
    }
    lastStatus = response.status();
    if (response.status() < 300 && expires >= 0) {
      expiresGranted = expires;
    }
  }

  /**
   * A NOTIFY; {@code repeat} for a retransmission. A proxy in the capture relays the same NOTIFY
   * (same CSeq) again, which counts once.
   */
  void notify(SipEvent e, boolean repeat, long cseq, @Nullable String state) {
    lastActivityNanos = Math.max(lastActivityNanos, e.timeNanos());
    if (repeat || (cseq >= 0 && cseq == lastNotifyCseq)) {
      return;
    }
    lastNotifyCseq = cseq;
    notifies++;
    if (state != null) {
      subscriptionState = state.trim();
      if (stateValue(subscriptionState).equals("terminated")) {
        terminationReason = parameter(subscriptionState, "reason");
      }
    }
  }

  /** {@code active;expires=600} → {@code active} (RFC 6665 §8.4 substate-value). */
  static String stateValue(String state) {
    int semi = state.indexOf(';');
    return (semi < 0 ? state : state.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  static @Nullable String parameter(String value, String name) {
    for (String p : value.split(";")) {
      String t = p.trim();
      if (t.regionMatches(true, 0, name + "=", 0, name.length() + 1)) {
        return t.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return event + " " + subscriber + " -> " + notifier + " " + state();
  }
}
