package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * A c= line (RFC 8866 §5.7): {@code c=<nettype> <addrtype> <connection-address>}, where an IPv4
 * multicast address carries {@code /<ttl>[/<number of addresses>]} and an IPv6 multicast address
 * {@code [/<number of addresses>]}.
 *
 * @param netType {@code IN}
 * @param addrType {@code IP4} or {@code IP6}
 * @param address the address without the multicast suffix
 * @param ttl multicast TTL (IPv4 multicast), or -1
 * @param count number of multicast addresses, 1 when not given
 */
public record Connection(String netType, String addrType, String address, int ttl, int count) {

  /** Whether the address is 0.0.0.0 or ::, the RFC 3264 §8.4 way of putting a stream on hold. */
  public boolean isUnspecified() {
    return address.equals("0.0.0.0") || address.equals("::");
  }

  static @Nullable Connection parse(String v) {
    String[] f = Fields.split(v);
    if (f.length != 3 || f[2].isEmpty()) {
      return null;
    }
    String[] a = f[2].split("/", -1);
    if (a.length > 3 || a[0].isEmpty()) {
      return null;
    }
    int ttl = -1;
    int count = 1;
    boolean ip4 = f[1].equalsIgnoreCase("IP4");
    if (a.length >= 2) {
      // IPv4: addr/ttl[/count]; IPv6: addr/count (RFC 8866 §5.7)
      long first = Fields.decimal(a[1], 255);
      if (first < 0) {
        return null;
      }
      if (ip4) {
        ttl = (int) first;
      } else {
        count = (int) first;
      }
      if (a.length == 3) {
        long c = Fields.decimal(a[2], 65535);
        if (c < 0 || !ip4) {
          return null;
        }
        count = (int) c;
      }
    }
    return new Connection(f[0], f[1], a[0], ttl, count);
  }
}
