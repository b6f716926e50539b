package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogReader;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclParser;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The log and access list a lab scenario keeps beside its captures, as analyze reads them. */
final class LabPolicy {
  private LabPolicy() {}

  /** The context with the scenario's {@code kamailio.log} (when {@code log}) and {@code acl}. */
  static DiagnosisContext of(Incident incident, String scenario, boolean log, @Nullable Acl acl) {
    try {
      LogTimeline logs = LogTimeline.EMPTY;
      if (log) {
        LocalDate day = incident.calls().get(0).start().atZone(ZoneOffset.UTC).toLocalDate();
        logs = LogTimeline.place(List.of(LogReader.read(Incidents.lab(scenario, "kamailio.log"), day)), Map.of(), incident);
      }
      return new DiagnosisContext(logs, acl);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The scenario's {@code acl.txt}. */
  static Acl acl(String scenario) {
    try {
      return AclParser.read(Incidents.lab(scenario, "acl.txt"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Where evidence points: {@code file#frame}, {@code file:line}, or {@code -}. */
  static String at(io.voipdoc.diagnose.Evidence e) {
    return e.line() != null ? Path.of(e.line().file()).getFileName() + ":" + e.line().number() : Incidents.at(e);
  }
}
