package io.voipdoc.diagnose;

import io.voipdoc.correlate.incident.Incident;

/**
 * One failure pattern. Implementations are small, stateless, annotated with {@link RuleSpec},
 * listed in {@link Rules#ALL}, and read only correlated facts.
 *
 * <p>Most rules need only the captures and implement {@link #judge(Incident, Findings)}. A rule
 * that also reads logs or the user's access list overrides
 * {@link #judge(Incident, DiagnosisContext, Findings)} as well; {@link Diagnoser} always calls
 * that one, and its default hands over to the capture-only method.
 */
public interface Rule {
  /** Adds a finding to {@code out} for each place in the incident where the pattern shows. */
  void judge(Incident incident, Findings out);

  /**
   * Like {@link #judge(Incident, Findings)}, with the logs placed on the captures' timeline and
   * the access list, when the user gave them. The default ignores them.
   */
  default void judge(Incident incident, DiagnosisContext context, Findings out) {
    judge(incident, out);
  }

  /** The rule's identity from its {@link RuleSpec}. */
  default RuleSpec spec() {
    RuleSpec spec = getClass().getAnnotation(RuleSpec.class);
    if (spec == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleSpec");
    }
    return spec;
  }
}
