package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.diagnose.Incidents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The captures a lab scenario's expected.yaml lists, so that tests read them as voipdoc analyze does. */
public final class LabCaptures {
  /** Scenarios of healthy calls and registrations: no rule may raise a warning or error on them. */
  public static final String[] HEALTHY = {
    "register-digest", "direct-call", "nat-call-stun", "ice-call", "turn-relay-call",
    "blind-transfer", "hold-resume", "tls-call", "many-calls"
  };

  private static final Pattern CAPTURES = Pattern.compile("(?m)^captures:\\s*\\[([^]]*)]");

  private LabCaptures() {}

  /** {@link #HEALTHY} as a source of parameterized tests. */
  public static String[] healthy() {
    return HEALTHY.clone();
  }

  /** Every capture of the scenario, in the order expected.yaml lists them. */
  public static Path[] of(String scenario) {
    Path yaml = Incidents.lab(scenario, "expected.yaml");
    try {
      Matcher m = CAPTURES.matcher(Files.readString(yaml, StandardCharsets.UTF_8));
      if (!m.find()) {
        throw new IllegalStateException("no captures line in " + yaml);
      }
      return Arrays.stream(m.group(1).split(","))
          .map(String::trim)
          .map(name -> Incidents.lab(scenario, name))
          .toArray(Path[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
