package io.voipdoc.correlate.media;

import io.voipdoc.decode.Packet;

/**
 * A 5-tuple plus SSRC as a hash key without objects per packet: a reusable probe is filled from
 * the packet for look-ups, and copied only when a new entry is stored.
 */
final class FlowKey {
  private long srcHi;
  private long srcLo;
  private long dstHi;
  private long dstLo;
  private int ports;
  private long ssrc;

  /** Fills this probe from the packet's addresses and ports. */
  FlowKey set(Packet p, long ssrc) {
    srcHi = word(p.src, 0, p.addressLength);
    srcLo = word(p.src, 8, p.addressLength);
    dstHi = word(p.dst, 0, p.addressLength);
    dstLo = word(p.dst, 8, p.addressLength);
    ports = p.srcPort << 16 | p.dstPort;
    this.ssrc = ssrc;
    return this;
  }

  /** Fills this probe with source and destination swapped. */
  FlowKey setReversed(Packet p, long ssrc) {
    set(p, ssrc);
    long h = srcHi;
    long l = srcLo;
    srcHi = dstHi;
    srcLo = dstLo;
    dstHi = h;
    dstLo = l;
    ports = p.dstPort << 16 | p.srcPort;
    return this;
  }

  private static long word(byte[] a, int from, int length) {
    long v = 0;
    for (int i = from; i < from + 8; i++) {
      v = v << 8 | (i < length ? a[i] & 0xFF : 0);
    }
    // IPv4 and IPv6 keys never collide: an IPv4 key has bit 0 of the low word set
    return from == 8 && length == 4 ? v | 1 : v;
  }

  FlowKey copy() {
    FlowKey k = new FlowKey();
    k.srcHi = srcHi;
    k.srcLo = srcLo;
    k.dstHi = dstHi;
    k.dstLo = dstLo;
    k.ports = ports;
    k.ssrc = ssrc;
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k
        && srcHi == k.srcHi
        && srcLo == k.srcLo
        && dstHi == k.dstHi
        && dstLo == k.dstLo
        && ports == k.ports
        && ssrc == k.ssrc;
  }

  @Override
  public int hashCode() {
    long h = srcHi * 31 + srcLo;
    h = h * 31 + dstHi;
    h = h * 31 + dstLo;
    h = h * 31 + ports;
    h = h * 31 + ssrc;
    return Long.hashCode(h);
  }
}
