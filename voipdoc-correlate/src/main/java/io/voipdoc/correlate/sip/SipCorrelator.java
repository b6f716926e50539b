package io.voipdoc.correlate.sip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.SdpSink;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.sdp.Codec;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.decode.sdp.SdpDecoder;
import io.voipdoc.decode.sdp.SessionDescription;
import io.voipdoc.decode.sip.BodyPart;
import io.voipdoc.decode.sip.CSeq;
import io.voipdoc.decode.sip.Contact;
import io.voipdoc.decode.sip.NameAddr;
import io.voipdoc.decode.sip.Reason;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.sip.SipUri;
import io.voipdoc.decode.sip.Via;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds SIP transactions, dialogs, calls and registrations from SIP messages in capture order.
 * Push interface: {@link #onSip} for every message, {@link #onTimer} as capture time passes (it is
 * also called from the messages' own timestamps, once per {@link #TIMER_INTERVAL_NANOS}), {@link
 * #finish} at the end. Completed calls and registrations go to the consumers given; every SDP body
 * goes to the {@link SdpSink} as soon as it is seen.
 *
 * <p><b>Transactions</b> (RFC 3261 §17.2.3): the top Via's branch, its sent-by and the method
 * (ACK counted as INVITE, so that the ACK of a non-2xx response joins its INVITE); without the
 * {@code z9hG4bK} cookie (RFC 2543 peers): Call-ID, CSeq number, From tag, top Via sent-by and
 * method. A request that matches an open transaction is a retransmission; so is a response with
 * the status and To tag of an earlier one.
 *
 * <p><b>Legs and calls</b>: an INVITE with a new Call-ID starts a leg. The leg joins an open call
 * when (1) a correlation header links it: its X-Call-ID, X-CID or configured header holds the
 * Call-ID of an open leg, or it shares a Session-ID UUID (RFC 7989) or a P-Charging-Vector
 * icid-value (RFC 7315) with one; or (2) the heuristic holds: the INVITE comes from the address an
 * open leg's first INVITE went to, but not from that leg's own sender (a B2BUA forwarding the call,
 * not the same client calling again), within {@link SipCorrelatorConfig#legLinkWindowNanos()} of
 * it, and with the same calling number (From user), the same called number (Request-URI or To
 * user), or an SDP media address:port of the other leg's offer. Otherwise it starts a new call.
 *
 * <p><b>Transfers, subscriptions, keep-alives</b>: a REFER in a dialog becomes a {@link Refer}
 * (copies a proxy forwards, same CSeq, count once) with the progress its NOTIFYs report; a new leg
 * within {@link #TRANSFER_LINK_WINDOW_NANOS} is the transfer's call when its Replaces names the
 * replaced dialog, or when it calls the Refer-To user and carries Referred-By or comes from the
 * REFER's receiver. SUBSCRIBE/NOTIFY (RFC 6665) become {@link Subscription}s, in the dialog of a
 * call or on their own; out-of-dialog OPTIONS are {@link KeepAlive} pings per source and
 * destination. Session timers (RFC 4028) are kept on the {@link Dialog}.
 *
 * <p>Not thread-safe: one instance per stream of messages.
 */
public final class SipCorrelator {
  private @Nullable SipMessage sdpMessage;
  private @Nullable SessionDescription sdp;

  /** How often capture time drives {@link #onTimer} from message timestamps: 1 s. */
  public static final long TIMER_INTERVAL_NANOS = 1_000_000_000L;

  /** The {@code branch} prefix of RFC 3261 transaction IDs (§8.1.1.7). */
  private static final String MAGIC_COOKIE = "z9hG4bK";

  /**
   * Source addresses whose requests are kept as {@link SourceActivity}: a scan comes from a few
   * addresses, a spoofed flood from many; beyond this, requests are only counted.
   */
  public static final int MAX_SOURCES = 4096;

  /** Out-of-dialog subscriptions kept; beyond, new ones are reported and not followed. */
  public static final int MAX_SUBSCRIPTIONS = 4096;

  /** Source/destination pairs of OPTIONS pings kept; beyond, new pairs are reported and not followed. */
  public static final int MAX_KEEPALIVE_PAIRS = 1024;

  /** Transfers a new INVITE may be the result of: REFERs accepted within this window before it. */
  public static final long TRANSFER_LINK_WINDOW_NANOS = 32_000_000_000L;

  /** Stray in-dialog messages kept as examples; beyond this they are only counted. */
  public static final int MAX_STRAYS = 64;

  /** Methods that live in the dialog of an INVITE (RFC 3261 §12, §13; RFC 3262, 3311, 3515, 6086). */
  private static final java.util.Set<String> INVITE_DIALOG_METHODS =
      java.util.Set.of("INVITE", "ACK", "BYE", "CANCEL", "PRACK", "UPDATE", "INFO", "REFER");

  /** Codec names shown in an SDP summary before eliding. */
  private static final int SUMMARY_CODECS = 4;

  private final SipCorrelatorConfig config;
  private final SdpSink sdpSink;
  private final Consumer<Call> calls;
  private final Consumer<Registration> registrations;
  private final AnomalyLog anomalies = new AnomalyLog();
  private final SharedValues shared = new SharedValues();

  private final Map<String, CallLeg> legs = new HashMap<>();
  private final LinkedHashMap<Integer, Call> open = new LinkedHashMap<>();
  private final Map<String, Transaction> transactions = new HashMap<>();
  private final Map<Transaction, Refer> refers = new HashMap<>();
  private final ArrayDeque<Refer> recentRefers = new ArrayDeque<>();
  private final LinkedHashMap<String, Subscription> subscriptions = new LinkedHashMap<>();
  // SUBSCRIBE and NOTIFY transactions awaiting their response, oldest first
  private final LinkedHashMap<String, Subscription> openSubscribes = new LinkedHashMap<>();
  private final LinkedHashMap<String, KeepAlive> keepAlives = new LinkedHashMap<>();
  private final Map<String, Call> correlation = new HashMap<>();
  private final ArrayDeque<CallLeg> recent = new ArrayDeque<>();
  private final LinkedHashMap<String, Registration> registering = new LinkedHashMap<>();
  private final LinkedHashMap<java.net.InetAddress, SourceActivity> sources = new LinkedHashMap<>();
  private long untrackedRequests;
  private final List<SipEvent> strays = new ArrayList<>();
  private int nextIndex = 1;
  private long lastTimer = Long.MIN_VALUE;
  private long lastSeen = Long.MIN_VALUE;
  private long otherMessages;

  public SipCorrelator(
      SipCorrelatorConfig config,
      SdpSink sdp,
      Consumer<Call> calls,
      Consumer<Registration> registrations) {
    this.config = config;
    this.sdpSink = sdp;
    this.calls = calls;
    this.registrations = registrations;
  }

  /** What could not be followed, with IDs from {@link SipCorrelationProblem}. */
  public AnomalyLog anomalies() {
    return anomalies;
  }

  /** Messages outside any call or registration (out-of-dialog OPTIONS, SUBSCRIBE, MESSAGE...). */
  public long otherMessages() {
    return otherMessages;
  }

  /**
   * Per source address, in the order of their first request: the requests that started something
   * (initial INVITEs, new REGISTERs, out-of-dialog requests) and how they were answered. At most
   * {@link #MAX_SOURCES} are kept.
   */
  public List<SourceActivity> sources() {
    return List.copyOf(sources.values());
  }

  /**
   * Subscriptions outside any call (SUBSCRIBE/NOTIFY with a Call-ID of their own), in the order
   * they started; at most {@link #MAX_SUBSCRIPTIONS}.
   */
  public List<Subscription> subscriptions() {
    return List.copyOf(subscriptions.values());
  }

  /** OPTIONS pings outside any dialog, per source and destination, in the order first seen. */
  public List<KeepAlive> keepAlives() {
    return List.copyOf(keepAlives.values());
  }

  /**
   * Messages of INVITE dialogs (INVITE, ACK, BYE, CANCEL, PRACK, UPDATE, INFO, REFER) whose Call-ID
   * no INVITE without To tag opened: in-dialog requests (with a To tag, RFC 3261 §12.2.1.1) and
   * responses. They belong to a call set up before the capture began, or whose requests the
   * capture did not see. The first {@link #MAX_STRAYS} in capture order; later ones are not kept.
   */
  public List<SipEvent> strays() {
    return List.copyOf(strays);
  }

  /** Requests from sources beyond {@link #MAX_SOURCES}, counted only. */
  public long untrackedRequests() {
    return untrackedRequests;
  }

  /** One SIP message, in capture order; {@code packet} is read during the call only. */
  public void onSip(SipMessage m, Packet packet) {
    long now = packet.timestampNanos;
    if (lastTimer == Long.MIN_VALUE || now - lastTimer >= TIMER_INTERVAL_NANOS) {
      onTimer(now);
    }
    lastSeen = Math.max(lastSeen, now);
    String callId = m.callId();
    CSeq cseq = m.cseq();
    NameAddr from = m.from();
    NameAddr to = m.to();
    List<Via> via = m.via();
    if (callId == null || cseq == null || from == null || to == null || via.isEmpty()) {
      FrameRef f = packet.frame.ref();
      anomalies.report(
          SipCorrelationProblem.UNPLACEABLE_MESSAGE.id(), f.input(), f.number(), -1,
          "callId=" + (callId != null) + " cseq=" + (cseq != null) + " from=" + (from != null)
              + " to=" + (to != null) + " via=" + via.size());
      return;
    }
    String method = m.isRequest() ? m.method() : cseq.method();
    if (method.equals("REGISTER")) {
      register(m, packet, callId, cseq, to);
      return;
    }
    CallLeg leg = legs.get(callId);
    if (leg == null) {
      if (!m.isRequest() || !method.equals("INVITE")) {
        otherMessages++;
        if (INVITE_DIALOG_METHODS.contains(method) && (!m.isRequest() || to.tag() != null)) {
          stray(m, packet, method);
        }
        outOfDialog(m, packet, method, to);
        String key = transactionKey(callId, cseq, from, via.get(0), method);
        switch (method) {
          case "OPTIONS" -> keepAlive(m, packet, key, to);
          case "SUBSCRIBE", "NOTIFY" -> subscription(m, packet, method, key, callId, cseq, null, false);
          default -> { }
        }
        return;
      }
      leg = startLeg(m, packet, callId, from, to);
    }
    String key = transactionKey(callId, cseq, from, via.get(0), method.equals("ACK") ? "INVITE" : method);
    if (m.isRequest()) {
      request(leg, m, packet, method, key, from, to);
    } else {
      response(leg, m, packet, key, to);
    }
  }

  // ---------------------------------------------------------------- requests

  private void request(
      CallLeg leg, SipMessage m, Packet packet, String method, String key, NameAddr from,
      NameAddr to) {
    String fromTag = tag(from);
    @Nullable String toTag = to.tag();
    boolean fromCaller = fromTag.equals(leg.callerTag());
    Transaction tx = transactions.get(key);
    boolean repeat;
    if (method.equals("ACK")) {
      repeat = tx != null && tx.ack() != null && tx.finalStatus() >= 300;
    } else {
      repeat = tx != null && tx.method().equals(method);
    }
    SipEvent e = event(m, packet, method, repeat, leg.callId());
    leg.add(e, config.maxEventsPerLeg());
    if (!repeat && method.equals("INVITE") && toTag == null) {
      sourceRequest(e, m, to);
    }
    if (repeat) {
      if (!method.equals("ACK")) {
        tx.retransmitted();
      }
      return;
    }
    Dialog dialog = toTag == null ? null : leg.dialog(fromTag, toTag);
    switch (method) {
      case "ACK" -> {
        if (tx != null && tx.finalStatus() >= 300) {
          tx.ack(e);
        }
      }
      case "CANCEL" -> {
        Transaction c = open(leg, key, e, fromCaller, false);
        Transaction invite = transactions.get(key.substring(0, key.length() - "CANCEL".length()) + "INVITE");
        if (invite != null) {
          invite.cancel(c);
        }
      }
      case "BYE" -> {
        open(leg, key, e, fromCaller, false);
        Party by = fromCaller ? Party.CALLER : Party.CALLEE;
        leg.bye(e, by);
        if (dialog != null) {
          dialog.end(e, by);
        }
      }
      case "REFER" -> {
        Transaction t = open(leg, key, e, fromCaller, false);
        if (dialog != null) {
          Party by = fromCaller ? Party.CALLER : Party.CALLEE;
          Refer r = dialog.refer(by, m.cseq().number());
          if (r == null) {
            r = new Refer(e, by, m.header("Refer-To"), m.header("Referred-By"));
            dialog.refer(r);
            recentRefers.addLast(r);
          } else {
            r.copy(e);
          }
          refers.put(t, r);
        }
      }
      case "NOTIFY" -> {
        open(leg, key, e, fromCaller, false);
        if (!notifyRefer(m, e, dialog)) {
          subscription(m, packet, method, key, leg.callId(), m.cseq(), dialog, true);
        }
      }
      case "SUBSCRIBE" -> {
        open(leg, key, e, fromCaller, false);
        subscription(m, packet, method, key, leg.callId(), m.cseq(), dialog, true);
      }
      case "OPTIONS" -> {
        open(leg, key, e, fromCaller, false);
        if (dialog != null) {
          dialog.keepAlive();
        }
      }
      default -> {
        Transaction t = open(leg, key, e, fromCaller, method.equals("INVITE") && toTag == null);
        // kept for the 2xx, which need not repeat it (RFC 4028 §5)
        t.requestMinSe = decimal(m.header("Min-SE"));
      }
    }
    reasons(leg, m, e);
    boolean initialInvite = method.equals("INVITE") && toTag == null;
    BodyPart body = m.sdp();
    if (!config.sessionDescriptions()) {
      if (initialInvite) {
        leg.inviteBody = body; // decoded only when the leg-linking heuristic compares it
      }
      body = null;
    }
    if (body != null) {
      // RFC 3264 §4 with RFC 3261 §13.2.1: an INVITE or UPDATE without a pending offer carries an
      // offer; an ACK or PRACK carries the answer to an offer made in a response
      boolean offer = !method.equals("ACK") && !method.equals("PRACK");
      SessionDescription sdp = sdpOf(m, body);
      SdpSeen seen =
          new SdpSeen(leg.callId(), leg.callerTag(), fromCaller ? toTag : fromTag, fromCaller, offer, sdp, e.frame(), e.source(), e.destination());
      sdpSink.onSdp(seen);
      if (initialInvite) {
        leg.inviteOffer = seen;
      } else if (dialog != null) {
        dialog.sdp(seen, e);
      }
    }
  }

  private Transaction open(CallLeg leg, String key, SipEvent e, boolean fromCaller, boolean initial) {
    Transaction t = new Transaction(key, e, fromCaller);
    transactions.put(key, t);
    leg.transaction(t, initial);
    return t;
  }

  /**
   * A NOTIFY for a REFER subscription carries the transferred call's status line (RFC 3515 §2.4.5);
   * its Event id, when given, is the REFER's CSeq (§2.4.6). Returns whether it was one.
   */
  private boolean notifyRefer(SipMessage m, SipEvent e, @Nullable Dialog dialog) {
    String event = m.header("Event");
    if (dialog == null || event == null || !event.trim().toLowerCase(java.util.Locale.ROOT).startsWith("refer")
        || dialog.refers().isEmpty()) {
      return false;
    }
    List<Refer> list = dialog.refers();
    Refer r = list.get(list.size() - 1);
    String id = Subscription.parameter(event, "id");
    if (id != null) {
      for (Refer candidate : list) {
        if (Long.toString(candidate.request().cseq()).equals(id)) {
          r = candidate;
        }
      }
    }
    // sipfrag = start-line ... (RFC 3420 §2); the first line here is "SIP/2.0 SP Status-Code ..."
    String text = m.body().text();
    int code = -1;
    if (text.startsWith("SIP/2.0 ") && text.length() >= 11 && text.substring(8, 11).chars().allMatch(Character::isDigit)) {
      code = Integer.parseInt(text.substring(8, 11));
    }
    r.notified(e, m.cseq().number(), code, m.header("Subscription-State"));
    return true;
  }

  /**
   * A SUBSCRIBE or NOTIFY (RFC 6665): found by Call-ID and event package, or started. In a call's
   * dialog ({@code dialog} given) it belongs to the dialog, else to {@link #subscriptions()}.
   */
  private void subscription(
      SipMessage m, Packet packet, String method, String key, String callId, CSeq cseq,
      @Nullable Dialog dialog, boolean inCall) {
    if (m.isRequest()) {
      String event = eventOf(m.header("Event"));
      String id = callId + "|" + event;
      Subscription s = inCall ? null : subscriptions.get(id);
      if (inCall && dialog != null) {
        for (Subscription d : dialog.subscriptions()) {
          if (d.event().equals(event)) {
            s = d;
          }
        }
      }
      SipEvent e = event(m, packet, method, false);
      if (s == null) {
        if (inCall && dialog == null) {
          return;
        }
        if (!inCall && subscriptions.size() >= MAX_SUBSCRIPTIONS) {
          anomalies.report(SipCorrelationProblem.TOO_MANY_SUBSCRIPTIONS.id(), e.frame().input(), e.frame().number(), -1,
              "limit=" + MAX_SUBSCRIPTIONS + " callId=" + callId);
          return;
        }
        s = new Subscription(callId, event, inCall, e, method.equals("SUBSCRIBE"));
        if (inCall) {
          dialog.subscription(s);
        } else {
          subscriptions.put(id, s);
        }
      }
      if (method.equals("SUBSCRIBE")) {
        s.subscribe(e, cseq.number(), m.expires());
        awaitAnswer(key, s);
      } else {
        boolean repeat = !inCall && openSubscribes.containsKey(key);
        s.notify(e, repeat, cseq.number(), m.header("Subscription-State"));
        if (!inCall && !repeat) {
          awaitAnswer(key, s);
        }
      }
    } else {
      Subscription s = openSubscribes.get(key);
      if (s != null && method.equals("SUBSCRIBE")) {
        s.answer(event(m, packet, method, false), cseq.number(), m.expires());
      }
      if (s != null && m.statusCode() >= 200) {
        openSubscribes.remove(key);
      }
    }
  }

  /** Remembers a transaction's subscription; the oldest unanswered one goes when full. */
  private void awaitAnswer(String key, Subscription s) {
    if (openSubscribes.size() >= MAX_SUBSCRIPTIONS) {
      openSubscribes.remove(openSubscribes.keySet().iterator().next());
    }
    openSubscribes.put(key, s);
  }

  /** {@code Presence ; id=7} → {@code presence;id=7}: the package and its id (RFC 6665 §8.2.1). */
  private static String eventOf(@Nullable String header) {
    if (header == null) {
      return "";
    }
    int semi = header.indexOf(';');
    String pkg = (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    String id = semi < 0 ? null : Subscription.parameter(header.substring(semi), "id");
    return id == null ? pkg : pkg + ";id=" + id;
  }

  /** An out-of-dialog OPTIONS request or its response: a keep-alive ping. */
  private void keepAlive(SipMessage m, Packet packet, String key, NameAddr to) {
    Endpoint src = Endpoint.source(packet);
    Endpoint dst = Endpoint.destination(packet);
    if (m.isRequest()) {
      if (to.tag() != null) {
        return;
      }
      String pair = src + "|" + dst;
      KeepAlive k = keepAlives.get(pair);
      SipEvent e = event(m, packet, "OPTIONS", false);
      if (k == null) {
        if (keepAlives.size() >= MAX_KEEPALIVE_PAIRS) {
          anomalies.report(SipCorrelationProblem.TOO_MANY_KEEPALIVE_PAIRS.id(), e.frame().input(), e.frame().number(), -1,
              "limit=" + MAX_KEEPALIVE_PAIRS + " pair=" + pair);
          return;
        }
        k = new KeepAlive(e);
        keepAlives.put(pair, k);
      }
      k.request(e, key);
    } else {
      KeepAlive k = keepAlives.get(dst + "|" + src);
      if (k != null) {
        k.answer(event(m, packet, "OPTIONS", false), key);
      }
    }
  }

  // ---------------------------------------------------------------- responses

  private void response(CallLeg leg, SipMessage m, Packet packet, String key, NameAddr to) {
    Transaction tx = transactions.get(key);
    int status = m.statusCode();
    @Nullable String toTag = to.tag();
    boolean repeat = tx != null && tx.repeats(status, toTag);
    SipEvent e = event(m, packet, m.cseq().method(), repeat, leg.callId());
    leg.add(e, config.maxEventsPerLeg());
    if (tx == null) {
      anomalies.report(
          SipCorrelationProblem.RESPONSE_WITHOUT_REQUEST.id(), e.frame().input(), e.frame().number(), -1,
          "status=" + status + " method=" + e.method());
      return;
    }
    tx.respond(e, toTag);
    if (repeat) {
      return;
    }
    reasons(leg, m, e);
    Dialog dialog = null;
    boolean initial = tx.method().equals("INVITE") && leg.initialInvites.contains(tx);
    if (initial) {
      if (status >= 200) {
        sourceAnswer(tx.request(), e);
      }
      if (status == 422) {
        leg.intervalTooSmall(e);
      }
      dialog = setupResponse(leg, e, status, toTag);
    } else if (toTag != null) {
      dialog = leg.dialog(leg.callerTag(), toTag);
      if (dialog == null) {
        dialog = leg.dialog(tag(m.from()), toTag);
      }
    }
    if (dialog != null && status >= 200 && status < 300) {
      long se = sessionExpires(m);
      if (se > 0) {
        dialog.sessionExpires(se);
        String refresher = Subscription.parameter(m.header("Session-Expires"), "refresher");
        // refresher names a side of the refresh's own transaction (RFC 4028 §9): when the callee
        // sends the re-INVITE or UPDATE, its "uac" is the dialog's "uas", and the other way round
        boolean byCallee = !initial && tag(m.from()).equals(dialog.toTag());
        if (byCallee && refresher != null) {
          refresher = refresher.equalsIgnoreCase("uac") ? "uas" : refresher.equalsIgnoreCase("uas") ? "uac" : refresher;
        }
        long minSe = decimal(m.header("Min-SE"));
        dialog.sessionTimer(refresher, minSe >= 0 ? minSe : tx.requestMinSe);
      }
      // a 2xx to a re-INVITE or UPDATE of a confirmed dialog refreshes the session (RFC 4028 §7.4);
      // a proxy in the capture relays the same 2xx again, which is not another refresh
      if (!initial && (tx.method().equals("INVITE") || tx.method().equals("UPDATE"))
          && dialog.sessionExpires() > 0 && dialog.confirmed() != null && dialog.state() == Dialog.State.CONFIRMED) {
        dialog.sessionRefresh(e, tag(m.from()) + "|" + m.cseq().number() + "|" + tx.method());
      }
    }
    Refer r = refers.get(tx);
    if (r != null && status >= 200) {
      r.respond(e);
    }
    if (tx.method().equals("SUBSCRIBE")) {
      subscription(m, packet, "SUBSCRIBE", key, leg.callId(), m.cseq(), dialog, true);
    }
    BodyPart body = config.sessionDescriptions() ? m.sdp() : null;
    if (body != null && status < 300) {
      boolean fromCaller = !tx.fromCaller;
      boolean offer = tx.request().sdp() == null;
      SessionDescription sdp = sdpOf(m, body);
      SdpSeen seen =
          new SdpSeen(leg.callId(), leg.callerTag(), toTag, fromCaller, offer, sdp, e.frame(), e.source(), e.destination());
      sdpSink.onSdp(seen);
      if (dialog != null) {
        dialog.sdp(seen, e);
      }
    }
  }

  /** A response to an initial INVITE creates (or confirms, or ends) the dialog of its To tag. */
  private @Nullable Dialog setupResponse(CallLeg leg, SipEvent e, int status, @Nullable String toTag) {
    if (status >= 300) {
      for (Dialog d : leg.dialogs()) {
        d.fail();
      }
      return null;
    }
    if (toTag == null || status == 100) {
      return null;
    }
    Dialog d = leg.dialog(leg.callerTag(), toTag);
    if (d == null) {
      d = new Dialog(leg.callId(), leg.callerTag(), toTag, e);
      leg.dialog(d);
      if (leg.inviteOffer != null) {
        d.sdp(leg.inviteOffer, leg.invite());
      }
    }
    if (status >= 200) {
      d.confirm(e);
    }
    return d;
  }

  /** A header's leading delta-seconds ({@code Min-SE: 90;lr} → 90), or -1. */
  private static long decimal(@Nullable String v) {
    if (v == null) {
      return -1;
    }
    String t = v.trim();
    int end = 0;
    while (end < t.length() && end < 10 && Character.isDigit(t.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Long.parseLong(t.substring(0, end));
  }

  /** The URI in a name-addr or addr-spec header value ({@code "Bob" <sip:b@h>;x=y} → {@code sip:b@h}). */
  static SipUri uriOf(String value) {
    int lt = value.indexOf('<');
    int gt = lt < 0 ? -1 : value.indexOf('>', lt);
    String uri = lt >= 0 && gt > lt ? value.substring(lt + 1, gt) : value.trim();
    int semi = lt < 0 ? uri.indexOf(';') : -1;
    return SipUri.parse(semi < 0 ? uri : uri.substring(0, semi));
  }

  private static long sessionExpires(SipMessage m) {
    String v = m.header("Session-Expires");
    if (v == null) {
      return -1;
    }
    // Session-Expires = delta-seconds *(SEMI se-params)   (RFC 4028 §4)
    int end = 0;
    while (end < v.length() && end < 10 && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Long.parseLong(v.substring(0, end));
  }

  private void reasons(CallLeg leg, SipMessage m, SipEvent e) {
    for (Reason r : m.reason()) {
      leg.reason(new ReasonSeen(e, r.protocol(), r.cause(), r.text() == null ? "" : r.text()));
    }
  }

  // ---------------------------------------------------------------- legs and calls

  private CallLeg startLeg(SipMessage m, Packet packet, String callId, NameAddr from, NameAddr to) {
    SipUri ruri = m.requestUri();
    SipEvent first = event(m, packet, "INVITE", false, callId);
    List<String> keys = correlationKeys(m);
    Call call = null;
    LegLink link = LegLink.FIRST;
    for (String k : keys) {
      call = correlation.get(k);
      if (call != null) {
        link = LegLink.CORRELATION_HEADER;
        break;
      }
    }
    String fromUser = from.uri().user();
    String requestUser = ruri == null ? null : ruri.user();
    String called = requestUser != null ? requestUser : to.uri().user();
    if (call == null) {
      call = heuristicMatch(first, fromUser, called, m);
      if (call != null) {
        link = LegLink.HEURISTIC;
      }
    }
    if (call == null) {
      if (open.size() >= config.maxCalls()) {
        Call oldest = open.values().iterator().next();
        anomalies.report(
            SipCorrelationProblem.TOO_MANY_CALLS.id(), first.frame().input(), first.frame().number(), -1,
            "limit=" + config.maxCalls() + " callId=" + oldest.firstLeg().callId());
        complete(oldest, lastSeen, lastSeen);
      }
      call = new Call(nextIndex++);
      open.put(call.index(), call);
    }
    CallLeg leg =
        new CallLeg(first, tag(from), fromUser, to.uri().user(), requestUser, to.tag() != null, link,
            config.transactionTimeoutNanos());
    call.add(leg);
    for (String k : keys) {
      if (correlation.putIfAbsent(k, call) == null) {
        call.correlationKeys.add(k);
      }
    }
    legs.put(callId, leg);
    recent.addLast(leg);
    linkTransfer(leg, m, called);
    return leg;
  }

  /**
   * Whether a new leg is the call a recent transfer asked for: its Replaces header (RFC 3891) names
   * the dialog an attended transfer replaces; or it calls the Refer-To user and either carries
   * Referred-By (RFC 3892) or comes from the address the REFER was sent to (the transferee).
   */
  private void linkTransfer(CallLeg leg, SipMessage m, @Nullable String called) {
    long t = leg.invite().timeNanos();
    while (!recentRefers.isEmpty()
        && (t - recentRefers.peekFirst().request().timeNanos() > TRANSFER_LINK_WINDOW_NANOS
            || recentRefers.size() > config.maxLinkCandidates())) {
      recentRefers.pollFirst();
    }
    String replaces = m.header("Replaces");
    String replacesId = replaces == null ? null : replaces.split(";", 2)[0].trim();
    boolean referred = m.header("Referred-By") != null;
    Iterator<Refer> it = recentRefers.descendingIterator();
    while (it.hasNext()) {
      Refer r = it.next();
      if (r.transferLeg() != null || r.status() >= 300) {
        continue;
      }
      boolean match = replacesId != null
          ? replacesId.equals(r.replaces())
          : same(called, r.referToUser()) && (referred || r.sentTo(leg.caller()));
      if (match) {
        r.transferLeg(leg);
        leg.transferOf(r);
        return;
      }
    }
  }

  /** Keys under which another leg can find this one: its Call-ID and its correlation headers. */
  private List<String> correlationKeys(SipMessage m) {
    List<String> keys = new ArrayList<>(2);
    keys.add("callid:" + m.callId());
    for (String h : config.correlationHeaders()) {
      String v = m.header(h);
      if (v != null && !v.isBlank()) {
        keys.add("callid:" + v.trim());
      }
    }
    // Session-ID = "Session-ID" HCOLON session-id-value; session-id-value = local-uuid *(SEMI sess-id-param)
    // sess-id-param = remote-param / generic-param; remote-param = "remote" EQUAL remote-uuid  (RFC 7989 §5)
    String sid = m.header("Session-ID");
    if (sid != null) {
      for (String part : sid.split(";")) {
        String p = part.trim();
        String uuid = p.regionMatches(true, 0, "remote=", 0, 7) ? p.substring(7) : p.indexOf('=') < 0 ? p : "";
        if (uuid.length() == 32 && !uuid.equals("00000000000000000000000000000000")) {
          keys.add("session:" + uuid.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    // P-Charging-Vector = "P-Charging-Vector" HCOLON icid-value *(SEMI charge-params); icid-value = "icid-value" EQUAL gen-value  (RFC 7315 §5.6)
    String pcv = m.header("P-Charging-Vector");
    if (pcv != null) {
      for (String part : pcv.split(";")) {
        String p = part.trim();
        if (p.regionMatches(true, 0, "icid-value=", 0, 11) && p.length() > 11) {
          keys.add("icid:" + p.substring(11));
        }
      }
    }
    return keys;
  }

  private @Nullable Call heuristicMatch(
      SipEvent invite, @Nullable String fromUser, @Nullable String called, SipMessage m) {
    long t = invite.timeNanos();
    while (!recent.isEmpty()
        && (t - recent.peekFirst().invite().timeNanos() > config.legLinkWindowNanos()
            || recent.peekFirst().call == null
            || !open.containsKey(recent.peekFirst().call.index()))) {
      recent.pollFirst();
    }
    while (recent.size() > config.maxLinkCandidates()) {
      recent.pollFirst();
    }
    Endpoint source = invite.source();
    Iterator<CallLeg> it = recent.descendingIterator();
    while (it.hasNext()) {
      CallLeg other = it.next();
      if (!other.callee().address().equals(source.address()) || other.caller().equals(source)) {
        continue;
      }
      if (same(fromUser, other.fromUser())
          || same(called, called(other))
          || sharesMedia(m, other)) {
        return other.call;
      }
    }
    return null;
  }

  private static @Nullable String called(CallLeg l) {
    return l.requestUser() != null ? l.requestUser() : l.toUser();
  }

  private static boolean same(@Nullable String a, @Nullable String b) {
    if (a == null || b == null || a.isEmpty()) {
      return false;
    }
    return a.equals(b) || (a.startsWith("+") ? a.substring(1) : a).equals(b.startsWith("+") ? b.substring(1) : b);
  }

  /**
   * The SDP body of {@code m}, decoded once: the summary, the offer/answer and the leg linking all
   * read the same message's SDP.
   */
  private SessionDescription sdpOf(SipMessage m, BodyPart body) {
    if (m != sdpMessage || sdp == null) {
      sdpMessage = m;
      sdp = SdpDecoder.decode(body.data(), body.offset(), body.length());
    }
    return sdp;
  }

  private boolean sharesMedia(SipMessage m, CallLeg other) {
    BodyPart body = m.sdp();
    SessionDescription theirs = offerOf(other);
    if (body == null || theirs == null) {
      return false;
    }
    SessionDescription sdp = sdpOf(m, body);
    for (MediaDescription a : sdp.media()) {
      for (MediaDescription b : theirs.media()) {
        if (a.port() != 0 && a.port() == b.port() && a.effectiveAddress() != null
            && a.effectiveAddress().equals(b.effectiveAddress())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The SDP offer of a leg's first INVITE, decoded on first use when SDP is left aside. */
  private static @Nullable SessionDescription offerOf(CallLeg leg) {
    if (leg.inviteOffer != null) {
      return leg.inviteOffer.sdp();
    }
    BodyPart b = leg.inviteBody;
    if (b != null && leg.inviteBodySdp == null) {
      leg.inviteBodySdp = SdpDecoder.decode(b.data(), b.offset(), b.length());
    }
    return leg.inviteBodySdp;
  }

  // ---------------------------------------------------------------- registrations

  private void register(SipMessage m, Packet packet, String callId, CSeq cseq, NameAddr to) {
    Registration reg = registering.get(callId);
    if (m.isRequest()) {
      if (reg != null) {
        for (int i = reg.attemptCount() - 1; i >= 0; i--) {
          RegisterAttempt a = reg.attempt(i);
          // a refresh or a retry with credentials increments CSeq (§10.2.4, §22.2): same CSeq, same request
          if (a.request().cseq() == cseq.number()) {
            SipEvent e = event(m, packet, "REGISTER", true);
            reg.replace(i, new RegisterAttempt(a.request(), a.response(), a.expiresRequested(), a.expiresGranted(), a.retransmissions() + 1));
            reg.lastActivityNanos = Math.max(reg.lastActivityNanos, e.timeNanos());
            return;
          }
        }
      }
      if (reg == null) {
        if (registering.size() >= config.maxRegistrations()) {
          Registration oldest = registering.values().iterator().next();
          FrameRef f = packet.frame.ref();
          anomalies.report(SipCorrelationProblem.TOO_MANY_REGISTRATIONS.id(), f.input(), f.number(), -1,
              "limit=" + config.maxRegistrations() + " callId=" + oldest.callId());
          completeRegistration(oldest);
        }
        reg = new Registration(callId, to.uri().text());
        registering.put(callId, reg);
      }
      SipEvent e = event(m, packet, "REGISTER", false);
      sourceRequest(e, m, to);
      List<Contact> contacts = m.contact();
      String contact = null;
      long requested = m.expires();
      if (!contacts.isEmpty() && contacts.get(0).address() != null) {
        contact = contacts.get(0).address().uri().text();
        if (contacts.get(0).expires() >= 0) {
          requested = contacts.get(0).expires();
        }
      } else if (!contacts.isEmpty() && contacts.get(0).star()) {
        requested = 0;
      }
      if (reg.attemptCount() >= config.maxEventsPerLeg()) {
        anomalies.report(SipCorrelationProblem.TOO_MANY_MESSAGES.id(), e.frame().input(), e.frame().number(), -1,
            "limit=" + config.maxEventsPerLeg() + " callId=" + callId);
      }
      reg.add(new RegisterAttempt(e, null, requested, -1, 0), contact, config.maxEventsPerLeg());
      return;
    }
    if (reg == null) {
      otherMessages++;
      return;
    }
    int status = m.statusCode();
    for (int i = reg.attemptCount() - 1; i >= 0; i--) {
      RegisterAttempt a = reg.attempt(i);
      if (a.request().cseq() != cseq.number()) {
        continue;
      }
      boolean repeat = a.response() != null && a.response().status() == status;
      SipEvent e = event(m, packet, "REGISTER", repeat);
      reg.lastActivityNanos = Math.max(reg.lastActivityNanos, e.timeNanos());
      if (status >= 200 && a.response() == null) {
        sourceAnswer(a.request(), e);
        reg.replace(i, new RegisterAttempt(a.request(), e, a.expiresRequested(), granted(m, reg.contact()), a.retransmissions()));
      }
      return;
    }
  }

  /** What a 2xx to REGISTER granted for our contact (§10.2.4): its expires param, else Expires. */
  private static long granted(SipMessage ok, @Nullable String contact) {
    for (Contact c : ok.contact()) {
      if (c.address() != null && c.expires() >= 0
          && (contact == null || c.address().uri().text().equals(contact))) {
        return c.expires();
      }
    }
    return ok.expires();
  }

  // ---------------------------------------------------------------- sources

  /**
   * A message outside any call or registration. A request without a To tag starts something
   * (RFC 3261 §8.1.1.2: the UAC leaves the tag out of out-of-dialog requests); one with a tag
   * belongs to a dialog the capture missed and is not counted. A final response is credited to
   * the source it went to, when that source is tracked.
   */
  private void outOfDialog(SipMessage m, Packet packet, String method, NameAddr to) {
    if (m.isRequest()) {
      if (to.tag() == null) {
        sourceRequest(event(m, packet, method, false), m, to);
      }
    } else if (m.statusCode() >= 200) {
      SourceActivity s = sources.get(packet.dstAddress());
      if (s != null) {
        SipEvent e = event(m, packet, method, false);
        s.answer(e);
      }
    }
  }

  private void stray(SipMessage m, Packet packet, String method) {
    if (strays.size() < MAX_STRAYS) {
      strays.add(event(m, packet, method, false));
    }
  }

  private void sourceRequest(SipEvent e, SipMessage m, NameAddr to) {
    java.net.InetAddress from = e.source().address();
    SourceActivity s = sources.get(from);
    if (s == null) {
      if (sources.size() >= MAX_SOURCES) {
        untrackedRequests++;
        return;
      }
      s = new SourceActivity(e);
      sources.put(from, s);
    }
    SipUri uri = m.requestUri();
    String user = uri == null ? null : uri.user();
    s.request(e, user != null ? user : to.uri().user());
  }

  private void sourceAnswer(SipEvent request, SipEvent response) {
    SourceActivity s = sources.get(request.source().address());
    if (s != null) {
      s.answer(response);
    }
  }

  // ---------------------------------------------------------------- time

  /** Capture time has reached {@code nowNanos}: hands out calls and registrations that are done. */
  public void onTimer(long nowNanos) {
    lastTimer = nowNanos;
    List<Call> done = new ArrayList<>();
    for (Call c : open.values()) {
      long last = c.lastActivityNanos();
      long idle = nowNanos - last;
      boolean ended = true;
      for (CallLeg l : c.legs()) {
        ended &= l.ended(nowNanos, config.authRetryNanos());
      }
      if ((ended && idle >= config.callLingerNanos()) || idle >= config.idleTimeoutNanos()) {
        done.add(c);
      }
    }
    for (Call c : done) {
      // a call that went silent talked until its last message, not until now
      complete(c, nowNanos, c.lastActivityNanos());
    }
    List<Registration> quiet = new ArrayList<>();
    for (Registration r : registering.values()) {
      if (nowNanos - r.lastActivityNanos >= config.registrationIdleNanos()) {
        quiet.add(r);
      }
    }
    for (Registration r : quiet) {
      completeRegistration(r);
    }
  }

  /** The end of the messages: hands out everything still open. */
  public void finish() {
    for (Call c : new ArrayList<>(open.values())) {
      complete(c, lastSeen, lastSeen);
    }
    for (Registration r : new ArrayList<>(registering.values())) {
      completeRegistration(r);
    }
  }

  private void complete(Call call, long closedAt, long talkEnd) {
    open.remove(call.index());
    for (CallLeg l : call.legs()) {
      legs.remove(l.callId());
      for (Transaction t : l.transactions()) {
        transactions.remove(t.key, t);
        refers.remove(t);
        openSubscribes.remove(t.key);
      }
      l.close(Math.max(closedAt, l.lastActivityNanos()), Math.max(talkEnd, l.lastActivityNanos()));
      if (l.droppedEvents() > 0) {
        anomalies.report(SipCorrelationProblem.TOO_MANY_MESSAGES.id(), l.invite().frame().input(),
            l.invite().frame().number(), -1, "limit=" + config.maxEventsPerLeg() + " callId=" + l.callId());
      }
    }
    for (String k : call.correlationKeys) {
      correlation.remove(k, call);
    }
    calls.accept(call);
  }

  private void completeRegistration(Registration r) {
    registering.remove(r.callId());
    registrations.accept(r);
  }

  // ---------------------------------------------------------------- events

  private static String tag(@Nullable NameAddr a) {
    String t = a == null ? null : a.tag();
    return t == null ? "" : t;
  }

  private static String transactionKey(String callId, CSeq cseq, NameAddr from, Via top, String method) {
    // sent-by without a port means the transport's default (§18.2.2, §19.1.2): 5060, 5061 for TLS
    int port = top.port() >= 0 ? top.port() : top.transport().equals("TLS") ? 5061 : 5060;
    String sentBy = top.host().toLowerCase(java.util.Locale.ROOT) + ":" + port;
    String branch = top.branch();
    if (branch != null && branch.startsWith(MAGIC_COOKIE)) {
      return branch + "|" + sentBy + "|" + method;
    }
    // RFC 2543 matching (RFC 3261 §17.2.3, last paragraphs)
    return callId + "|" + cseq.number() + "|" + tag(from) + "|" + sentBy + "|" + method;
  }

  private SipEvent event(SipMessage m, Packet packet, String method, boolean repeat) {
    return event(m, packet, method, repeat, null);
  }

  /** {@code legCallId}: the leg's own Call-ID instance, which its messages share; null to look up. */
  private SipEvent event(
      SipMessage m, Packet packet, String method, boolean repeat, @Nullable String legCallId) {
    String firstLine =
        m.isRequest()
            ? m.method() + " " + m.requestUriText() + " " + m.version()
            : m.version() + " " + m.statusCode() + " " + m.reasonPhrase();
    CSeq cseq = m.cseq();
    BodyPart body = m.sdp();
    String callId = m.callId();
    // kept so that copies of one message at several capture points can be compared
    List<Via> vias = m.via();
    Via top = vias.isEmpty() ? null : vias.get(0);
    List<Contact> contacts = m.contact();
    NameAddr contact = contacts.isEmpty() ? null : contacts.get(0).address();
    // every finished call is kept with its messages for the rules: repeated values are kept once
    return new SipEvent(
        packet.frame.ref(),
        packet.timestampNanos,
        shared.source(packet),
        shared.destination(packet),
        m.isRequest() ? firstLine : shared.share(firstLine),
        shared.share(method),
        m.isRequest() ? -1 : m.statusCode(),
        cseq == null ? -1 : cseq.number(),
        legCallId != null ? legCallId : callId == null ? "" : shared.share(callId),
        body == null || !config.sessionDescriptions() ? null : summary(sdpOf(m, body)),
        repeat,
        shared.share(m.isRequest() ? m.userAgent() : m.server()),
        top == null ? null : shared.share(top.port() < 0 ? top.host() : top.host() + ":" + top.port()),
        top == null ? null : top.branch(),
        contact == null ? null : shared.share(contact.uri().text()),
        // a frame cut by snaplen lost its end, not a body that disagrees with Content-Length
        packet.protocol == 17 && !packet.frame.truncated() ? m.contentLength() : -1,
        packet.protocol == 17 && !packet.frame.truncated() ? datagramBodyBytes(m) : -1);
  }

  /**
   * The body bytes a datagram carried after the header section; when only whitespace follows the
   * declared Content-Length, that is padding and the body is as declared (RFC 3261 §18.3).
   */
  private static int datagramBodyBytes(SipMessage m) {
    byte[] d = m.bytes();
    int start = m.body().offset();
    int declared = m.contentLength();
    int end = d.length;
    while (end > start && (d[end - 1] == '\r' || d[end - 1] == '\n' || d[end - 1] == ' '
        || d[end - 1] == '\t' || d[end - 1] == 0)) {
      end--;
    }
    if (declared >= 0 && declared <= d.length - start && end - start <= declared) {
      return declared;
    }
    return d.length - start;
  }

  /** {@code audio 192.0.2.1:4000 PCMU,PCMA,telephone-event sendrecv}, one part per stream. */
  static String summary(SessionDescription sdp) {
    StringBuilder b = new StringBuilder();
    for (MediaDescription m : sdp.media()) {
      if (b.length() > 0) {
        b.append("; ");
      }
      String address = m.effectiveAddress();
      b.append(m.media()).append(' ');
      b.append(address == null ? "?" : address.indexOf(':') >= 0 ? "[" + address + "]" : address);
      b.append(':').append(m.port()).append(' ');
      List<Codec> codecs = m.codecs();
      for (int i = 0; i < codecs.size() && i < SUMMARY_CODECS; i++) {
        if (i > 0) {
          b.append(',');
        }
        Codec c = codecs.get(i);
        b.append(c.name() == null ? Integer.toString(c.payloadType()) : c.name());
      }
      if (codecs.size() > SUMMARY_CODECS) {
        b.append(",…");
      }
      b.append(' ').append(m.effectiveDirection().attribute());
    }
    return b.toString();
  }
}
