package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Severity;
import java.io.IOException;
import java.io.PrintWriter;
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

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format = OutputFormat.text;

  @Mixin LanguageOption language = new LanguageOption();

  @Option(names = "--call", paramLabel = "ID", description = "only findings about this call (Call-ID of any leg, or its number in 'voipdoc calls')")
  @Nullable String call;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "exit with 1 when a finding is at least this severe: error or warning")
  @Nullable FailOn failOn;

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    IncidentCorrelator correlator = new IncidentCorrelator();
    Pipeline.Result result = Pipeline.run(captures, correlator, messages);
    Incident incident = correlator.finish();
    List<Finding> findings = new ArrayList<>();
    for (Finding f : Diagnoser.diagnose(incident)) {
      if (call == null || about(f, incident, call)) {
        findings.add(f);
      }
    }
    FindingText text = new FindingText(messages.locale());
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      json(incident, findings, result, text, messages, out);
    } else {
      AnalyzeText.render(incident, findings, result, text, messages, out);
    }
    out.flush();
    int code = CallsCommand.finish(result, spec.commandLine().getErr());
    if (code != ExitCode.OK) {
      return code;
    }
    Severity threshold = failOn == null ? null : failOn == FailOn.error ? Severity.ERROR : Severity.WARNING;
    boolean failed = threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    return failed ? ExitCode.FINDINGS : ExitCode.OK;
  }

  private static boolean about(Finding f, Incident incident, String id) {
    if (f.callIds().contains(id)) {
      return true;
    }
    for (Call c : incident.calls()) {
      if (String.valueOf(c.index()).equals(id) && f.callIds().equals(c.callIds())) {
        return true;
      }
    }
    return false;
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
      Messages messages,
      PrintWriter out)
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
      row.put("callIds", f.callIds());
      List<Map<String, Object>> evidence = new ArrayList<>();
      for (Evidence e : f.evidence()) {
        Map<String, Object> ev = new LinkedHashMap<>();
        FrameRef frame = e.frame();
        ev.put("input", frame == null ? null : frame.input());
        ev.put("frame", frame == null ? null : frame.number());
        ev.put("time", frame == null ? null : frame.instant().toString());
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
    Map<String, Object> damage = new LinkedHashMap<>();
    for (Pipeline.InputAnomalies a : result.anomalies()) {
      damage.put(a.input(), a.log().counts());
    }
    doc.put("anomalies", damage);
    doc.put("capturePoints", CapturePointsSection.json(incident.capturePoints()));
    doc.put("unreadable", result.unreadable());
    OutputFormat.writeJson(out, doc);
  }
}
