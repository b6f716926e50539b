package io.voipdoc.correlate.sip;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.decode.sdp.Codec;
import io.voipdoc.decode.sdp.Direction;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.decode.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One dialog of an INVITE (RFC 3261 §12): identified by Call-ID, the caller's From tag and the
 * callee's To tag. A forking proxy can create several early dialogs for one INVITE, one per To tag
 * (§12.1, §13.2.2.4); at most one is normally confirmed by a 2xx. Holds the SDP offers and answers
 * exchanged in it (RFC 3264), the media each side announced, hold and resume, transfers, session
 * timers and the BYE that ended it.
 */
public final class Dialog {
  /** Where the dialog is in its life (§12). */
  public enum State {
    /** Created by a provisional response with a To tag. */
    EARLY,
    /** Confirmed by a 2xx to the INVITE. */
    CONFIRMED,
    /** Ended by a BYE, or an early dialog ended by a final non-2xx response. */
    TERMINATED
  }

  private final String callId;
  private final String fromTag;
  private final String toTag;
  private final SipEvent created;
  private State state = State.EARLY;
  private @Nullable SipEvent confirmed;
  private @Nullable SipEvent bye;
  private @Nullable Party byeBy;
  private final List<SdpSeen> sdp = new ArrayList<>(2);
  private final List<String> codecs = new ArrayList<>(2);
  private @Nullable Direction direction;
  private final List<MediaAddress> callerMedia = new ArrayList<>(1);
  private final List<MediaAddress> calleeMedia = new ArrayList<>(1);
  private final List<HoldChange> holds = new ArrayList<>(0);
  private final List<Refer> refers = new ArrayList<>(0);
  private long sessionExpires = -1;
  private @Nullable String refresher;
  private long minSe = -1;
  private final List<SipEvent> sessionRefreshes = new ArrayList<>(0);
  private @Nullable String lastRefresh;
  private final List<Subscription> subscriptions = new ArrayList<>(0);
  private int keepAlives;
  private final boolean[] held = new boolean[2];
  private @Nullable SdpSeen pendingOffer;

  Dialog(String callId, String fromTag, String toTag, SipEvent created) {
    this.callId = callId;
    this.fromTag = fromTag;
    this.toTag = toTag;
    this.created = created;
  }

  /** The Call-ID. */
  public String callId() {
    return callId;
  }

  /** The caller's tag (From tag of the initial INVITE). */
  public String fromTag() {
    return fromTag;
  }

  /** The callee's tag (To tag of its responses). */
  public String toTag() {
    return toTag;
  }

  /** The response that created the dialog. */
  public SipEvent created() {
    return created;
  }

  /** Where the dialog is now. */
  public State state() {
    return state;
  }

  /** The 2xx that confirmed the dialog, or null. */
  public @Nullable SipEvent confirmed() {
    return confirmed;
  }

  /** The BYE that ended it, or null. */
  public @Nullable SipEvent bye() {
    return bye;
  }

  /** Who sent the BYE (who hung up), or null. */
  public @Nullable Party byeBy() {
    return byeBy;
  }

  /** Every SDP offer and answer of the dialog in order, the INVITE's offer first. */
  public List<SdpSeen> sdp() {
    return Collections.unmodifiableList(sdp);
  }

  /**
   * The codecs of the last completed offer/answer: the names in the answer's first audio (else
   * first) stream that the offer also listed, in the answer's order.
   */
  public List<String> codecs() {
    return Collections.unmodifiableList(codecs);
  }

  /** The direction of the first stream in the last answer, or null before an answer. */
  public @Nullable Direction direction() {
    return direction;
  }

  /** The media the caller announced last. */
  public List<MediaAddress> callerMedia() {
    return Collections.unmodifiableList(callerMedia);
  }

  /** The media the callee announced last. */
  public List<MediaAddress> calleeMedia() {
    return Collections.unmodifiableList(calleeMedia);
  }

  /** Hold and resume, in order. */
  public List<HoldChange> holds() {
    return Collections.unmodifiableList(holds);
  }

  /** Transfer requests, in order. */
  public List<Refer> refers() {
    return Collections.unmodifiableList(refers);
  }

  /** The Session-Expires interval in seconds (RFC 4028) last agreed, or -1. */
  public long sessionExpires() {
    return sessionExpires;
  }

  /**
   * Who refreshes the session (RFC 4028 §4 refresher), or null: {@code uac} the caller, {@code uas}
   * the callee, whichever side sent the last refresh.
   */
  public @Nullable String sessionRefresher() {
    return refresher;
  }

  /** The Min-SE (RFC 4028 §5) last seen in the dialog's requests or 2xx, in seconds, or -1. */
  public long minSe() {
    return minSe;
  }

  /**
   * The 2xx responses to session refreshes: re-INVITEs and UPDATEs answered after the dialog was
   * confirmed (RFC 4028 §7.4, §9), in order; the first copy of each where a proxy relays it.
   */
  public List<SipEvent> sessionRefreshes() {
    return Collections.unmodifiableList(sessionRefreshes);
  }

