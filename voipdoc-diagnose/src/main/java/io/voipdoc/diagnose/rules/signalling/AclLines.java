package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.log.LogLine;
import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclEntry;
import java.nio.file.Path;

/** Access-list entries as evidence lines, so that a finding can point at the line to change. */
final class AclLines {
  private AclLines() {}

  /** The file line of {@code entry}. */
  static LogLine of(Acl acl, AclEntry entry) {
    return new LogLine(acl.file(), entry.line(), null, entry.text());
  }

  /** The list's name for texts: its {@code name} line, or the file name. */
  static String name(Acl acl) {
    return acl.name().isEmpty() ? Path.of(acl.file()).getFileName().toString() : acl.name();
  }
}
