package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.LegLink;
import io.voipdoc.correlate.sip.Party;
import io.voipdoc.correlate.sip.Refer;
import io.voipdoc.correlate.sip.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One call as {@code voipdoc calls} shows it: what the table and the JSON need, kept instead of the
 * {@link Call} with all its messages. A row is made when the correlator hands the call on, so that
 * the calls of a long capture do not all stay in memory until the end. Frames are kept as pairs of
 * numbers ({@link CallRows} names the inputs), transfers, subscriptions and session timers, which
 * few calls have, as their JSON objects.
 */
final class CallRow {
  final int index;
  final Instant start;
  final long durationNanos;
  final long postDialDelayNanos;
  final String from;
  final String to;
  final CallState state;
  final int finalStatus;
  final @Nullable Party hungUpBy;
  final int messages;
  final Leg[] legs;
  final List<Map<String, Object>> transfers;
  final List<Map<String, Object>> subscriptions;
  final List<Map<String, Object>> sessionTimers;

  /** The index of the call whose transfer (REFER) this call was started for, once known. */
  @Nullable Integer transferOf;

  /**
   * One leg (Call-ID) of the call.
   *
   * @param frames the leg's frames as pairs: input number in {@link CallRows}, frame number
   */
  record Leg(
      String callId, LegLink link, @Nullable String from, @Nullable String to, CallState state,
      int finalStatus, String caller, String callee, long[] frames) {}

  /**
   * The row of {@code c}; {@code inputs} numbers the input names. Transfer links to other calls
   * are filled in by {@link CallRows}.
   */
  CallRow(Call c, CallRows inputs) {
    index = c.index();
    start = c.start();
    durationNanos = c.durationNanos();
    postDialDelayNanos = c.postDialDelayNanos();
    from = c.from();
    to = c.to();
    state = c.state();
    finalStatus = c.finalStatus();
    hungUpBy = c.hungUpBy();
    messages = c.messages();
    List<CallLeg> callLegs = c.legs();
    legs = new Leg[callLegs.size()];
    List<Map<String, Object>> timers = List.of();
    for (int i = 0; i < legs.length; i++) {
      CallLeg l = callLegs.get(i);
      List<FrameRef> refs = l.frames();
      long[] frames = new long[refs.size() * 2];
      for (int k = 0; k < refs.size(); k++) {
        frames[2 * k] = inputs.inputNumber(refs.get(k).input());
        frames[2 * k + 1] = refs.get(k).number();
      }
      legs[i] =
          new Leg(
              l.callId(), l.link(), l.fromUser(), l.requestUser() != null ? l.requestUser() : l.toUser(),
              l.state(), l.finalStatus(), l.caller().toString(), l.callee().toString(), frames);
      for (Dialog d : l.dialogs()) {
        if (d.sessionExpires() > 0) {
          if (timers.isEmpty()) {
            timers = new ArrayList<>(1);
          }
          timers.add(sessionTimer(l, d));
        }
      }
    }
    sessionTimers = timers;
    transfers = new ArrayList<>(0);
    for (Refer r : c.transfers()) {
      transfers.add(json(r));
    }
    subscriptions = new ArrayList<>(0);
    for (Subscription s : c.subscriptions()) {
      subscriptions.add(json(s));
    }
  }

  /** The call's JSON object, as {@code calls --format json} and {@code analyze} report it. */
  Map<String, Object> json(List<String> inputNames) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", index);
    List<String> callIds = new ArrayList<>(legs.length);
    for (Leg l : legs) {
      callIds.add(l.callId());
    }
    m.put("callIds", callIds);
    m.put("from", from);
    m.put("to", to);
    m.put("state", state.name());
    m.put("finalStatus", finalStatus);
    m.put("start", start.toString());
    m.put("durationMs", durationNanos / 1_000_000);
    m.put("postDialDelayMs", postDialDelayNanos < 0 ? null : postDialDelayNanos / 1_000_000);
    m.put("hungUpBy", hungUpBy == null ? null : hungUpBy.name());
    m.put("messages", messages);
    List<Map<String, Object>> legList = new ArrayList<>();
    for (Leg l : legs) {
      Map<String, Object> leg = new LinkedHashMap<>();
      leg.put("callId", l.callId());
      leg.put("link", l.link().name());
      leg.put("from", l.from());
      leg.put("to", l.to());
      leg.put("state", l.state().name());
      leg.put("finalStatus", l.finalStatus());
      leg.put("caller", l.caller());
      leg.put("callee", l.callee());
      List<List<Object>> frames = new ArrayList<>();
      for (int k = 0; k < l.frames().length; k += 2) {
        frames.add(List.of(inputNames.get((int) l.frames()[k]), l.frames()[k + 1]));
      }
      leg.put("frames", frames);
      legList.add(leg);
    }
    m.put("legs", legList);
    m.put("transfers", transfers);
    m.put("transferOf", transferOf);
    m.put("subscriptions", subscriptions);
    m.put("sessionTimers", sessionTimers);
    return m;
  }

  /** A transfer's JSON object; {@code transferCallId} is updated when its call is seen later. */
  private static Map<String, Object> json(Refer r) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("callId", r.request().callId());
    t.put("by", r.by().name());
    t.put("referTo", r.referTo());
    t.put("referredBy", r.referredBy());
    t.put("attended", r.attended());
    t.put("replaces", r.replaces());
    t.put("status", r.status());
    t.put("notified", List.copyOf(r.notifiedStatuses()));
    t.put("outcome", r.outcome().name());
    t.put("frame", List.of(r.request().frame().input(), r.request().frame().number()));
    CallLeg leg = r.transferLeg();
    t.put("transferCallId", leg == null ? null : leg.callId());
    return t;
  }

  /** A subscription's JSON object, in a call or on its own. */
  static Map<String, Object> json(Subscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("callId", s.callId());
    m.put("event", s.event());
    m.put("subscriber", s.subscriber().toString());
    m.put("notifier", s.notifier().toString());
    m.put("state", s.state().name());
    m.put("lastStatus", s.lastStatus());
    m.put("expiresRequested", s.expiresRequested());
    m.put("expiresGranted", s.expiresGranted());
    m.put("subscriptionState", s.subscriptionState());
    m.put("terminationReason", s.terminationReason());
    m.put("subscribes", s.subscribes());
    m.put("notifies", s.notifies());
    m.put("frame", List.of(s.first().frame().input(), s.first().frame().number()));
    return m;
  }

  private static Map<String, Object> sessionTimer(CallLeg l, Dialog d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("callId", l.callId());
    m.put("sessionExpires", d.sessionExpires());
    m.put("refresher", d.sessionRefresher());
    m.put("minSe", d.minSe() < 0 ? null : d.minSe());
    m.put("refreshes", d.sessionRefreshes().size());
    m.put("intervalTooSmall", l.sessionIntervalTooSmall().size());
    m.put("endedAtSessionExpiry", d.endedAtSessionExpiry());
    return m;
  }
}
