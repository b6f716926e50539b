package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * The rtcp attribute (RFC 3605 §2.1): {@code a=rtcp:<port> [<nettype> <addrtype>
 * <connection-address>]}.
 *
 * @param port RTCP port
 * @param address RTCP address, or null when the media's connection address applies
 */
public record Rtcp(int port, @Nullable String address) {

  static @Nullable Rtcp parse(String v) {
    String[] f = Fields.words(v.strip());
    long port = Fields.decimal(f[0], 65535);
    if (port < 0 || (f.length != 1 && f.length != 4)) {
      return null;
    }
    return new Rtcp((int) port, f.length == 4 ? f[3] : null);
  }
}
