package io.voipdoc.diagnose;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.log.LogLine;
import io.voipdoc.correlate.sip.Call;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where rules put their findings; built with {@link #add(Rule, String)}. */
public final class Findings {
  private final List<Finding> findings = new ArrayList<>();

  /** Starts a finding of {@code rule} about {@code subject} (raw identifiers). */
  public Builder add(Rule rule, String subject) {
    return new Builder(rule, subject);
  }

  /** Starts a finding about a call. */
  public Builder add(Rule rule, Call call) {
    return new Builder(rule, "call " + call.index()).callIds(call.callIds());
  }

  /** What was found so far, in the order added. */
  public List<Finding> all() {
    return List.copyOf(findings);
  }

  /** Collects the parts of one finding; {@link #done()} adds it. */
  public final class Builder {
    private final Rule rule;
    private final String subject;
    private final List<String> callIds = new ArrayList<>();
    private final List<Object> titleValues = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Advice> advice = new ArrayList<>();
    private @Nullable Severity severity;
    private @Nullable String titleVariant;

    private Builder(Rule rule, String subject) {
      this.rule = rule;
      this.subject = subject;
    }

    public Builder callIds(List<String> ids) {
      callIds.addAll(ids);
      return this;
    }

    /**
     * Raises (or lowers) this finding's severity from the rule's usual one, for a case the
     * captures prove worse (or less sure) than usual.
     */
    public Builder severity(Severity override) {
      severity = override;
      return this;
    }

    /** Uses the rule's title {@code <ID>.title.<variant>}, e.g. for many calls instead of one. */
    public Builder titleVariant(String variant) {
      titleVariant = variant;
      return this;
    }

    /** Raw values for the title text. */
    public Builder title(Object... args) {
      titleValues.addAll(values(args));
      return this;
    }

    /** An observation at a frame (or none, for an absence), with its display filter. */
    public Builder evidence(@Nullable FrameRef frame, String key, String displayFilter, Object... args) {
      evidence.add(new Evidence(frame, key, values(args), displayFilter));
      return this;
    }

    /** An observation in a log or access-list file: the line and what it shows. */
    public Builder lineEvidence(LogLine line, String key, Object... args) {
      evidence.add(new Evidence(null, key, values(args), "", line));
      return this;
    }

    /** A step to take. */
    public Builder advice(String key, Object... args) {
      advice.add(new Advice(key, values(args)));
      return this;
    }

    /** Adds the finding. */
    public void done() {
      RuleSpec spec = rule.spec();
      findings.add(
          new Finding(
              spec.id(),
              severity == null ? spec.severity() : severity,
              rule.getClass().getPackageName() + ".Messages",
              subject,
              List.copyOf(callIds),
              List.copyOf(titleValues),
              List.copyOf(evidence),
              List.copyOf(advice),
              titleVariant));
    }

    /** Terms and decimal numbers as they are, for {@link FindingText} to show per language. */
    private List<Object> values(Object[] args) {
      return Arrays.stream(args)
          .map(a -> a instanceof Term || a instanceof Double ? a : String.valueOf(a))
          .toList();
    }
  }
}
