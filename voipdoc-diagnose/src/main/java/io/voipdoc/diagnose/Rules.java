package io.voipdoc.diagnose;

import java.util.List;

/** The registry of rules, in report order: one line per rule, no classpath scanning. */
public final class Rules {
  /** Every rule voipdoc applies. */
  public static final List<Rule> ALL = List.of();

  private Rules() {}
}
