package io.voipdoc.diagnose;

import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.diagnose.acl.Acl;
import org.jspecify.annotations.Nullable;

/**
 * What the user gives besides the captures: logs placed on the captures' timeline, and the call
 * controller's access list. Rules that use them override
 * {@link Rule#judge(io.voipdoc.correlate.incident.Incident, DiagnosisContext, Findings)}.
 *
 * @param logs the logs' events, {@link LogTimeline#EMPTY} without logs
 * @param acl the access list, or null when none was given
 */
public record DiagnosisContext(LogTimeline logs, @Nullable Acl acl) {
  /** Captures only. */
  public static final DiagnosisContext NONE = new DiagnosisContext(LogTimeline.EMPTY, null);
}
