package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.KeepAlive;
import io.voipdoc.correlate.sip.Party;
import io.voipdoc.correlate.sip.Refer;
import io.voipdoc.correlate.sip.SipCorrelator;
import io.voipdoc.correlate.sip.SipCorrelatorConfig;
import io.voipdoc.correlate.sip.Subscription;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.sip.SipMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voipdoc calls CAPTURE...}: the calls in the captures, one row each (like Wireshark's VoIP
 * Calls), all legs of a B2BUA call in one row; as text or JSON.
 */
@Command(
    name = "calls",
    mixinStandardHelpOptions = true,
    description = "Lists the calls: start, duration, from, to, state, final status, legs, messages.")
final class CallsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "CAPTURE",
      description = "pcap or pcapng files (optionally gzip-compressed), directories, or - for stdin")
  List<String> captures = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format = OutputFormat.text;

  @Mixin LanguageOption language = new LanguageOption();

  @Option(
      names = "--correlation-header",
      paramLabel = "NAME",
      description = "a header whose value is the Call-ID of another leg of the same call")
  List<String> correlationHeaders = new ArrayList<>();

  /**
   * What a run found: the calls in start order, the inputs that could not be read, and the
   * subscriptions and OPTIONS pings outside any call.
   */
  record Found(
      List<Call> calls, Pipeline.Result result, List<Subscription> subscriptions,
      List<KeepAlive> keepAlives) {}

  /** Runs the inputs through the pipeline and the SIP correlator. */
  static Found correlate(List<String> inputs, List<String> headers, Messages messages)
      throws IOException {
    SipCorrelatorConfig config = SipCorrelatorConfig.DEFAULTS;
    for (String h : headers) {
      config = config.withCorrelationHeader(h);
    }
    List<Call> calls = new ArrayList<>();
    SipCorrelator correlator = new SipCorrelator(config, sdp -> {}, calls::add, r -> {});
    Pipeline.Result result =
        Pipeline.run(
            inputs,
            new MessageListener() {
              @Override
              public void onSip(SipMessage message, Packet packet) {
                correlator.onSip(message, packet);
              }

              @Override
              public Dissector.SipChecks sipChecks() {
                return Dissector.SipChecks.STRUCTURE; // damage is not reported here
              }
            },
            messages);
    correlator.finish();
    calls.sort(Comparator.comparingInt(Call::index));
    return new Found(calls, result, correlator.subscriptions(), correlator.keepAlives());
  }

  @Override
  public Integer call() throws IOException {
    OutputFormat.require(spec, format, OutputFormat.text, OutputFormat.json);
    Messages messages = language.messages();
    Found found = correlate(captures, correlationHeaders, messages);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("calls", json(found.calls()));
      List<Map<String, Object>> subscriptions = new ArrayList<>();
      for (Subscription s : found.subscriptions()) {
        subscriptions.add(json(s));
      }
      doc.put("subscriptions", subscriptions);
      List<Map<String, Object>> pings = new ArrayList<>();
      for (KeepAlive k : found.keepAlives()) {
        pings.add(json(k));
      }
      doc.put("keepAlives", pings);
      doc.put("unreadable", found.result().unreadable());
      OutputFormat.writeJson(out, doc);
    } else {
      CallTable.render(found.calls(), messages, out);
    }
    out.flush();
    return finish(found.result(), spec.commandLine().getErr());
  }

  static int finish(Pipeline.Result result, PrintWriter err) {
    for (InputSummary.Unreadable u : result.unreadable()) {
      err.println("voipdoc: " + u.message());
    }
    err.flush();
    return result.unreadable().isEmpty() ? ExitCode.OK : ExitCode.UNREADABLE_INPUT;
  }

  /** The JSON objects of the calls; {@code analyze} reports the same. */
  static List<Map<String, Object>> json(List<Call> calls) {
    Map<Refer, Call> referring = new IdentityHashMap<>();
    for (Call c : calls) {
      for (Refer r : c.transfers()) {
        referring.put(r, c);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Call c : calls) {
      rows.add(json(c, referring));
    }
    return rows;
  }

  private static Map<String, Object> json(Call c, Map<Refer, Call> referring) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", c.index());
    m.put("callIds", c.callIds());
    m.put("from", c.from());
    m.put("to", c.to());
    m.put("state", c.state().name());
    m.put("finalStatus", c.finalStatus());
    m.put("start", c.start().toString());
    m.put("durationMs", c.durationNanos() / 1_000_000);
    long pdd = c.postDialDelayNanos();
    m.put("postDialDelayMs", pdd < 0 ? null : pdd / 1_000_000);
    Party by = c.hungUpBy();
    m.put("hungUpBy", by == null ? null : by.name());
    m.put("messages", c.messages());
    List<Map<String, Object>> legs = new ArrayList<>();
    for (CallLeg l : c.legs()) {
      Map<String, Object> leg = new LinkedHashMap<>();
      leg.put("callId", l.callId());
      leg.put("link", l.link().name());
      leg.put("from", l.fromUser());
      leg.put("to", l.requestUser() != null ? l.requestUser() : l.toUser());
      leg.put("state", l.state().name());
      leg.put("finalStatus", l.finalStatus());
      leg.put("caller", l.caller().toString());
      leg.put("callee", l.callee().toString());
      List<List<Object>> frames = new ArrayList<>();
      for (FrameRef f : l.frames()) {
        frames.add(List.of(f.input(), f.number()));
      }
      leg.put("frames", frames);
      legs.add(leg);
    }
    m.put("legs", legs);
    List<Map<String, Object>> transfers = new ArrayList<>();
    for (Refer r : c.transfers()) {
      transfers.add(json(r));
    }
    m.put("transfers", transfers);
    Refer of = c.transferOf();
    Call from = of == null ? null : referring.get(of);
    m.put("transferOf", from == null ? null : from.index());
    List<Map<String, Object>> subscriptions = new ArrayList<>();
    for (Subscription s : c.subscriptions()) {
      subscriptions.add(json(s));
    }
    m.put("subscriptions", subscriptions);
    List<Map<String, Object>> timers = new ArrayList<>();
    for (CallLeg l : c.legs()) {
      for (Dialog d : l.dialogs()) {
        if (d.sessionExpires() > 0) {
          timers.add(sessionTimer(l, d));
        }
      }
    }
    m.put("sessionTimers", timers);
    return m;
  }

  private static Map<String, Object> json(Refer r) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("callId", r.request().callId());
    t.put("by", r.by().name());
    t.put("referTo", r.referTo());
    t.put("referredBy", r.referredBy());
    t.put("attended", r.attended());
    t.put("replaces", r.replaces());
    t.put("status", r.status());
    t.put("notified", r.notifiedStatuses());
    t.put("outcome", r.outcome().name());
    t.put("frame", List.of(r.request().frame().input(), r.request().frame().number()));
    CallLeg leg = r.transferLeg();
    t.put("transferCallId", leg == null ? null : leg.callId());
    return t;
  }

  private static Map<String, Object> json(Subscription s) {
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

  private static Map<String, Object> json(KeepAlive k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", k.source().toString());
    m.put("destination", k.destination().toString());
    m.put("requests", k.requests());
    m.put("answered", k.answered());
    Map<String, Integer> statuses = new LinkedHashMap<>();
    k.statuses().forEach((code, n) -> statuses.put(Integer.toString(code), n));
    m.put("statuses", statuses);
    double interval = k.meanIntervalSeconds();
    m.put("meanIntervalSeconds", interval < 0 ? null : Math.round(interval * 1000) / 1000.0);
    m.put("first", List.of(k.first().frame().input(), k.first().frame().number()));
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

  /** The localised name of a call state. */
  static String state(Messages messages, Call c) {
    return messages.text("calls.state." + c.state().name().toLowerCase(Locale.ROOT));
  }
}
