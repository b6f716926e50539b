package io.voipdoc.diagnose;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's identity: the finding ID from the failure catalogue (the rule's class name is its
 * CamelCase form, so a search finds both) and the severity of its findings.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleSpec {
  /** The finding ID, e.g. {@code CALL_DROPS_AFTER_32S}. */
  String id();

  /** Severity of the findings this rule makes. */
  Severity severity();
}
