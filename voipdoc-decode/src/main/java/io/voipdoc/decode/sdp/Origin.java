package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * The o= line (RFC 8866 §5.2): {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype>
 * <unicast-address>}. Session ID and version are kept as text: they are often larger than a long.
 */
public record Origin(
    String username,
    String sessionId,
    String sessionVersion,
    String netType,
    String addrType,
    String address) {

  static @Nullable Origin parse(String v) {
    String[] f = Fields.split(v);
    return f.length == 6 ? new Origin(f[0], f[1], f[2], f[3], f[4], f[5]) : null;
  }
}
