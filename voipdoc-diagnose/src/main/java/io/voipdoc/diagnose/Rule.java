package io.voipdoc.diagnose;

import io.voipdoc.correlate.incident.Incident;

/**
 * One failure pattern. Implementations are small, stateless, annotated with {@link RuleSpec},
 * listed in {@link Rules#ALL}, and read only correlated facts.
 */
public interface Rule {
  /** Adds a finding to {@code out} for each place in the incident where the pattern shows. */
  void judge(Incident incident, Findings out);

  /** The rule's identity from its {@link RuleSpec}. */
  default RuleSpec spec() {
    RuleSpec spec = getClass().getAnnotation(RuleSpec.class);
    if (spec == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleSpec");
    }
    return spec;
  }
}
