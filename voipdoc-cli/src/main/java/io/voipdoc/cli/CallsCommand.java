package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Party;
import io.voipdoc.correlate.sip.SipCorrelator;
import io.voipdoc.correlate.sip.SipCorrelatorConfig;
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

  /** What a run found: the calls in start order, and the inputs that could not be read. */
  record Found(List<Call> calls, Pipeline.Result result) {}

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
    return new Found(calls, result);
  }

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    Found found = correlate(captures, correlationHeaders, messages);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Call c : found.calls()) {
        rows.add(json(c));
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("calls", rows);
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

  private static Map<String, Object> json(Call c) {
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
    return m;
  }

  /** The localised name of a call state. */
  static String state(Messages messages, Call c) {
    return messages.text("calls.state." + c.state().name().toLowerCase(Locale.ROOT));
  }
}
