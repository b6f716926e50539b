package io.voipdoc.cli;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogLine;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Severity;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the people-facing reports of {@code voipdoc analyze} (text and Markdown) show, in the order
 * they show it: the summary figures, the findings grouped by the call they are about (worst
 * group first, each group worst finding first), and the failing calls whose message flow is
 * worth drawing.
 *
 * @param incident what the captures contain
 * @param findings the findings reported, most severe first
 * @param result what reading the inputs found
 * @param groups the findings by call; a group without call holds those about no single call
 * @param failing calls to draw: not answered, or with an error or warning, in call order
 * @param text the texts of the findings
 * @param messages the texts of the command line
 */
record AnalyzeReport(
    Incident incident,
    List<Finding> findings,
    Pipeline.Result result,
    List<Group> groups,
    List<Call> failing,
    FindingText text,
    Messages messages) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  /** Longest capture value (Call-ID, number) shown in a heading; the JSON has them in full. */
  static final int HEADING_VALUE = 80;

  /**
   * Findings about one call, or about no single call.
   *
   * @param call the call, or null
   * @param findings most severe first, then in capture order
   */
  record Group(@Nullable Call call, List<Finding> findings) {
    Severity worst() {
      return findings.get(0).severity();
    }
  }

  /** Groups {@code findings}; {@code selected} says which calls the report is about. */
  static AnalyzeReport of(
      Incident incident,
      List<Finding> findings,
      Pipeline.Result result,
      Predicate<Call> selected,
      FindingText text,
      Messages messages) {
    Map<Call, List<Finding>> byCall = new LinkedHashMap<>();
    List<Finding> other = new ArrayList<>();
    Map<String, Integer> positions = positions(incident);
    for (Finding f : findings) {
      Call c = callOf(f, incident, positions);
      if (c == null) {
        other.add(f);
      } else {
        byCall.computeIfAbsent(c, k -> new ArrayList<>()).add(f);
      }
    }
    List<Group> groups = new ArrayList<>();
    byCall.forEach((c, fs) -> groups.add(new Group(c, fs)));
    groups.sort(
        Comparator.comparing(Group::worst)
            .reversed()
            .thenComparingInt(g -> g.call() == null ? Integer.MAX_VALUE : g.call().index()));
    if (!other.isEmpty()) {
      Group g = new Group(null, other);
      int at = 0;
      while (at < groups.size() && groups.get(at).worst().atLeast(g.worst())) {
        at++;
      }
      groups.add(at, g);
    }
    List<Call> failing = new ArrayList<>();
    for (Call c : incident.calls()) {
      boolean bad =
          c.state() != CallState.ANSWERED
              || byCall.getOrDefault(c, List.of()).stream()
                  .anyMatch(f -> f.severity().atLeast(Severity.WARNING));
      if (bad && selected.test(c)) {
        failing.add(c);
      }
    }
    failing.sort(Comparator.comparingInt(Call::index));
    return new AnalyzeReport(
        incident,
        findings,
        result,
        Collections.unmodifiableList(groups),
        List.copyOf(failing),
        text,
        messages);
  }

  /**
   * The call a finding is about: the first whose Call-IDs it names, or null. {@code positions} maps
   * each Call-ID to the position of the first call with it: a look-up per finding, not a search
   * through every call, which made the report quadratic in the number of calls.
   */
  private static @Nullable Call callOf(Finding f, Incident incident, Map<String, Integer> positions) {
    int first = Integer.MAX_VALUE;
    for (String id : f.callIds()) {
      Integer at = positions.get(id);
      if (at != null && at < first) {
        first = at;
      }
    }
    return first == Integer.MAX_VALUE ? null : incident.calls().get(first);
  }

  private static Map<String, Integer> positions(Incident incident) {
    Map<String, Integer> positions = new HashMap<>();
    List<Call> calls = incident.calls();
    for (int i = 0; i < calls.size(); i++) {
      for (CallLeg l : calls.get(i).legs()) {
        positions.putIfAbsent(l.callId(), i);
      }
    }
    return positions;
  }

  /** Findings of {@code severity}. */
  long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** The localised severity word (ERROR, WARNING, NOTE). */
  String severity(Severity s) {
    return messages.text("analyze.severity." + s.name().toLowerCase(Locale.ROOT));
  }

  /** "Call 1: bob → alice, answered (200)", its capture values escaped by {@code escape}. */
  String callHeading(Call c, java.util.function.UnaryOperator<String> escape) {
    String state = CallsCommand.state(messages, c);
    if (c.finalStatus() >= 0) {
      state = messages.text("analyze.call.status", state, c.finalStatus());
    }
    return messages.text(
        "analyze.call",
        c.index(),
        escape.apply(Escape.shorten(c.from(), HEADING_VALUE)),
        escape.apply(Escape.shorten(c.to(), HEADING_VALUE)),
        state);
  }

  /** The file name of an input, as evidence names it: the directories would only add noise. */
  static String fileName(String input) {
    Path file = Path.of(input).getFileName();
    return file == null ? input : file.toString();
  }

  /**
   * Where a piece of evidence was seen: "pbx.pcapng frame 14 at 11:10:41.489", a log or access-list
   * line as "kamailio.log:12 at 11:10:41.489", or "-".
   */
  String where(Evidence e) {
    LogLine line = e.line();
    if (line != null) {
      String at = fileName(line.file()) + ":" + line.number();
      return line.time() == null ? at : messages.text("analyze.where_line", at, TIME.format(line.time()));
    }
    FrameRef frame = e.frame();
    if (frame == null) {
      return "-";
    }
    return messages.text(
        "analyze.where",
        fileName(frame.input()),
        frame.number(),
        TIME.format(frame.instant()));
  }
}
