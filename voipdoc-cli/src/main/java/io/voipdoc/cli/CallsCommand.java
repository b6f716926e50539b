package io.voipdoc.cli;

import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.correlate.sip.KeepAlive;
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

  /**
   * Runs the inputs through the pipeline and the SIP correlator, keeping every call (for {@code
   * flow}, which draws their messages).
   */
  static Found correlate(List<String> inputs, List<String> headers, Messages messages)
      throws IOException {
    List<Call> calls = new ArrayList<>();
    SipCorrelator correlator = new SipCorrelator(config(headers), sdp -> {}, calls::add, r -> {});
    Pipeline.Result result = run(inputs, correlator, messages);
    calls.sort(Comparator.comparingInt(Call::index));
    return new Found(calls, result, correlator.subscriptions(), correlator.keepAlives());
  }

  private static SipCorrelatorConfig config(List<String> headers) {
    SipCorrelatorConfig config = SipCorrelatorConfig.DEFAULTS;
    for (String h : headers) {
      config = config.withCorrelationHeader(h);
    }
    return config;
  }

  /** Feeds the SIP messages of the inputs to {@code correlator} and finishes it. */
  private static Pipeline.Result run(
      List<String> inputs, SipCorrelator correlator, Messages messages) throws IOException {
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
    return result;
  }

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    OutputFormat.require(spec, messages, format, OutputFormat.text, OutputFormat.json);
    CallRows rows = new CallRows();
    // the table shows no SDP: leave it aside (first offers are read only where leg linking needs them)
    SipCorrelator correlator =
        new SipCorrelator(config(correlationHeaders).withoutSessionDescriptions(), sdp -> {}, rows, r -> {});
    Pipeline.Result result = run(captures, correlator, messages);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("calls", rows.json());
      List<Map<String, Object>> subscriptions = new ArrayList<>();
      for (Subscription s : correlator.subscriptions()) {
        subscriptions.add(CallRow.json(s));
      }
      doc.put("subscriptions", subscriptions);
      List<Map<String, Object>> pings = new ArrayList<>();
      for (KeepAlive k : correlator.keepAlives()) {
        pings.add(json(k));
      }
      doc.put("keepAlives", pings);
      doc.put("unreadable", result.unreadable());
      OutputFormat.writeJson(out, doc);
    } else {
      CallTable.render(rows.sorted(), messages, out);
    }
    out.flush();
    return finish(result, spec.commandLine().getErr());
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
    CallRows rows = new CallRows();
    calls.forEach(rows);
    return rows.json();
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

  /** The localised name of a call state. */
  static String state(Messages messages, Call c) {
    return state(messages, c.state());
  }

  /** The localised name of a call state. */
  static String state(Messages messages, CallState state) {
    return messages.text("calls.state." + state.name().toLowerCase(Locale.ROOT));
  }
}
