package io.voipdoc.cli;

import io.voipdoc.capture.Anomaly;
import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.FrameRef;
import io.voipdoc.capture.LinkType;
import io.voipdoc.capture.UnreadableCaptureException;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.PacketDecoder;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code voipdoc info CAPTURE...}: per input its format, link types, packet count, time span and
 * what the decoders recognised, plus the damage found, as text or JSON.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Describes captures: format, link types, packets, time span, contents, damage.")
final class InfoCommand implements Callable<Integer> {


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

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    OutputFormat.require(spec, messages, format, OutputFormat.text, OutputFormat.json);
    PrintWriter err = spec.commandLine().getErr();
    List<InputSummary> summaries = new ArrayList<>();
    List<InputSummary.Unreadable> unreadable = new ArrayList<>();
    List<CaptureInput> inputs = new ArrayList<>();
    for (String arg : captures) {
      try {
        inputs.addAll(CaptureInput.expand(List.of(arg)));
      } catch (UnreadableCaptureException e) {
        unreadable.add(unreadable(e, messages));
      }
    }
    for (CaptureInput input : inputs) {
      try {
        summaries.add(scan(input, messages));
      } catch (UnreadableCaptureException e) {
        unreadable.add(unreadable(e, messages));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("inputs", summaries);
      doc.put("unreadable", unreadable);
      OutputFormat.writeJson(out, doc);
    } else {
      InfoText.render(summaries, messages, out);
    }
    out.flush();
    for (InputSummary.Unreadable u : unreadable) {
      err.println("voipdoc: " + u.message());
    }
    return unreadable.isEmpty() ? ExitCode.OK : ExitCode.UNREADABLE_INPUT;
  }

  /** Reads one input in a single pass through the capture and decode stages. */
  static InputSummary scan(CaptureInput input, Messages messages)
      throws UnreadableCaptureException, IOException {
    AnomalyLog anomalies = new AnomalyLog();
    long packets = 0;
    long bytes = 0;
    long truncated = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    List<String> linkTypes = new ArrayList<>();
    String format;
    Dissector dissector = new Dissector(new MessageListener() {}, anomalies);
    PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, dissector, anomalies);
    try (CaptureReader reader = Captures.open(input, anomalies)) {
      format = reader.format().id();
      Frame frame = new Frame();
      while (reader.next(frame)) {
        packets++;
        bytes += frame.capturedLength;
        if (frame.truncated()) {
          truncated++;
        }
        first = Math.min(first, frame.timestampNanos);
        last = Math.max(last, frame.timestampNanos);
        decoder.decode(frame);
      }
      decoder.finish();
      for (int type : reader.linkTypes()) {
        String name = LinkType.name(type);
        if (!linkTypes.contains(name)) {
          linkTypes.add(name);
        }
      }
    }
    List<InputSummary.AnomalyView> examples = new ArrayList<>();
    for (Anomaly a : anomalies.examples()) {
      examples.add(
          new InputSummary.AnomalyView(
              a.id(), a.frame(), a.offset(), a.detail(), describe(a, messages)));
    }
    Map<String, Long> counts = new LinkedHashMap<>(decoder.stats().counts());
    counts.putAll(dissector.counts());
    boolean any = packets > 0;
    return new InputSummary(
        input.name(),
        format,
        linkTypes,
        packets,
        bytes,
        truncated,
        any ? time(first) : null,
        any ? time(last) : null,
        any ? (last - first) / 1e9 : 0,
        counts,
        anomalies.counts(),
        examples);
  }

  private static String time(long nanos) {
    return new FrameRef("", 0, nanos, 0).instant().toString();
  }

  static String describe(Anomaly a, Messages messages) {
    String key = "anomaly." + a.id();
    return messages.has(key)
        ? messages.text(key, a.detail())
        : messages.text("anomaly.other", a.id(), a.detail());
  }

  static InputSummary.Unreadable unreadable(UnreadableCaptureException e, Messages messages) {
    String key = "error." + e.reason().name().toLowerCase(java.util.Locale.ROOT);
    return new InputSummary.Unreadable(
        e.input(), e.reason().name(), messages.text(key, e.input(), e.detail()));
  }
}
