package io.voipdoc.correlate.sip;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.decode.sdp.SessionDescription;
import io.voipdoc.decode.sip.BodyPart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One leg of a call: everything under one Call-ID that an INVITE started. A B2BUA (a PBX, an SBC, a
 * call controller) creates a new leg, with its own Call-ID, for each side it bridges.
 */
public final class CallLeg {
  private final String callId;
  private final SipEvent invite;
  private final String callerTag;
  private final @Nullable String fromUser;
  private final @Nullable String toUser;
  private final @Nullable String requestUser;
  private final boolean startedMidCall;
  private final LegLink link;
  private final List<SipEvent> events = new ArrayList<>();
  private final List<Transaction> transactions = new ArrayList<>();
  final List<Transaction> initialInvites = new ArrayList<>(1);
  private final List<Dialog> dialogs = new ArrayList<>(1);
  private final List<ReasonSeen> reasons = new ArrayList<>(0);
  private final List<SipEvent> byes = new ArrayList<>(1);
  private final List<Party> byeParties = new ArrayList<>(1);
  private final List<SipEvent> intervalTooSmall = new ArrayList<>(0);
  private @Nullable Refer transferOf;
  private int inviteRequests;
  private int droppedEvents;
  private long closedAtNanos = -1;
  private long talkEndNanos = -1;
  private final long timeoutNanos;
  @Nullable SdpSeen inviteOffer;
  /**
   * The first INVITE's SDP body while SDP is left aside, and its decoding once the leg-linking
   * heuristic needed it ({@link SipCorrelatorConfig#sessionDescriptions()}).
   */
  @Nullable BodyPart inviteBody;
  @Nullable SessionDescription inviteBodySdp;
  @Nullable Call call;
  long lastActivityNanos;

  CallLeg(
      SipEvent invite,
      String callerTag,
      @Nullable String fromUser,
      @Nullable String toUser,
      @Nullable String requestUser,
      boolean startedMidCall,
      LegLink link,
      long timeoutNanos) {
    this.callId = invite.callId();
    this.invite = invite;
    this.callerTag = callerTag;
    this.fromUser = fromUser;
    this.toUser = toUser;
    this.requestUser = requestUser;
    this.startedMidCall = startedMidCall;
    this.link = link;
    this.timeoutNanos = timeoutNanos;
    this.lastActivityNanos = invite.timeNanos();
  }

  /** The Call-ID. */
  public String callId() {
    return callId;
  }

  /** The first INVITE of the leg. */
  public SipEvent invite() {
    return invite;
  }

  /** The caller's From tag (empty for RFC 2543 peers without tags). */
  public String callerTag() {
    return callerTag;
  }

  /** Where the first INVITE came from. */
  public Endpoint caller() {
    return invite.source();
  }

  /** Where the first INVITE went. */
  public Endpoint callee() {
    return invite.destination();
  }

  /** The user part of the From URI (the calling number), or null. */
  public @Nullable String fromUser() {
    return fromUser;
  }

  /** The user part of the To URI, or null. */
  public @Nullable String toUser() {
    return toUser;
  }

  /** The user part of the first INVITE's Request-URI (the called number), or null. */
  public @Nullable String requestUser() {
    return requestUser;
  }

  /** Whether the first INVITE seen was a re-INVITE (the capture started during the call). */
  public boolean startedMidCall() {
    return startedMidCall;
  }

  /** Why this leg belongs to its call. */
  public LegLink link() {
    return link;
  }

  /** Every message of the leg in capture order, retransmissions included. */
  public List<SipEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** The frames of the leg's messages, in capture order. */
  public List<FrameRef> frames() {
    List<FrameRef> out = new ArrayList<>(events.size());
    for (SipEvent e : events) {
      out.add(e.frame());
    }
    return out;
  }

  /** Messages not kept because the leg reached {@link SipCorrelatorConfig#maxEventsPerLeg()}. */
  public int droppedEvents() {
    return droppedEvents;
  }

  /** The leg's transactions in the order they started. */
  public List<Transaction> transactions() {
    return Collections.unmodifiableList(transactions);
  }

  /** The INVITE transactions that tried to set up the call (no To tag), e.g. before and after a 401. */
  public List<Transaction> setupAttempts() {
    return Collections.unmodifiableList(initialInvites);
  }

  /** The dialogs, early and confirmed, in the order they appeared (several when forked). */
  public List<Dialog> dialogs() {
    return Collections.unmodifiableList(dialogs);
  }

  /** Reason headers seen on BYE, CANCEL and responses. */
  public List<ReasonSeen> reasons() {
    return Collections.unmodifiableList(reasons);
  }

  /** The 422 Session Interval Too Small responses to the setup (RFC 4028 §6), in order. */
  public List<SipEvent> sessionIntervalTooSmall() {
    return Collections.unmodifiableList(intervalTooSmall);
  }

  /** The transfer (REFER in another call) this leg was started for, or null. */
  public @Nullable Refer transferOf() {
    return transferOf;
  }

  /** INVITE requests seen, retransmissions and re-INVITEs included. */
  public int inviteRequests() {
    return inviteRequests;
  }

  // ---------------------------------------------------------------- outcome

