package io.voipdoc.diagnose;

import java.util.List;

/**
 * One step an admin can take, in order of the finding's advice list.
 *
 * @param key text key below {@code <ID>.advice.}
 * @param values the values for the text, as in {@link Evidence#values()}
 */
public record Advice(String key, List<Object> values) {
  /** The values as raw text, as in {@link Evidence#args()}. */
  public List<String> args() {
    return Evidence.raw(values);
  }
}
