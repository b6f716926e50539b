package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.log.LogLine;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.cli.html.HtmlReport;
import io.voipdoc.cli.html.SipTexts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voipdoc analyze CAPTURE...}: the main job. Reads the captures, rebuilds calls,
 * registrations, media and connections, applies every diagnosis rule, and reports each cause with
 * its evidence and what to change.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Finds out why calls fail: named causes with the frames that prove them and advice.")
final class AnalyzeCommand implements Callable<Integer> {


  /** Severities {@code --fail-on} accepts. */
  enum FailOn {
    error,
    warning
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "CAPTURE", description = "captures, directories, or -")
  List<String> captures = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  OutputFormat format = OutputFormat.text;

  @Mixin LanguageOption language = new LanguageOption();

  @Option(names = "--call", paramLabel = "ID", description = "only findings about this call (Call-ID of any leg, or its number in 'voipdoc calls')")
  @Nullable String call;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "exit with 1 when a finding is at least this severe: error or warning")
  @Nullable FailOn failOn;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of standard output")
  @Nullable Path output;

  @Option(names = "--show-secrets", description = "show digest credentials (Authorization headers) instead of masking them")
  boolean showSecrets;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "colours in the text report: auto (on a terminal, unless NO_COLOR is set), always or never (default: ${DEFAULT-VALUE})")
  Style.Mode color = Style.Mode.auto;

  @Option(names = {"-q", "--quiet"}, description = "no progress bar on stderr")
  boolean quiet;

  @Option(names = "--log", paramLabel = "FILE", description = "a log of the call controller, SBC or proxy to put on the captures' timeline (repeatable)")
  List<Path> logs = new ArrayList<>();

  @Option(names = "--log-offset", paramLabel = "[FILE=]OFFSET", description = "the log clock's offset to the captures, e.g. +2.5s, -1h or kamailio.log=-300ms (default: estimated)")
  List<String> logOffsets = new ArrayList<>();

  @Option(names = "--acl", paramLabel = "FILE", description = "the controller's access list (docs/acl.md), to name the entry that blocks an address")
  @Nullable Path acl;

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    Map<String, Long> offsets;
    Acl accessList;
    try {
      offsets = PolicyInputs.offsets(logOffsets);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), messages.text("log.bad_offset", e.getMessage()));
    }
    try {
      accessList = PolicyInputs.acl(acl);
    } catch (AclException e) {
      spec.commandLine().getErr().println("voipdoc: " + PolicyInputs.message(e, messages));
      return ExitCode.UNREADABLE_INPUT;
    }
    IncidentCorrelator correlator = new IncidentCorrelator();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = quiet || !Style.isTerminal(2) ? Progress.NONE : new Progress(err, messages);
    // the HTML report shows every SIP message in full, so their texts are kept on the way
    SipTexts texts = new SipTexts(correlator);
    Pipeline.Result result =
        Pipeline.run(captures, format == OutputFormat.html ? texts : correlator, messages, progress);
    Incident incident = correlator.finish();
    PolicyInputs.Read policy = PolicyInputs.read(logs, offsets, accessList, incident, messages);
    List<Finding> findings = new ArrayList<>();
    Call numbered = call == null ? null : numbered(incident, call);
    for (Finding f : Diagnoser.diagnose(incident, policy.context())) {
      if (call == null || about(f, call, numbered)) {
        findings.add(f);
      }
    }
    FindingText text = new FindingText(messages.locale());
    try (PrintWriter out = output == null ? null : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
      PrintWriter to = out == null ? spec.commandLine().getOut() : out;
      if (format == OutputFormat.json) {
        json(incident, findings, result, text, to, policy.context().logs());
      } else if (format == OutputFormat.html) {
        new HtmlReport(messages, text, texts, new Secrets(showSecrets)).write(html(incident, findings, result), to);
      } else {
        AnalyzeReport report =
            AnalyzeReport.of(
                incident, findings, result, c -> call == null || selects(c, call), text, messages);
        if (format == OutputFormat.md) {
          AnalyzeMarkdown.render(report, to);
        } else {
          // a report written to a file gets colours only when asked for
          Style style =
              out == null
                  ? Style.forStandardOutput(color, System.getenv())
                  : color == Style.Mode.always ? Style.forStandardOutput(color, System.getenv()) : Style.PLAIN;
          AnalyzeText.render(report, style, to);
          PolicyInputs.text(policy.context().logs(), messages, to);
        }
      }
      to.flush();
      if (to.checkError()) {
        throw new IOException(messages.text("analyze.output_failed"));
      }
    } catch (IOException e) {
      String reason =
          e instanceof NoSuchFileException
              ? messages.text("analyze.output_no_folder")
              : e instanceof AccessDeniedException ? messages.text("analyze.output_denied") : e.getMessage();
      err.println("voipdoc: " + messages.text("analyze.output_error", String.valueOf(output), reason));
      return ExitCode.USAGE;
    }
    for (String u : policy.unreadable()) {
      err.println("voipdoc: " + u);
    }
    int code = CallsCommand.finish(result, spec.commandLine().getErr());
    if (code == ExitCode.OK && !policy.unreadable().isEmpty()) {
      code = ExitCode.UNREADABLE_INPUT;
    }
    if (code != ExitCode.OK) {
      return code;
    }
    Severity threshold = failOn == null ? null : failOn == FailOn.error ? Severity.ERROR : Severity.WARNING;
    boolean failed = threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    return failed ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static HtmlReport.Input html(Incident incident, List<Finding> findings, Pipeline.Result result) {
    List<String> inputs = new ArrayList<>();
    Map<String, Long> damage = new LinkedHashMap<>();
    for (Pipeline.InputAnomalies a : result.anomalies()) {
      inputs.add(a.input());
      damage.put(a.input(), a.log().total());
    }
    List<String> unreadable = new ArrayList<>();
    for (InputSummary.Unreadable u : result.unreadable()) {
      unreadable.add(u.message());
    }
    return new HtmlReport.Input(incident, findings, inputs, damage, unreadable);
  }

  /** Whether {@code --call ID} names call {@code c}: one of its Call-IDs, or its number. */
  private static boolean selects(Call c, String id) {
    return c.callIds().contains(id) || String.valueOf(c.index()).equals(id);
  }

  /** Whether finding {@code f} is about the call {@code --call ID} names. */
  private static boolean about(Finding f, String id, @Nullable Call numbered) {
    return f.callIds().contains(id) || (numbered != null && f.callIds().equals(numbered.callIds()));
  }

  /** The call whose number is {@code id}, or null: looked up once, not for every finding. */
  private static @Nullable Call numbered(Incident incident, String id) {
    for (Call c : incident.calls()) {
      if (String.valueOf(c.index()).equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** Calls that did not end as answered calls. */
  static long failedCalls(Incident incident) {
    return incident.calls().stream().filter(c -> c.state() != CallState.ANSWERED).count();
  }

  private static void json(
      Incident incident,
      List<Finding> findings,
      Pipeline.Result result,
      FindingText text,
      PrintWriter out,
      LogTimeline logs)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("inputs", result.anomalies().size());
    summary.put("calls", incident.calls().size());
    summary.put("failedCalls", failedCalls(incident));
    summary.put("registrations", incident.registrations().size());
    summary.put("rtpStreams", incident.streams().size());
    Map<String, Long> bySeverity = new LinkedHashMap<>();
    for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.INFO}) {
      bySeverity.put(s.name().toLowerCase(java.util.Locale.ROOT), findings.stream().filter(f -> f.severity() == s).count());
    }
    summary.put("findings", bySeverity);
    doc.put("summary", summary);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", f.id());
      row.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
      row.put("title", text.title(f));
      row.put("subject", f.subject());
      row.put("callId", f.callIds().isEmpty() ? null : f.callIds().get(0));
      row.put("callIds", f.callIds());
      List<Map<String, Object>> evidence = new ArrayList<>();
      for (Evidence e : f.evidence()) {
        Map<String, Object> ev = new LinkedHashMap<>();
        FrameRef frame = e.frame();
        LogLine line = e.line();
        ev.put("input", frame == null ? null : frame.input());
        ev.put("frame", frame == null ? null : frame.number());
        ev.put("log", line == null ? null : line.file());
        ev.put("line", line == null ? null : line.number());
        ev.put("time", frame != null ? frame.instant().toString()
            : line != null && line.time() != null ? line.time().toString() : null);
        ev.put("text", text.evidence(f, e));
        ev.put("filter", e.displayFilter());
        evidence.add(ev);
      }
      row.put("evidence", evidence);
      List<String> advice = new ArrayList<>();
      for (Advice a : f.advice()) {
        advice.add(text.advice(f, a));
      }
      row.put("advice", advice);
      rows.add(row);
    }
    doc.put("findings", rows);
    doc.put("calls", CallsCommand.json(incident.calls()));
    List<Map<String, Object>> streams = new ArrayList<>();
    for (RtpStream s : incident.streams()) {
      streams.add(StreamsCommand.json(s));
    }
    doc.put("streams", streams);
    Map<String, Object> damage = new LinkedHashMap<>();
    for (Pipeline.InputAnomalies a : result.anomalies()) {
      damage.put(a.input(), a.log().counts());
    }
    doc.put("anomalies", damage);
    doc.put("capturePoints", CapturePointsSection.json(incident.capturePoints()));
    doc.put("unreadable", result.unreadable());
    doc.put("logs", PolicyInputs.json(logs));
    OutputFormat.writeJson(out, doc);
  }
}
