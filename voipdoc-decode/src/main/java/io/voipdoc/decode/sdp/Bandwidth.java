package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * A b= line (RFC 8866 §5.8): {@code b=<bwtype>:<bandwidth>}, e.g. {@code AS} or {@code TIAS}.
 *
 * @param type the bandwidth type as written
 * @param value the value (kbit/s for CT and AS, bit/s for TIAS)
 */
public record Bandwidth(String type, long value) {

  static @Nullable Bandwidth parse(String v) {
    int colon = v.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    long n = Fields.decimal(v.substring(colon + 1), Long.MAX_VALUE);
    return n < 0 ? null : new Bandwidth(v.substring(0, colon), n);
  }
}
