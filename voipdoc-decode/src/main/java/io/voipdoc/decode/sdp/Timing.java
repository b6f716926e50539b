package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * A t= line (RFC 8866 §5.9): {@code t=<start-time> <stop-time>} in NTP seconds; {@code 0 0} means
 * a permanent session.
 */
public record Timing(long start, long stop) {

  static @Nullable Timing parse(String v) {
    String[] f = Fields.split(v);
    if (f.length != 2) {
      return null;
    }
    long start = Fields.decimal(f[0], Long.MAX_VALUE);
    long stop = Fields.decimal(f[1], Long.MAX_VALUE);
    return start < 0 || stop < 0 ? null : new Timing(start, stop);
  }
}
