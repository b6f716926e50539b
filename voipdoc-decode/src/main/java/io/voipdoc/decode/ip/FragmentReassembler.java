package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Puts fragmented IPv4 (RFC 791 §3.2, RFC 815) and IPv6 (RFC 8200 §4.5) datagrams back together.
 *
 * <p>The IP decoder hands over each fragment's payload (the bytes after the IPv4 header or after
 * the IPv6 Fragment header) with the fields that identify its datagram. When a fragment fills the
 * last hole, {@link #add} returns the whole payload; otherwise it returns null. Datagrams are
 * keyed by (version, source, destination, identification) and, for IPv4, the protocol.
 *
 * <p>How damage is handled (anomaly IDs in {@link FragmentProblem}):
 *
 * <ul>
 *   <li>Duplicates: a fragment whose bytes are all already held, with the same content, is
 *       dropped silently (RFC 8200 §4.5 allows this for exact duplicates; for IPv4 a fragment
 *       fully covered by earlier ones with the same bytes is harmless too).
 *   <li>Overlaps: IPv4 keeps the data that came first and fills only the holes; IPv6 abandons
 *       the datagram (RFC 5722 §4) and ignores its later fragments until the timeout.
 *   <li>Inconsistent ends: the first fragment without More Fragments fixes the end; data
 *       beyond it is dropped.
 *   <li>Atomic fragments (offset 0 and no More Fragments, RFC 6946 §4) are returned at once and
 *       never mixed with datagrams in flight that share their identification.
 * </ul>
 *
 * <p>Memory is bounded by the {@link Limits}: each datagram stores only the bytes actually
 * received (its buffer grows with them, never from the offset or length fields alone), and at
 * most {@link Limits#maxDatagrams} are in flight, the oldest being evicted when a new one starts.
 * Time is capture time ({@link Frame#timestampNanos}); nothing reads the wall clock.
 *
 * <p>Not thread-safe: one instance per decoding pipeline.
 */
public final class FragmentReassembler {

  /**
   * Limits of one reassembler.
   *
   * <table>
   *   <caption>Limits and defaults</caption>
   *   <tr><th>limit</th><th>default</th><th>why</th></tr>
   *   <tr><td>{@code maxDatagrams}</td><td>{@value #DEFAULT_MAX_DATAGRAMS}</td><td>datagrams in
   *       flight at once; the oldest is evicted beyond this</td></tr>
   *   <tr><td>{@code maxBytesPerDatagram}</td><td>{@value #DEFAULT_MAX_BYTES_PER_DATAGRAM}</td>
   *       <td>largest payload put back together; 65535 is the most an IP length field allows
   *       (jumbograms are never fragmented)</td></tr>
   *   <tr><td>{@code maxFragmentsPerDatagram}</td>
   *       <td>{@value #DEFAULT_MAX_FRAGMENTS_PER_DATAGRAM}</td><td>a 64 KiB datagram over a
   *       576-byte IPv4 path needs 118 fragments; more smells of an attack</td></tr>
   *   <tr><td>{@code timeoutNanos}</td><td>{@value #DEFAULT_TIMEOUT_NANOS} (60 s)</td><td>capture
   *       time from the first fragment after which an incomplete datagram is abandoned (RFC 8200
   *       §4.5 uses 60 s; RFC 791 suggests at least 15 s)</td></tr>
   * </table>
   *
   * <p>Worst-case memory is about {@code maxDatagrams × maxBytesPerDatagram} (16 MiB with the
   * defaults).
   */
  public record Limits(
      int maxDatagrams, int maxBytesPerDatagram, int maxFragmentsPerDatagram, long timeoutNanos) {
    public static final int DEFAULT_MAX_DATAGRAMS = 256;
    public static final int DEFAULT_MAX_BYTES_PER_DATAGRAM = 65_535;
    public static final int DEFAULT_MAX_FRAGMENTS_PER_DATAGRAM = 256;
    public static final long DEFAULT_TIMEOUT_NANOS = 60_000_000_000L;

    /** The defaults of the table above. */
    public static final Limits DEFAULTS =
        new Limits(
            DEFAULT_MAX_DATAGRAMS,
            DEFAULT_MAX_BYTES_PER_DATAGRAM,
            DEFAULT_MAX_FRAGMENTS_PER_DATAGRAM,
            DEFAULT_TIMEOUT_NANOS);

    public Limits {
      if (maxDatagrams < 1
          || maxBytesPerDatagram < 1
          || maxBytesPerDatagram > 65_535
          || maxFragmentsPerDatagram < 1
          || timeoutNanos < 0) {
        throw new IllegalArgumentException(
            "limits out of range: "
                + maxDatagrams
                + ", "
                + maxBytesPerDatagram
                + ", "
                + maxFragmentsPerDatagram
                + ", "
                + timeoutNanos);
      }
    }
  }

  /**
   * A datagram payload put back together.
   *
   * @param data the payload, from index 0; the array is reused by the next call to {@link #add}
   * @param length bytes of {@code data} that belong to the payload
   * @param protocol IPv4 protocol, or for IPv6 the Next Header of the first fragment's Fragment
   *     header
   * @param fragmentCount fragments that contributed (duplicates not counted)
   */
  public record Reassembled(byte[] data, int length, int protocol, int fragmentCount) {}

  /** Released datagrams kept for reuse, so steady-state reassembly allocates little. */
  private static final int POOLED_DATAGRAMS = 8;

  private final Limits limits;
  private final AnomalyLog anomalies;
  /** Datagrams in flight in order of their first fragment, so the oldest comes first. */
  private final LinkedHashMap<Datagram, Datagram> inFlight = new LinkedHashMap<>();
  private final ArrayDeque<Datagram> pool = new ArrayDeque<>();
  /** Lookup key, refilled for every fragment instead of allocating one. */
  private final Datagram probe = new Datagram();
  /** Scratch list of holes a fragment fills: start, end pairs. */
  private int[] holes = new int[16];
  private byte[] out = new byte[0];
  private long bufferedBytes;
  private long reassembled;
  private long atomic;
  private long duplicates;

  public FragmentReassembler(Limits limits, AnomalyLog anomalies) {
    this.limits = limits;
    this.anomalies = anomalies;
  }

  /**
   * Adds one fragment (payload after the IP header / fragment header); returns the whole datagram
   * payload when this fragment completes it, else null. The result is valid until the next call.
   *
   * @param ipVersion 4 or 6
   * @param src source address, {@code addressLength} bytes from index 0
   * @param dst destination address, {@code addressLength} bytes from index 0
   * @param addressLength 4 for IPv4, 16 for IPv6
   * @param id IPv4 Identification (16 bits) or IPv6 Fragment header Identification (32 bits)
   * @param protocol IPv4 Protocol, or the Fragment header's Next Header for IPv6
   * @param fragmentOffsetBytes Fragment Offset field times 8
   * @param moreFragments the M / MF flag
   * @param buf bytes holding the fragment's payload
   * @param off where the payload starts in {@code buf}
   * @param len payload length
   * @param frame the frame the fragment came in; its time drives the timeout
   */
  public @Nullable Reassembled add(
      int ipVersion,
      byte[] src,
      byte[] dst,
      int addressLength,
      long id,
      int protocol,
      int fragmentOffsetBytes,
      boolean moreFragments,
      byte[] buf,
      int off,
      int len,
      Frame frame) {
    checkArguments(ipVersion, src, dst, addressLength, fragmentOffsetBytes, buf, off, len);
    if (fragmentOffsetBytes == 0 && !moreFragments) {
      // RFC 6946 §4: an atomic fragment is a whole datagram on its own.
      atomic++;
      ensureOut(len);
      System.arraycopy(buf, off, out, 0, len);
      return new Reassembled(out, len, protocol, 1);
    }
    long now = frame.timestampNanos;
    probe.setKey(ipVersion, src, dst, addressLength, id, ipVersion == 4 ? protocol : -1);
    Datagram d = inFlight.get(probe);
    if (d != null && now - d.firstNanos > limits.timeoutNanos()) {
      if (!d.dead) {
        reportIncomplete(d, "timeout");
      }
      release(d);
      d = null;
    }
    if (d == null) {
      d = start(protocol, frame);
    }
    if (d.dead) {
      return null;
    }
    long end = (long) fragmentOffsetBytes + len;
    if (moreFragments && (len & 7) != 0) {
      report(FragmentProblem.FRAGMENT_MISALIGNED, frame, d, "offset=" + fragmentOffsetBytes
          + " length=" + len);
    }
    if (end > limits.maxBytesPerDatagram()) {
      report(FragmentProblem.DATAGRAM_TOO_LARGE, frame, d, "end=" + end + " limit="
          + limits.maxBytesPerDatagram());
      discard(d);
      return null;
    }
    int s = fragmentOffsetBytes;
    int e = fixEnd(d, s, (int) end, moreFragments, frame);
    if (fragmentOffsetBytes == 0) {
      d.protocol = protocol;
    }
    if (e > s && !place(d, s, e, buf, off - s, frame)) {
      return null;
    }
    return d.end >= 0 && d.covered == d.end ? complete(d) : null;
  }

  /** Drops datagrams whose first fragment is older than the timeout (ip.fragments_incomplete). */
  public void expire(long nowNanos) {
    // Insertion order is first-fragment order, so the expired ones lead the map; a capture whose
    // clock steps back can leave one behind until the next fragment for it or finish().
    Iterator<Datagram> it = inFlight.values().iterator();
    while (it.hasNext()) {
      Datagram d = it.next();
      if (nowNanos - d.firstNanos <= limits.timeoutNanos()) {
        break;
      }
      if (!d.dead) {
        reportIncomplete(d, "timeout");
      }
      it.remove();
      recycle(d);
    }
  }

  /** End of input: reports every datagram still incomplete and forgets them all. */
  public void finish() {
    for (Datagram d : inFlight.values()) {
      if (!d.dead) {
        reportIncomplete(d, "end_of_input");
      }
      recycle(d);
    }
    inFlight.clear();
  }

  /** Datagrams completed from two or more fragments. */
  public long reassembledCount() {
    return reassembled;
  }

  /** Atomic fragments (offset 0, no More Fragments) passed straight through. */
  public long atomicCount() {
    return atomic;
  }

  /** Fragments dropped because all their bytes were already held with the same content. */
  public long duplicateCount() {
    return duplicates;
  }

  /** Datagrams currently waiting for fragments, including abandoned ones awaiting the timeout. */
  public int inFlightCount() {
    return inFlight.size();
  }

  /** Payload bytes currently held for datagrams in flight. */
  public long bufferedBytes() {
    return bufferedBytes;
  }

  private static void checkArguments(
      int ipVersion,
      byte[] src,
      byte[] dst,
      int addressLength,
      int fragmentOffsetBytes,
      byte[] buf,
      int off,
      int len) {
    boolean ok =
        (ipVersion == 4 && addressLength == 4 || ipVersion == 6 && addressLength == 16)
            && src.length >= addressLength
            && dst.length >= addressLength
            && fragmentOffsetBytes >= 0
            && off >= 0
            && len >= 0
            && off <= buf.length - len;
    if (!ok) {
      // The IP decoder computes these from bytes it has already checked; reaching here is its bug.
      throw new IllegalArgumentException(
          "bad fragment arguments: version=" + ipVersion + " addressLength=" + addressLength
              + " offset=" + fragmentOffsetBytes + " off=" + off + " len=" + len);
    }
  }

  private Datagram start(int protocol, Frame frame) {
    if (inFlight.size() >= limits.maxDatagrams()) {
      Datagram oldest = inFlight.values().iterator().next();
      if (!oldest.dead) {
        report(FragmentProblem.FRAGMENTS_EVICTED, frame, oldest, "fragments=" + oldest.fragments
            + " bytes=" + oldest.covered + " limit=" + limits.maxDatagrams());
      }
      release(oldest);
    }
    Datagram d = pool.isEmpty() ? new Datagram() : pool.pop();
    d.copyKey(probe);
    d.protocol = protocol;
    d.firstNanos = frame.timestampNanos;
    d.firstInput = frame.input;
    d.firstFrame = frame.number;
    d.firstFileOffset = frame.fileOffset;
    inFlight.put(d, d);
    return d;
  }

  /**
   * Applies the end a fragment implies and returns the fragment's end trimmed to the datagram's
   * known end. The first fragment without More Fragments fixes the end (RFC 815 §3, step 6
   * onwards); later disagreement is reported and the first end kept.
   */
  private int fixEnd(Datagram d, int s, int e, boolean moreFragments, Frame frame) {
    if (!moreFragments) {
      if (d.end < 0) {
        int high = d.highestEnd();
        if (high > e) {
          report(FragmentProblem.FRAGMENT_LENGTH_INCONSISTENT, frame, d, "end=" + e
              + " other_end=" + high);
          d.trimTo(e);
        }
        d.end = e;
        return e;
      }
      if (d.end != e) {
        report(FragmentProblem.FRAGMENT_LENGTH_INCONSISTENT, frame, d, "end=" + d.end
            + " other_end=" + e);
      }
    } else if (d.end >= 0 && e > d.end) {
      report(FragmentProblem.FRAGMENT_LENGTH_INCONSISTENT, frame, d, "end=" + d.end
          + " other_end=" + e);
    }
    return d.end >= 0 ? Math.max(s, Math.min(e, d.end)) : e;
  }

  /**
   * Stores bytes [s, e) of the datagram, found in {@code buf} at {@code base + s}. Returns false
   * when the datagram was abandoned.
   */
  private boolean place(Datagram d, int s, int e, byte[] buf, int base, Frame frame) {
    int overlap = 0;
    boolean conflict = false;
    boolean exact = false;
    for (int i = 0; i < d.pieces; i++) {
      int ps = d.start[i];
      int pe = ps + d.length[i];
      int is = Math.max(s, ps);
      int ie = Math.min(e, pe);
      if (is < ie) {
        overlap += ie - is;
        exact |= ps == s && pe == e;
        int at = d.at[i] - ps;
        conflict |= !Arrays.equals(buf, base + is, base + ie, d.store, at + is, at + ie);
      }
    }
    boolean duplicate = !conflict && (d.version == 6 ? exact : overlap == e - s);
    if (duplicate) {
      duplicates++;
      return true;
    }
    if (overlap > 0) {
      String action = d.version == 6 ? "discard" : "keep_first";
      report(FragmentProblem.FRAGMENT_OVERLAP, frame, d, "offset=" + s + " length=" + (e - s)
          + " overlap=" + overlap + " conflict=" + conflict + " action=" + action);
      if (d.version == 6) {
        // RFC 5722 §4: overlapping IPv6 fragments void the whole datagram.
        discard(d);
        return false;
      }
    }
    if (++d.fragments > limits.maxFragmentsPerDatagram()) {
      report(FragmentProblem.FRAGMENTS_TOO_MANY, frame, d, "limit="
          + limits.maxFragmentsPerDatagram());
      discard(d);
      return false;
    }
    int n = findHoles(d, s, e);
    for (int h = 0; h < n; h += 2) {
      int hs = holes[h];
      int he = holes[h + 1];
      int at = d.append(buf, base + hs, he - hs, limits.maxBytesPerDatagram());
      d.insertPiece(hs, he - hs, at);
      bufferedBytes += he - hs;
    }
    return true;
  }

  /** Fills {@link #holes} with the parts of [s, e) no piece covers; returns 2 × their count. */
  private int findHoles(Datagram d, int s, int e) {
    if (holes.length < 2 * d.pieces + 2) {
      holes = new int[2 * d.pieces + 2];
    }
    int n = 0;
    int cursor = s;
    for (int i = 0; i < d.pieces && cursor < e; i++) {
      int ps = d.start[i];
      int pe = ps + d.length[i];
      if (pe <= cursor) {
        continue;
      }
      if (ps >= e) {
        break;
      }
      if (ps > cursor) {
        holes[n++] = cursor;
        holes[n++] = ps;
      }
      cursor = pe;
    }
    if (cursor < e) {
      holes[n++] = cursor;
      holes[n++] = e;
    }
    return n;
  }

  private Reassembled complete(Datagram d) {
    ensureOut(d.end);
    for (int i = 0; i < d.pieces; i++) {
      System.arraycopy(d.store, d.at[i], out, d.start[i], d.length[i]);
    }
    Reassembled r = new Reassembled(out, d.end, d.protocol, d.fragments);
    reassembled++;
    release(d);
    return r;
  }

  /** Grows the output buffer; {@code n} is always a length of data actually received. */
  private void ensureOut(int n) {
    if (out.length < n) {
      out = new byte[Math.max(n, Math.min(65_535, out.length * 2))];
    }
  }

  /** Abandons a datagram but keeps its key until the timeout so late fragments are ignored. */
  private void discard(Datagram d) {
    bufferedBytes -= d.stored;
    d.dropData();
    d.dead = true;
  }

  private void release(Datagram d) {
    inFlight.remove(d);
    recycle(d);
  }

  private void recycle(Datagram d) {
    bufferedBytes -= d.stored;
    d.reset();
    if (pool.size() < POOLED_DATAGRAMS) {
      pool.push(d);
    }
  }

  private void reportIncomplete(Datagram d, String reason) {
    anomalies.report(
        FragmentProblem.FRAGMENTS_INCOMPLETE.id(),
        d.firstInput,
        d.firstFrame,
        d.firstFileOffset,
        d.describe() + " fragments=" + d.fragments + " bytes=" + d.covered + " end=" + d.end
            + " reason=" + reason);
  }

  private void report(FragmentProblem problem, Frame frame, Datagram d, String detail) {
    anomalies.report(
        problem.id(), frame.input, frame.number, frame.fileOffset, d.describe() + " " + detail);
  }

  /**
   * One datagram in flight: its key, and the pieces received so far. Pieces are disjoint ranges
   * of the payload, sorted by start, whose bytes sit in {@link #store} in arrival order.
   */
  private static final class Datagram {
    int version;
    final byte[] src = new byte[16];
    final byte[] dst = new byte[16];
    int addressLength;
    long id;
    /** Part of the key: the IPv4 protocol, or -1 for IPv6 whose key has no protocol. */
    int keyProtocol;
    int hash;

    int protocol;
    long firstNanos;
    String firstInput = "";
    long firstFrame;
    long firstFileOffset;
    byte[] store = new byte[0];
    int stored;
    int[] start = new int[8];
    int[] length = new int[8];
    int[] at = new int[8];
    int pieces;
    int fragments;
    /** Payload length once the last fragment was seen, else -1. */
    int end = -1;
    /** Bytes of [0, end) held; the datagram is complete when this equals {@link #end}. */
    int covered;
    boolean dead;

    void setKey(int version, byte[] src, byte[] dst, int addressLength, long id, int protocol) {
      this.version = version;
      System.arraycopy(src, 0, this.src, 0, addressLength);
      System.arraycopy(dst, 0, this.dst, 0, addressLength);
      this.addressLength = addressLength;
      this.id = id;
      this.keyProtocol = protocol;
      int h = version * 31 + Long.hashCode(id);
      for (int i = 0; i < addressLength; i++) {
        h = h * 31 + src[i];
        h = h * 31 + dst[i];
      }
      this.hash = h * 31 + protocol;
    }

    void copyKey(Datagram k) {
      setKey(k.version, k.src, k.dst, k.addressLength, k.id, k.keyProtocol);
    }

    int highestEnd() {
      return pieces == 0 ? 0 : start[pieces - 1] + length[pieces - 1];
    }

    /** Appends bytes to the store, growing it with the data up to {@code max}; returns where. */
    int append(byte[] buf, int from, int n, int max) {
      if (stored + n > store.length) {
        store = Arrays.copyOf(store, Math.max(stored + n, Math.min(max, store.length * 2)));
      }
      System.arraycopy(buf, from, store, stored, n);
      int where = stored;
      stored += n;
      return where;
    }

    void insertPiece(int s, int n, int where) {
      if (pieces == start.length) {
        start = Arrays.copyOf(start, pieces * 2);
        length = Arrays.copyOf(length, pieces * 2);
        at = Arrays.copyOf(at, pieces * 2);
      }
      int i = pieces;
      while (i > 0 && start[i - 1] > s) {
        start[i] = start[i - 1];
        length[i] = length[i - 1];
        at[i] = at[i - 1];
        i--;
      }
      start[i] = s;
      length[i] = n;
      at[i] = where;
      pieces++;
      covered += n;
    }

    /** Forgets coverage beyond {@code e}; the stored bytes stay until the datagram is released. */
    void trimTo(int e) {
      int kept = 0;
      for (int i = 0; i < pieces; i++) {
        if (start[i] >= e) {
          covered -= length[i];
          continue;
        }
        if (start[i] + length[i] > e) {
          covered -= start[i] + length[i] - e;
          length[i] = e - start[i];
        }
        start[kept] = start[i];
        length[kept] = length[i];
        at[kept] = at[i];
        kept++;
      }
      pieces = kept;
    }

    void dropData() {
      stored = 0;
      pieces = 0;
      covered = 0;
    }

    void reset() {
      dropData();
      fragments = 0;
      end = -1;
      dead = false;
      firstInput = "";
    }

    String describe() {
      return "version=" + version + " id=" + id;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Datagram k
          && k.hash == hash
          && k.version == version
          && k.id == id
          && k.keyProtocol == keyProtocol
          && k.addressLength == addressLength
          && Arrays.equals(k.src, 0, addressLength, src, 0, addressLength)
          && Arrays.equals(k.dst, 0, addressLength, dst, 0, addressLength);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
