package io.voipdoc.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects anomalies with bounded memory: every occurrence is counted by ID, but only the first
 * {@link #examplesPerId} of each ID are kept with their details. A capture with a million damaged
 * packets therefore costs a counter, not a million records.
 */
public final class AnomalyLog {
  /** Default number of examples kept per anomaly ID. */
  public static final int DEFAULT_EXAMPLES_PER_ID = 20;

  private final int examplesPerId;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final List<Anomaly> examples = new ArrayList<>();
  private final Map<String, Integer> kept = new LinkedHashMap<>();

  public AnomalyLog() {
    this(DEFAULT_EXAMPLES_PER_ID);
  }

  public AnomalyLog(int examplesPerId) {
    this.examplesPerId = examplesPerId;
  }

  /** Records one occurrence. */
  public void report(Anomaly anomaly) {
    counts.merge(anomaly.id(), 1L, Long::sum);
    int n = kept.getOrDefault(anomaly.id(), 0);
    if (n < examplesPerId) {
      kept.put(anomaly.id(), n + 1);
      examples.add(anomaly);
    }
  }

  /** Records one occurrence. */
  public void report(String id, String input, long frame, long offset, String detail) {
    report(new Anomaly(id, input, frame, offset, detail));
  }

  /** Occurrences per ID, in order of first occurrence. */
  public Map<String, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  /** The kept examples, in order of occurrence. */
  public List<Anomaly> examples() {
    return Collections.unmodifiableList(examples);
  }

  /** Total occurrences of all IDs. */
  public long total() {
    long t = 0;
    for (long c : counts.values()) {
      t += c;
    }
    return t;
  }
}
