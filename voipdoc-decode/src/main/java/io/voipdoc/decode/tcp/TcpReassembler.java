package io.voipdoc.decode.tcp;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns TCP segments into ordered byte streams, one per direction of each connection (RFC 9293).
 *
 * <p>The TCP decoder feeds every segment with {@link #segment}; the {@link Sink} hears, inside
 * that call, the bytes that became deliverable ({@link Sink#onData}), the bytes that will never
 * come ({@link Sink#onGap}) and the end of a direction ({@link Sink#onEnd}). Every byte is
 * delivered at most once and in stream order.
 *
 * <ul>
 *   <li>Connections are keyed by the 4-tuple; both directions share one. The initiator is the
 *       sender of the SYN (or the receiver of a SYN-ACK), otherwise the first sender seen.
 *   <li>A direction's stream starts after its SYN (the SYN takes one sequence number, RFC 9293
 *       §3.4), or at the first segment carrying data when the capture began mid-connection.
 *       Pure ACKs do not fix the start, so a keep-alive cannot shift it.
 *   <li>Sequence numbers are compared modulo 2<sup>32</sup> (RFC 9293 §3.4.1) and mapped to
 *       64-bit stream offsets, so wrap-around is invisible to the sink.
 *   <li>Segments in order are delivered straight from the caller's array, without copying.
 *       Segments ahead of the next expected byte are copied into a bounded buffer; when it is
 *       full, or its oldest byte has waited {@link Limits#gapTimeoutNanos}, the missing range is
 *       reported as a gap and delivery resumes after it.
 *   <li>Retransmitted and overlapping bytes are trimmed; where they overlap bytes still held in
 *       the buffer and differ, the first bytes win and {@code tcp.retransmission_differs} is
 *       reported. Bytes already delivered are not kept, so they cannot be compared.
 *   <li>Keep-alives (one byte or none, just before the next expected byte) and zero-window
 *       probes (one byte at the next expected byte, repeated later) only ever re-send bytes that
 *       are trimmed, so they cannot corrupt the stream.
 *   <li>FIN ends a direction once every byte before it was delivered; RST ends both. A new SYN
 *       on the same 4-tuple after the end, or with another initial sequence number, starts a new
 *       connection.
 * </ul>
 *
 * <p>Memory is bounded by the {@link Limits}: at most {@code maxConnections} connections (the
 * least recently used is ended and dropped beyond that) and {@code maxBufferedBytesPerDirection}
 * buffered bytes per direction. Time is capture time; call {@link #expire} as capture time
 * advances (once per second of capture time is plenty) and {@link #finish} at the end.
 *
 * <p>Not thread-safe: one instance per decoding pipeline.
 */
public final class TcpReassembler {

  /**
   * Limits of one reassembler.
   *
   * <table>
   *   <caption>Limits and defaults</caption>
   *   <tr><th>limit</th><th>default</th><th>why</th></tr>
   *   <tr><td>{@code maxConnections}</td><td>{@value #DEFAULT_MAX_CONNECTIONS}</td><td>connections
   *       tracked at once; the least recently used is ended beyond this</td></tr>
   *   <tr><td>{@code maxBufferedBytesPerDirection}</td>
   *       <td>{@value #DEFAULT_MAX_BUFFERED_BYTES_PER_DIRECTION}</td><td>out-of-order bytes held
   *       per direction; a SIP message rarely exceeds a few KiB, and a 64 KiB window is the most
   *       a peer can send ahead without window scaling</td></tr>
   *   <tr><td>{@code idleTimeoutNanos}</td><td>{@value #DEFAULT_IDLE_TIMEOUT_NANOS} (5 min)</td>
   *       <td>capture time without segments after which a connection is ended and forgotten</td>
   *       </tr>
   *   <tr><td>{@code gapTimeoutNanos}</td><td>{@value #DEFAULT_GAP_TIMEOUT_NANOS} (10 s)</td>
   *       <td>capture time buffered bytes may wait for a missing segment; real retransmissions
   *       come within a few retransmission timeouts, a segment the capture lost never does</td>
   *       </tr>
   * </table>
   *
   * <p>Worst-case buffer memory is {@code maxConnections × 2 × maxBufferedBytesPerDirection}.
   */
  public record Limits(
      int maxConnections,
      int maxBufferedBytesPerDirection,
      long idleTimeoutNanos,
      long gapTimeoutNanos) {
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;
    public static final int DEFAULT_MAX_BUFFERED_BYTES_PER_DIRECTION = 65_536;
    public static final long DEFAULT_IDLE_TIMEOUT_NANOS = 300_000_000_000L;
    public static final long DEFAULT_GAP_TIMEOUT_NANOS = 10_000_000_000L;

    /** The defaults of the table above. */
    public static final Limits DEFAULTS =
        new Limits(
            DEFAULT_MAX_CONNECTIONS,
            DEFAULT_MAX_BUFFERED_BYTES_PER_DIRECTION,
            DEFAULT_IDLE_TIMEOUT_NANOS,
            DEFAULT_GAP_TIMEOUT_NANOS);

    /** Limits with the default gap timeout. */
    public Limits(int maxConnections, int maxBufferedBytesPerDirection, long idleTimeoutNanos) {
      this(
          maxConnections, maxBufferedBytesPerDirection, idleTimeoutNanos, DEFAULT_GAP_TIMEOUT_NANOS);
    }

    public Limits {
      if (maxConnections < 1
          || maxBufferedBytesPerDirection < 0
          || idleTimeoutNanos < 0
          || gapTimeoutNanos < 0) {
        throw new IllegalArgumentException(
            "limits out of range: "
                + maxConnections
                + ", "
                + maxBufferedBytesPerDirection
                + ", "
                + idleTimeoutNanos
                + ", "
                + gapTimeoutNanos);
      }
    }
  }

  /** Receives the reassembled streams. Called synchronously from {@link #segment} and friends. */
  public interface Sink {
    /** The next bytes of a direction; {@code data} is only valid during the call. */
    void onData(TcpStream s, byte[] data, int off, int len);

    /** {@code missingBytes} bytes of a direction will never be delivered; data resumes after. */
    void onGap(TcpStream s, long missingBytes);

    /** The direction has ended; no more callbacks for it follow. */
    void onEnd(TcpStream s);
  }

  // TCP header flags (RFC 9293 §3.1).
  private static final int FIN = 0x01;
  private static final int SYN = 0x02;
  private static final int RST = 0x04;
  private static final int ACK = 0x10;
  private static final long SEQ_MASK = 0xFFFF_FFFFL;

  private final Limits limits;
  private final Sink sink;
  private final AnomalyLog anomalies;
  /** Access-ordered, so the least recently used connection comes first. */
  private final LinkedHashMap<TupleKey, Connection> table = new LinkedHashMap<>(64, 0.75f, true);
  /** Directions holding buffered bytes, for the gap timeout. */
  private final LinkedHashSet<Direction> waiting = new LinkedHashSet<>();
  /** Lookup key, refilled for every segment instead of allocating one. */
  private final TupleKey probe = new TupleKey();
  private long[] holes = new long[16];

  private long connections;
  private long retransmissions;
  private long keepAlives;
  private long outOfOrder;
  private long gaps;
  private long missingBytes;
  private long deliveredBytes;
  private long bufferedBytes;

  public TcpReassembler(Limits limits, Sink sink, AnomalyLog anomalies) {
    this.limits = limits;
    this.sink = sink;
    this.anomalies = anomalies;
  }

  /**
   * Feeds one segment; Sink callbacks happen synchronously inside this call. Returns the
   * direction it belongs to.
   *
   * @param src source address, {@code addressLength} bytes from index 0
   * @param dst destination address, {@code addressLength} bytes from index 0
   * @param addressLength 4 or 16
   * @param seq Sequence Number (32 bits, unsigned)
   * @param ack Acknowledgment Number (32 bits, unsigned)
   * @param flags the TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, ACK 0x10)
   * @param payload bytes holding the segment's payload; read only during the call
   * @param off where the payload starts
   * @param len payload length
   * @param frame the frame the segment came in; its time drives the timeouts
   */
  public TcpStream segment(
      byte[] src,
      byte[] dst,
      int addressLength,
      int srcPort,
      int dstPort,
      long seq,
      long ack,
      int flags,
      byte[] payload,
      int off,
      int len,
      Frame frame) {
    checkArguments(src, dst, addressLength, payload, off, len);
    long now = frame.timestampNanos;
    boolean syn = (flags & SYN) != 0;
    boolean synOnly = syn && (flags & ACK) == 0;
    probe.set(src, srcPort, dst, dstPort, addressLength);
    Connection c = table.get(probe);
    if (c != null) {
      boolean idle = now - c.lastSeenNanos > limits.idleTimeoutNanos();
      if (idle || synOnly && c.restartedBy(src, srcPort, seq & SEQ_MASK)) {
        close(c, idle ? "idle" : "new_connection");
        table.remove(probe);
        c = null;
      }
    }
    if (c == null) {
      c = open(src, srcPort, dst, dstPort, addressLength, syn && !synOnly, frame);
      table.put(probe.copy(), c);
    }
    c.lastSeenNanos = now;
    c.input = frame.input;
    c.lastFrame = frame.number;
    Direction d = c.direction(src, srcPort);
    if ((flags & RST) != 0) {
      close(c, "reset");
      return d.stream;
    }
    if (d.stream.ended) {
      afterEnd(d, seq & SEQ_MASK, syn, len);
      return d.stream;
    }
    long dataSeq = (syn ? seq + 1 : seq) & SEQ_MASK;
    if (syn && !d.seqKnown) {
      d.synSeen = true;
      d.isn = seq & SEQ_MASK;
      d.start(dataSeq);
    }
    if (!d.seqKnown) {
      if (len == 0 && (flags & FIN) == 0) {
        // A pure ACK (or keep-alive) says little about where the data starts; wait for data.
        return d.stream;
      }
      d.start(dataSeq);
      d.stream.startedMidStream = true;
    }
    long at = d.offsetOf(dataSeq);
    if (len == 0 && at == d.next - 1) {
      keepAlives++;
    } else if (len > 0) {
      accept(d, at, payload, off, len, now, frame);
    }
    if ((flags & FIN) != 0 && d.finAt < 0) {
      setFin(d, at + len);
    }
    if (!d.chunks.isEmpty() && now - d.firstBufferedNanos > limits.gapTimeoutNanos()) {
      flush(d, "timeout");
    }
    track(d);
    endIfComplete(d);
    return d.stream;
  }

  /**
   * Advances capture time: skips gaps that waited longer than the gap timeout and ends
   * connections idle for longer than the idle timeout.
   */
  public void expire(long nowNanos) {
    Iterator<Direction> w = waiting.iterator();
    while (w.hasNext()) {
      Direction d = w.next();
      if (nowNanos - d.firstBufferedNanos > limits.gapTimeoutNanos()) {
        flush(d, "timeout");
        d.waiting = false;
        w.remove();
        endIfComplete(d);
      }
    }
    Iterator<Connection> it = table.values().iterator();
    while (it.hasNext()) {
      Connection c = it.next();
      if (nowNanos - c.lastSeenNanos <= limits.idleTimeoutNanos()) {
        break; // access order is time order, so the rest were seen later
      }
      close(c, "idle");
      it.remove();
    }
  }

  /** End of input: delivers what can be delivered, reports remaining gaps, ends every stream. */
  public void finish() {
    for (Connection c : table.values()) {
      close(c, "end_of_input");
    }
    table.clear();
  }

  /** Connections seen, counting each new SYN on a reused 4-tuple as a new connection. */
  public long connectionCount() {
    return connections;
  }

  /** Connections currently tracked. */
  public int openConnectionCount() {
    return table.size();
  }

  /** Segments carrying bytes already received (wholly or in part), keep-alives excluded. */
  public long retransmissionCount() {
    return retransmissions;
  }

  /** Keep-alive segments seen: at most one byte, just before the next expected byte. */
  public long keepAliveCount() {
    return keepAlives;
  }

  /** Segments that arrived ahead of the next expected byte and were buffered. */
  public long outOfOrderCount() {
    return outOfOrder;
  }

  /** Gaps reported through {@link Sink#onGap}. */
  public long gapCount() {
    return gaps;
  }

  /** Bytes reported missing in all gaps. */
  public long missingBytes() {
    return missingBytes;
  }

  /** Bytes delivered through {@link Sink#onData}. */
  public long deliveredBytes() {
    return deliveredBytes;
  }

  /** Out-of-order bytes currently buffered over all directions. */
  public long bufferedBytes() {
    return bufferedBytes;
  }

  private static void checkArguments(
      byte[] src, byte[] dst, int addressLength, byte[] payload, int off, int len) {
    boolean ok =
        (addressLength == 4 || addressLength == 16)
            && src.length >= addressLength
            && dst.length >= addressLength
            && off >= 0
            && len >= 0
            && off <= payload.length - len;
    if (!ok) {
      // The TCP decoder computes these from bytes it has already checked; reaching here is its bug.
      throw new IllegalArgumentException(
          "bad segment arguments: addressLength=" + addressLength + " off=" + off + " len=" + len);
    }
  }

  private Connection open(
      byte[] src,
      int srcPort,
      byte[] dst,
      int dstPort,
      int addressLength,
      boolean senderResponds,
      Frame frame) {
    if (table.size() >= limits.maxConnections()) {
      Iterator<Connection> it = table.values().iterator();
      Connection lru = it.next();
      anomalies.report(
          TcpProblem.CONNECTION_EVICTED.id(),
          frame.input,
          frame.number,
          frame.fileOffset,
          "connection=" + lru.id + " limit=" + limits.maxConnections());
      close(lru, "evicted");
      it.remove();
    }
    // The sender of a SYN-ACK is the responder; otherwise the first sender is taken as initiator.
    return new Connection(
        ++connections,
        Arrays.copyOf(src, addressLength),
        srcPort,
        Arrays.copyOf(dst, addressLength),
        dstPort,
        senderResponds);
  }

  /** Places payload bytes starting at stream offset {@code at}. */
  private void accept(
      Direction d, long at, byte[] payload, int off, int len, long now, Frame frame) {
    if (d.finAt >= 0 && at + len > d.finAt) {
      long beyond = at + len - Math.max(at, d.finAt);
      reportAfterEnd(d, beyond);
      len -= (int) beyond;
      if (len == 0) {
        return;
      }
    }
    long end = at + len;
    if (end <= d.next) {
      if (len <= 1 && at == d.next - 1) {
        keepAlives++;
      } else {
        retransmissions++;
      }
      return;
    }
    if (at < d.next) {
      int skip = (int) (d.next - at);
      off += skip;
      len -= skip;
      at = d.next;
      retransmissions++;
    }
    if (at == d.next) {
      compareHeld(d, at, payload, off, len, frame);
      deliverAround(d, at, payload, off, len);
      return;
    }
    outOfOrder++;
    int max = limits.maxBufferedBytesPerDirection();
    // Buffer full: give up on the oldest gap, unless this segment lies before the first held
    // chunk, in which case it is the gap before this segment that is given up below.
    while (d.buffered + len > max && !d.chunks.isEmpty() && d.chunks.get(0).at < at) {
      skipGap(d, "buffer_full");
      drain(d);
    }
    if (at <= d.next) {
      accept(d, at, payload, off, len, now, frame);
    } else if (d.buffered + len > max) {
      gap(d, at - d.next, "buffer_full");
      d.next = at;
      accept(d, at, payload, off, len, now, frame);
    } else {
      hold(d, at, payload, off, len, now, frame);
    }
  }

  /** Copies the parts of [at, at + len) not yet held into the buffer, in stream order. */
  private void hold(
      Direction d, long at, byte[] payload, int off, int len, long now, Frame frame) {
    compareHeld(d, at, payload, off, len, frame);
    long end = at + len;
    if (holes.length < 2 * d.chunks.size() + 2) {
      holes = new long[2 * d.chunks.size() + 2];
    }
    int n = 0;
    long cursor = at;
    for (Chunk c : d.chunks) {
      if (c.end() <= cursor) {
        continue;
      }
      if (c.at >= end) {
        break;
      }
      if (c.at > cursor) {
        holes[n++] = cursor;
        holes[n++] = c.at;
      }
      cursor = c.end();
    }
    if (cursor < end) {
      holes[n++] = cursor;
      holes[n++] = end;
    }
    if (d.chunks.isEmpty()) {
      d.firstBufferedNanos = now;
    }
    for (int h = 0; h < n; h += 2) {
      int from = off + (int) (holes[h] - at);
      int count = (int) (holes[h + 1] - holes[h]);
      Chunk c = new Chunk(holes[h], Arrays.copyOfRange(payload, from, from + count));
      int i = d.chunks.size();
      while (i > 0 && d.chunks.get(i - 1).at > c.at) {
        i--;
      }
      d.chunks.add(i, c);
      d.buffered += count;
      bufferedBytes += count;
    }
    if (n < 2) {
      retransmissions++;
    }
  }

  /** Reports when bytes [at, at + len) differ from bytes already held for the same offsets. */
  private void compareHeld(Direction d, long at, byte[] payload, int off, int len, Frame frame) {
    long end = at + len;
    for (Chunk c : d.chunks) {
      if (c.at >= end) {
        break;
      }
      long s = Math.max(at, c.at);
      long e = Math.min(end, c.end());
      if (s < e) {
        int p = off + (int) (s - at);
        int q = (int) (s - c.at);
        int n = (int) (e - s);
        if (!Arrays.equals(payload, p, p + n, c.data, q, q + n)) {
          anomalies.report(
              TcpProblem.RETRANSMISSION_DIFFERS.id(),
              frame.input,
              frame.number,
              frame.fileOffset,
              describe(d) + " offset=" + s + " length=" + n);
          return;
        }
      }
    }
  }

  /**
   * Delivers in-order bytes straight from the caller's array, except where a held chunk already
   * covers them: there the held bytes go out instead, so the first bytes received always win.
   */
  private void deliverAround(Direction d, long at, byte[] payload, int off, int len) {
    while (len > 0) {
      // Here at == d.next, and every held chunk starts after d.next.
      long firstHeld = d.chunks.isEmpty() ? Long.MAX_VALUE : d.chunks.get(0).at;
      int fresh = (int) Math.min(len, firstHeld - at);
      if (fresh > 0) {
        deliver(d, payload, off, fresh);
      }
      drain(d);
      if (d.finAt >= 0 && d.next >= d.finAt) {
        return;
      }
      int done = (int) Math.min(len, d.next - at);
      off += done;
      len -= done;
      at += done;
    }
  }

  /** Delivers held chunks that have become contiguous with what was delivered. */
  private void drain(Direction d) {
    while (!d.chunks.isEmpty()
        && d.chunks.get(0).at <= d.next
        && (d.finAt < 0 || d.chunks.get(0).at < d.finAt)) {
      Chunk c = d.chunks.remove(0);
      d.buffered -= c.data.length;
      bufferedBytes -= c.data.length;
      if (c.end() > d.next) {
        int skip = (int) (d.next - c.at);
        deliver(d, c.data, skip, c.data.length - skip);
      }
    }
  }

  private void deliver(Direction d, byte[] data, int off, int len) {
    if (d.finAt >= 0) {
      // Nothing follows the FIN in sequence space (RFC 9293 §3.10.7.4).
      len = (int) Math.min(len, Math.max(0, d.finAt - d.next));
      if (len == 0) {
        return;
      }
    }
    d.next += len;
    d.stream.deliveredBytes += len;
    deliveredBytes += len;
    sink.onData(d.stream, data, off, len);
  }

  /** Gives up on the bytes before the first held chunk. */
  private void skipGap(Direction d, String reason) {
    Chunk first = d.chunks.get(0);
    gap(d, first.at - d.next, reason);
    d.next = first.at;
  }

  private void gap(Direction d, long missing, String reason) {
    gaps++;
    missingBytes += missing;
    d.stream.missingBytes += missing;
    anomalies.report(
        TcpProblem.DATA_MISSING.id(),
        d.input(),
        d.lastFrame(),
        -1,
        describe(d) + " missing=" + missing + " reason=" + reason);
    sink.onGap(d.stream, missing);
  }

  /** Delivers everything held, reporting each gap before it. */
  private void flush(Direction d, String reason) {
    // Chunks from the FIN on are left for end() to drop.
    while (!d.chunks.isEmpty() && (d.finAt < 0 || d.chunks.get(0).at < d.finAt)) {
      skipGap(d, reason);
      drain(d);
    }
  }

  private void track(Direction d) {
    boolean holding = !d.chunks.isEmpty();
    if (holding != d.waiting) {
      d.waiting = holding;
      if (holding) {
        waiting.add(d);
      } else {
        waiting.remove(d);
      }
    }
  }

  private void endIfComplete(Direction d) {
    if (!d.stream.ended && d.finAt >= 0 && d.next >= d.finAt) {
      end(d);
    }
  }

  /**
   * Records where the FIN lies. Nothing follows it in sequence space (RFC 9293 §3.10.7.4), so
   * bytes held beyond it are dropped and reported.
   */
  private void setFin(Direction d, long finAt) {
    d.finAt = finAt;
    long dropped = 0;
    for (int i = d.chunks.size() - 1; i >= 0; i--) {
      Chunk c = d.chunks.get(i);
      if (c.at >= finAt) {
        dropped += c.data.length;
        d.chunks.remove(i);
      } else if (c.end() > finAt) {
        dropped += c.end() - finAt;
        d.chunks.set(i, new Chunk(c.at, Arrays.copyOf(c.data, (int) (finAt - c.at))));
      }
    }
    if (dropped > 0) {
      d.buffered -= (int) dropped;
      bufferedBytes -= dropped;
      reportAfterEnd(d, dropped);
    }
  }

  private void reportAfterEnd(Direction d, long length) {
    anomalies.report(
        TcpProblem.DATA_AFTER_END.id(),
        d.input(),
        d.lastFrame(),
        -1,
        describe(d) + " length=" + length);
  }

  private void end(Direction d) {
    if (d.waiting) {
      d.waiting = false;
      waiting.remove(d);
    }
    d.stream.ended = true;
    sink.onEnd(d.stream);
  }

  /** Ends both directions, delivering what is held and reporting what is missing. */
  private void close(Connection c, String reason) {
    for (Direction d : new Direction[] {c.initiator, c.responder}) {
      if (!d.stream.ended) {
        flush(d, reason);
        // A FIN seen beyond a gap: the bytes up to it are missing too.
        if (d.finAt > d.next) {
          gap(d, d.finAt - d.next, reason);
          d.next = d.finAt;
        }
        end(d);
      }
    }
  }

  /** A segment for a direction that has ended: only new data is worth a word. */
  private void afterEnd(Direction d, long seq, boolean syn, int len) {
    if (len == 0 || !d.seqKnown) {
      return;
    }
    long at = d.offsetOf((syn ? seq + 1 : seq) & SEQ_MASK);
    if (at + len > d.next) {
      reportAfterEnd(d, at + len - Math.max(at, d.next));
    } else {
      retransmissions++;
    }
  }

  private static String describe(Direction d) {
    return "connection=" + d.stream.connectionId + " from_initiator=" + d.stream.fromInitiator;
  }

  /** Out-of-order bytes held for a direction, at 64-bit stream offset {@code at}. */
  private record Chunk(long at, byte[] data) {
    long end() {
      return at + data.length;
    }
  }

  /** The reassembly state of one direction. */
  private static final class Direction {
    final TcpStream stream;
    final Connection connection;
    boolean seqKnown;
    boolean synSeen;
    long isn;
    /** Sequence number of stream offset 0. */
    long seqBase;
    /** Stream offset of the next byte to deliver. */
    long next;
    /** Stream offset the FIN occupies, or -1. */
    long finAt = -1;
    final ArrayList<Chunk> chunks = new ArrayList<>(0);
    int buffered;
    long firstBufferedNanos;
    boolean waiting;

    Direction(TcpStream stream, Connection connection) {
      this.stream = stream;
      this.connection = connection;
    }

    void start(long seq) {
      seqKnown = true;
      seqBase = seq;
      next = 0;
    }

    /** The stream offset of a sequence number, taking the one nearest the next expected byte. */
    long offsetOf(long seq) {
      return next + (int) (seq - seqBase - next);
    }

    String input() {
      return connection.input;
    }

    long lastFrame() {
      return connection.lastFrame;
    }
  }

  /** A connection and its two directions. */
  private static final class Connection {
    final long id;
    final Direction initiator;
    final Direction responder;
    long lastSeenNanos;
    String input = "";
    long lastFrame;

    /**
     * A connection whose first segment went from {@code src} to {@code dst}; {@code senderResponds}
     * when that segment was a SYN-ACK, so the sender is the responder.
     */
    Connection(long id, byte[] src, int srcPort, byte[] dst, int dstPort, boolean senderResponds) {
      this.id = id;
      TcpStream fromSender = new TcpStream(id, !senderResponds, src, dst, srcPort, dstPort);
      TcpStream toSender = new TcpStream(id, senderResponds, dst, src, dstPort, srcPort);
      initiator = new Direction(senderResponds ? toSender : fromSender, this);
      responder = new Direction(senderResponds ? fromSender : toSender, this);
    }

    Direction direction(byte[] src, int srcPort) {
      TcpStream i = initiator.stream;
      boolean fromInitiator =
          srcPort == i.srcPort && Arrays.equals(src, 0, i.src.length, i.src, 0, i.src.length);
      return fromInitiator ? initiator : responder;
    }

    /** Whether a SYN from this endpoint starts a new connection rather than repeating one. */
    boolean restartedBy(byte[] src, int srcPort, long seq) {
      Direction d = direction(src, srcPort);
      boolean bothEnded = initiator.stream.ended && responder.stream.ended;
      return bothEnded || !(d.synSeen && d.isn == seq);
    }
  }

  /** The 4-tuple with the lower endpoint first, so both directions find the same connection. */
  private static final class TupleKey {
    final byte[] addrA = new byte[16];
    final byte[] addrB = new byte[16];
    int portA;
    int portB;
    int addressLength;
    int hash;

    void set(byte[] src, int srcPort, byte[] dst, int dstPort, int addressLength) {
      int cmp = Arrays.compare(src, 0, addressLength, dst, 0, addressLength);
      boolean srcFirst = cmp < 0 || cmp == 0 && srcPort <= dstPort;
      System.arraycopy(srcFirst ? src : dst, 0, addrA, 0, addressLength);
      System.arraycopy(srcFirst ? dst : src, 0, addrB, 0, addressLength);
      portA = srcFirst ? srcPort : dstPort;
      portB = srcFirst ? dstPort : srcPort;
      this.addressLength = addressLength;
      int h = addressLength;
      for (int i = 0; i < addressLength; i++) {
        h = h * 31 + addrA[i];
        h = h * 31 + addrB[i];
      }
      hash = (h * 31 + portA) * 31 + portB;
    }

    TupleKey copy() {
      TupleKey k = new TupleKey();
      System.arraycopy(addrA, 0, k.addrA, 0, addressLength);
      System.arraycopy(addrB, 0, k.addrB, 0, addressLength);
      k.portA = portA;
      k.portB = portB;
      k.addressLength = addressLength;
      k.hash = hash;
      return k;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof TupleKey k
          && k.hash == hash
          && k.portA == portA
          && k.portB == portB
          && k.addressLength == addressLength
          && Arrays.equals(k.addrA, 0, addressLength, addrA, 0, addressLength)
          && Arrays.equals(k.addrB, 0, addressLength, addrB, 0, addressLength);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
