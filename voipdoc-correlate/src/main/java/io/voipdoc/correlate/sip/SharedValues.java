package io.voipdoc.correlate.sip;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One instance for each of equal values that many kept messages repeat: endpoints, Call-ID,
 * method, status lines, User-Agent, Via sent-by, Contact. A finished call is kept with all its
 * messages for the rules, so without this every message holds its own copies. Values that are new
 * in nearly every message (request lines, branches, SDP summaries) are not looked up: that would
 * cost time for little. Bounded: when {@link #MAX_VALUES} are held, the table starts again empty
 * (the values themselves stay with the messages that hold them).
 */
final class SharedValues {
  /** Distinct values held for sharing at most. */
  static final int MAX_VALUES = 1 << 16;

  private final Map<Object, Object> values = new HashMap<>();

  /** The instance equal to {@code value} seen first, or {@code value} itself. */
  @SuppressWarnings("unchecked")
  <T> @Nullable T share(@Nullable T value) {
    if (value == null) {
      return null;
    }
    Object seen = values.get(value);
    if (seen != null) {
      return (T) seen;
    }
    if (values.size() >= MAX_VALUES) {
      values.clear();
    }
    values.put(value, value);
    return value;
  }
}
