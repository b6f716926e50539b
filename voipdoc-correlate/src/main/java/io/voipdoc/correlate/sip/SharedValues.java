package io.voipdoc.correlate.sip;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.Packet;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One instance for each of equal values that many kept messages repeat: endpoints, method, status
 * lines, User-Agent, Via sent-by, Contact. A finished call is kept with all its messages for the
 * rules, so without this every message holds its own copies. Values that are new in nearly every
 * message (request lines, branches, SDP summaries) are not looked up, and a leg's messages take
 * its Call-ID from the leg: either would only push the repeated values out.
 *
 * <p>The table is direct-mapped: each value hashes to one of {@link #SLOTS} slots, which holds the
 * value seen last there. That keeps it small enough to stay in the processor's cache and bounded
 * by construction; two values that often meet in one slot are shared a little less.
 *
 * <p>Endpoints are looked up by the packet's address bytes first, in a smaller table of the same
 * kind: most messages come from a few addresses, and this spares building an address and its hash
 * for each.
 */
final class SharedValues {
  /** Slots of the value table. */
  static final int SLOTS = 1 << 12;

  private final Object[] values = new Object[SLOTS];

  /** The instance equal to {@code value} seen last in its slot, or {@code value} itself. */
  @SuppressWarnings("unchecked")
  <T> @Nullable T share(@Nullable T value) {
    if (value == null) {
      return null;
    }
    int h = value.hashCode();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    Object seen = values[slot];
    if (seen != null && seen.equals(value)) {
      return (T) seen;
    }
    values[slot] = value;
    return value;
  }

  private static final int RECENT_ENDPOINTS = 256;

  private final Endpoint[] recent = new Endpoint[RECENT_ENDPOINTS];
  private final byte[][] recentBytes = new byte[RECENT_ENDPOINTS][];

  /** The packet's sender, shared. */
  Endpoint source(Packet p) {
    return endpoint(p, p.src, p.srcPort, true);
  }

  /** The packet's receiver, shared. */
  Endpoint destination(Packet p) {
    return endpoint(p, p.dst, p.dstPort, false);
  }

  private Endpoint endpoint(Packet p, byte[] address, int port, boolean source) {
    int n = p.addressLength;
    int h = port * 31 + p.protocol;
    for (int i = 0; i < n; i++) {
      h = h * 31 + address[i];
    }
    int slot = (h ^ (h >>> 16)) & (RECENT_ENDPOINTS - 1);
    Endpoint e = recent[slot];
    byte[] b = recentBytes[slot];
    if (e != null && e.port() == port && b.length == n && Arrays.equals(b, 0, n, address, 0, n)
        && e.transport().equals(p.protocol == 6 ? "TCP" : "UDP")) {
      return e;
    }
    e = share(source ? Endpoint.source(p) : Endpoint.destination(p));
    recent[slot] = e;
    recentBytes[slot] = Arrays.copyOf(address, n);
    return e;
  }
}