  /**
   * Whether the dialog ended at its session expiry: a session interval was agreed, no refresh
   * followed the last 2xx, and the BYE came when a UA gives up on a missing refresh (RFC 4028 §10:
   * the interval minus the smaller of 32 s and a third of it), within {@link
   * #EXPIRY_SLACK_NANOS}. The classic drop of a session timer that nobody refreshes.
   */
  public boolean endedAtSessionExpiry() {
    if (sessionExpires <= 0 || bye == null || confirmed == null) {
      return false;
    }
    SipEvent last = sessionRefreshes.isEmpty() ? confirmed : sessionRefreshes.get(sessionRefreshes.size() - 1);
    long interval = sessionExpires * 1_000_000_000L;
    long giveUp = interval - Math.min(32_000_000_000L, interval / 3);
    long after = bye.timeNanos() - last.timeNanos();
    return after >= giveUp - EXPIRY_SLACK_NANOS && after <= interval + EXPIRY_SLACK_NANOS;
  }

  /** Tolerance around the expected BYE of {@link #endedAtSessionExpiry()}: 2 s. */
  public static final long EXPIRY_SLACK_NANOS = 2_000_000_000L;

  /** SUBSCRIBE/NOTIFY subscriptions in this dialog, REFER's implicit one excepted. */
  public List<Subscription> subscriptions() {
    return Collections.unmodifiableList(subscriptions);
  }

  /** How many in-dialog OPTIONS (keep-alives) were sent. */
  public int keepAlives() {
    return keepAlives;
  }

  // ---------------------------------------------------------------- building

  void confirm(SipEvent ok) {
    if (state == State.EARLY) {
      state = State.CONFIRMED;
      confirmed = ok;
    }
  }

  void end(SipEvent by, Party party) {
    if (bye == null) {
      bye = by;
      byeBy = party;
    }
    state = State.TERMINATED;
  }

  void fail() {
    if (state == State.EARLY) {
      state = State.TERMINATED;
    }
  }

  void sessionExpires(long seconds) {
    sessionExpires = seconds;
  }

  void sessionTimer(@Nullable String refresher, long minSe) {
    if (refresher != null) {
      this.refresher = refresher;
    }
    if (minSe >= 0) {
      this.minSe = minSe;
    }
  }

  /** A 2xx to a refresh; {@code request} (From tag, CSeq, method) names the refresh request. */
  void sessionRefresh(SipEvent ok, String request) {
    if (request.equals(lastRefresh)) {
      return;
    }
    lastRefresh = request;
    sessionRefreshes.add(ok);
  }

  void subscription(Subscription s) {
    subscriptions.add(s);
  }

  void keepAlive() {
    keepAlives++;
  }

  /** The REFER already seen from {@code by} with this CSeq (a proxied copy), or null. */
  @Nullable Refer refer(Party by, long cseq) {
    for (Refer r : refers) {
      if (r.by() == by && r.request().cseq() == cseq) {
        return r;
      }
    }
    return null;
  }

  void refer(Refer r) {
    refers.add(r);
  }

  /** Records an SDP body; an offer may put its sender's side on hold or take it off. */
  void sdp(SdpSeen seen, SipEvent event) {
    sdp.add(seen);
    Party side = seen.fromCaller() ? Party.CALLER : Party.CALLEE;
    List<MediaAddress> media = seen.fromCaller() ? callerMedia : calleeMedia;
    media.clear();
    boolean onHold = false;
    for (MediaDescription m : seen.sdp().media()) {
      String address = m.effectiveAddress();
      Direction d = m.effectiveDirection();
      String a = address == null ? "" : address;
      media.add(new MediaAddress(m.media(), a, m.port(), d));
      if (m.port() != 0
          && (d == Direction.SENDONLY
              || d == Direction.INACTIVE
              || a.equals("0.0.0.0")
              || a.equals("::"))) {
        onHold = true;
      }
    }
    if (seen.offer()) {
      // only changes count: a first offer with sendrecv is not a "resume"
      if (onHold != held[side.ordinal()]) {
        holds.add(new HoldChange(event, side, onHold));
        held[side.ordinal()] = onHold;
      }
      pendingOffer = seen;
    } else if (pendingOffer != null) {
      negotiate(pendingOffer.sdp(), seen.sdp());
      pendingOffer = null;
    }
  }

  private void negotiate(SessionDescription offer, SessionDescription answer) {
    MediaDescription a = firstAudio(answer);
    MediaDescription o = firstAudio(offer);
    if (a == null) {
      return;
    }
    codecs.clear();
    direction = a.effectiveDirection();
    for (Codec c : a.codecs()) {
      if (c.name() != null && (o == null || offered(o, c.name()))) {
        codecs.add(c.name());
      }
    }
  }

  private static boolean offered(MediaDescription offer, String name) {
    for (Codec c : offer.codecs()) {
      if (name.equalsIgnoreCase(c.name())) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable MediaDescription firstAudio(SessionDescription sdp) {
    List<MediaDescription> media = sdp.media();
    for (MediaDescription m : media) {
      if (m.media().equals("audio") && m.port() != 0) {
        return m;
      }
    }
    return media.isEmpty() ? null : media.get(0);
  }
}