  /** How the leg turned out. */
  public CallState state() {
    if (answer() != null) {
      return CallState.ANSWERED;
    }
    Transaction t = lastAttempt();
    if (t == null) {
      return CallState.UNANSWERED;
    }
    int status = t.finalStatus();
    if (status >= 300) {
      return t.cancel() != null || status == 487 ? CallState.CANCELLED : CallState.REJECTED;
    }
    if (t.cancel() != null) {
      return CallState.CANCELLED;
    }
    long end = closedAtNanos >= 0 ? closedAtNanos : lastActivityNanos;
    return end - t.request().timeNanos() >= timeoutNanos
        ? CallState.TIMED_OUT
        : CallState.UNANSWERED;
  }

  /** The final status of the setup (the 2xx when answered), or -1 without a final response. */
  public int finalStatus() {
    SipEvent a = answer();
    if (a != null) {
      return a.status();
    }
    Transaction t = lastAttempt();
    return t == null ? -1 : t.finalStatus();
  }

  /** The first 180 or 183 to the setup, or null. */
  public @Nullable SipEvent ringing() {
    for (Transaction t : initialInvites) {
      for (SipEvent r : t.responses()) {
        if (r.status() == 180 || r.status() == 183) {
          return r;
        }
      }
    }
    return null;
  }

  /** The first 2xx to the setup, or null. */
  public @Nullable SipEvent answer() {
    for (Transaction t : initialInvites) {
      SipEvent f = t.finalResponse();
      if (f != null && f.status() < 300) {
        return f;
      }
    }
    return null;
  }

  /** Post-dial delay: nanoseconds from the first INVITE to the first 180/183, or -1. */
  public long postDialDelayNanos() {
    SipEvent r = ringing();
    return r == null ? -1 : r.timeNanos() - invite.timeNanos();
  }

  /** Nanoseconds from the first INVITE to the answer, or -1. */
  public long answerDelayNanos() {
    SipEvent a = answer();
    return a == null ? -1 : a.timeNanos() - invite.timeNanos();
  }

  /** The first BYE of the leg, or null. */
  public @Nullable SipEvent bye() {
    return byes.isEmpty() ? null : byes.get(0);
  }

  /** Who sent the first BYE, or null. */
  public @Nullable Party hungUpBy() {
    return byeParties.isEmpty() ? null : byeParties.get(0);
  }

  /**
   * Talk time: nanoseconds from the answer to the first BYE, or to the end of the capture (or the
   * last message, when the leg went silent) without a BYE; 0 when not answered.
   */
  public long durationNanos() {
    SipEvent a = answer();
    if (a == null) {
      return 0;
    }
    SipEvent b = bye();
    long end = b != null ? b.timeNanos() : talkEndNanos >= 0 ? talkEndNanos : lastActivityNanos;
    return Math.max(0, end - a.timeNanos());
  }

  /** When the last message of the leg was seen. */
  public long lastActivityNanos() {
    return lastActivityNanos;
  }

  // ---------------------------------------------------------------- building

  @Nullable Transaction lastAttempt() {
    return initialInvites.isEmpty() ? null : initialInvites.get(initialInvites.size() - 1);
  }

  /**
   * Whether nothing more is expected: answered and every confirmed dialog ended; or failed (after
   * a digest challenge, only once {@code authRetryNanos} passed without a retry); or silent for
   * timer B without a final response.
   */
  boolean ended(long nowNanos, long authRetryNanos) {
    if (answer() != null) {
      for (Dialog d : dialogs) {
        if (d.state() == Dialog.State.CONFIRMED) {
          return false;
        }
      }
      return true;
    }
    Transaction t = lastAttempt();
    if (t == null) {
      return true;
    }
    int status = t.finalStatus();
    if (status == 401 || status == 407) {
      return nowNanos - lastActivityNanos >= authRetryNanos;
    }
    return status >= 300 || nowNanos - lastActivityNanos >= timeoutNanos;
  }

  void add(SipEvent e, int limit) {
    lastActivityNanos = Math.max(lastActivityNanos, e.timeNanos());
    if (e.method().equals("INVITE") && e.isRequest()) {
      inviteRequests++;
    }
    if (events.size() < limit) {
      events.add(e);
    } else {
      droppedEvents++;
    }
  }

  void transaction(Transaction t, boolean initialInvite) {
    transactions.add(t);
    if (initialInvite) {
      initialInvites.add(t);
    }
  }

  @Nullable Dialog dialog(@Nullable String tagA, @Nullable String tagB) {
    for (Dialog d : dialogs) {
      if ((d.fromTag().equals(tagA) && d.toTag().equals(tagB))
          || (d.fromTag().equals(tagB) && d.toTag().equals(tagA))) {
        return d;
      }
    }
    return null;
  }

  void dialog(Dialog d) {
    dialogs.add(d);
  }

  void intervalTooSmall(SipEvent e) {
    intervalTooSmall.add(e);
  }

  void transferOf(Refer r) {
    transferOf = r;
  }

  void reason(ReasonSeen r) {
    reasons.add(r);
  }

  void bye(SipEvent e, Party by) {
    byes.add(e);
    byeParties.add(by);
  }

  void close(long nowNanos, long talkEndNanos) {
    closedAtNanos = nowNanos;
    this.talkEndNanos = talkEndNanos;
  }
}
