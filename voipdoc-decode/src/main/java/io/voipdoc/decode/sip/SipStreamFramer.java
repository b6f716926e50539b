package io.voipdoc.decode.sip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts SIP messages out of one direction of a TCP or TLS stream (RFC 3261 §18.3): feed bytes as
 * they arrive, split anywhere, and take complete messages with {@link #next()}.
 *
 * <p>On a stream, Content-Length is mandatory and is the only way to find where a body ends. A
 * message without it, or with an invalid one, is delivered without a body and with the problem,
 * and the framer then looks for the next start line; bytes before it are reported once as {@code
 * sip.junk_before_start_line}. CRLF and double-CRLF keep-alives (RFC 5626 §3.5.1) between
 * messages are skipped. Memory is bounded by {@link SipStreamFramerConfig#maxMessageSize()}.
 *
 * <p>Problems of a delivered message are on the message (offsets from its first byte); framing
 * problems between messages are kept here with offsets in the stream direction, see {@link
 * #drainProblems()}. One instance per stream direction; not thread-safe.
 */
public final class SipStreamFramer {
  private static final int INITIAL_BUFFER = 4096;

  private enum State {
    SEEK_START_LINE,
    HEADERS,
    BODY,
    SKIP_BODY
  }

  private final SipStreamFramerConfig config;
  private final ArrayDeque<SipMessage> ready = new ArrayDeque<>();
  private final List<SipProblem.At> problems = new ArrayList<>();
  private long problemCount;
  private byte[] buf;
  private int count;
  /** Stream offset of {@code buf[0]}. */
  private long bufferStart;

  private State state = State.SEEK_START_LINE;
  private boolean inJunk;
  private int scanFrom;
  private int messageSize;
  private long skipRemaining;

  /** A framer with the default limits. */
  public SipStreamFramer() {
    this(SipStreamFramerConfig.DEFAULT);
  }

  public SipStreamFramer(SipStreamFramerConfig config) {
    this.config = config;
    this.buf = new byte[Math.min(INITIAL_BUFFER, Math.max(1, config.maxMessageSize()))];
  }

  /** Takes the next bytes of the stream, in order. */
  public void feed(byte[] data, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, data.length);
    while (len > 0) {
      if (state == State.SKIP_BODY) {
        int n = (int) Math.min(len, skipRemaining);
        skipRemaining -= n;
        bufferStart += n;
        off += n;
        len -= n;
        if (skipRemaining == 0) {
          state = State.SEEK_START_LINE;
        }
        continue;
      }
      int n = Math.min(len, room());
      System.arraycopy(data, off, buf, count, n);
      count += n;
      off += n;
      len -= n;
      frame();
      if (count == buf.length && buf.length >= config.maxMessageSize()) {
        overflow();
      }
    }
  }

  /** The next complete message, or null when more bytes are needed. */
  public @Nullable SipMessage next() {
    return ready.poll();
  }

  /**
   * Bytes of the stream were lost (not captured): what is buffered is dropped and the framer
   * resynchronises at the next start line.
   */
  public void gap(long missingBytes) {
    if (count > 0 || state != State.SEEK_START_LINE) {
      report(SipProblem.RESYNCHRONISED, bufferStart, "missing=" + missingBytes);
    }
    bufferStart += count + Math.max(0, missingBytes);
    count = 0;
    state = State.SEEK_START_LINE;
    inJunk = true;
  }

  /** The stream ended: a message cut short is delivered with the problem that says so. */
  public void end() {
    if (state == State.HEADERS || state == State.BODY) {
      List<SipProblem.At> framing = new ArrayList<>(1);
      if (state == State.BODY) {
        framing.add(
            new SipProblem.At(
                SipProblem.CONTENT_LENGTH_MISMATCH, 0, "declared=" + messageSize + " available=" + count));
      }
      emit(Arrays.copyOf(buf, count), framing);
    }
    bufferStart += count;
    count = 0;
    state = State.SEEK_START_LINE;
  }

  /** Framing problems since the last call (offsets in the stream direction), then clears them. */
  public List<SipProblem.At> drainProblems() {
    List<SipProblem.At> out = List.copyOf(problems);
    problems.clear();
    return out;
  }

  /** Framing problems counted so far, including those no longer kept. */
  public long problemCount() {
    return problemCount;
  }

  /** Stream offset of the next byte the framer has not consumed. */
  public long position() {
    return bufferStart;
  }

  private int room() {
    if (count == buf.length && buf.length < config.maxMessageSize()) {
      buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, config.maxMessageSize()));
    }
    return buf.length - count;
  }

  private void frame() {
    boolean progress = true;
    while (progress) {
      switch (state) {
        case SEEK_START_LINE -> progress = seekStartLine();
        case HEADERS -> progress = headers();
        case BODY -> progress = body();
        case SKIP_BODY -> {
          int n = (int) Math.min(count, skipRemaining);
          skipRemaining -= n;
          consume(n);
          if (skipRemaining == 0) {
            state = State.SEEK_START_LINE;
          }
          progress = n > 0;
        }
      }
    }
  }

  private boolean seekStartLine() {
    int p = 0;
    while (p < count && (buf[p] == '\r' || buf[p] == '\n')) {
      p++; // keep-alive: CRLF (pong) or CRLFCRLF (ping), RFC 5626 §3.5.1
    }
    consume(p);
    int lf = indexOf((byte) '\n', 0);
    if (lf < 0) {
      return false;
    }
    if (StartLine.recognise(buf, 0, lf + 1, null) != StartLine.NOT_SIP) {
      inJunk = false;
      state = State.HEADERS;
      scanFrom = lf;
      return true;
    }
    int q = SipDecoder.junkEnd(buf, 0, lf + 1, config.decoder().maxJunkBeforeStartLine());
    if (!inJunk) {
      report(SipProblem.JUNK_BEFORE_START_LINE, bufferStart, "");
    }
    inJunk = true;
    consume(q > 0 ? q : lf + 1);
    return true;
  }

  private boolean headers() {
    for (int i = scanFrom; i < count; i++) {
      if (buf[i] != '\n') {
        continue;
      }
      int e = i + 1 < count && buf[i + 1] == '\r' ? i + 2 : i + 1;
      if (e >= count) {
        scanFrom = i;
        return false;
      }
      if (buf[e] == '\n') {
        return headersComplete(e + 1);
      }
    }
    scanFrom = Math.max(scanFrom, count - 1);
    return false;
  }

  private boolean headersComplete(int headerEnd) {
    List<SipProblem.At> framing = new ArrayList<>(1);
    long cl = contentLength(headerEnd);
    if (cl == -1) {
      framing.add(new SipProblem.At(SipProblem.CONTENT_LENGTH_MISSING, 0, ""));
    }
    if (cl < 0) {
      // without a usable length the body cannot be found: deliver the headers, then resync
      emit(Arrays.copyOf(buf, headerEnd), framing);
      consume(headerEnd);
      state = State.SEEK_START_LINE;
      return true;
    }
    if (headerEnd + cl > config.maxMessageSize()) {
      framing.add(
          new SipProblem.At(
              SipProblem.MESSAGE_TOO_LARGE, 0, "size=" + (headerEnd + cl) + " max=" + config.maxMessageSize()));
      emit(Arrays.copyOf(buf, headerEnd), framing);
      consume(headerEnd);
      skipRemaining = cl;
      state = State.SKIP_BODY;
      return true;
    }
    messageSize = headerEnd + (int) cl;
    state = State.BODY;
    return true;
  }

  private boolean body() {
    if (count < messageSize) {
      return false;
    }
    emit(Arrays.copyOf(buf, messageSize), List.of());
    consume(messageSize);
    state = State.SEEK_START_LINE;
    return true;
  }

  /** Content-Length from the header section: its value, -1 when absent, -2 when invalid. */
  private long contentLength(int headerEnd) {
    int p = indexOf((byte) '\n', 0) + 1;
    while (p < headerEnd) {
      int e = p;
      while (e < headerEnd && buf[e] != '\n') {
        e++;
      }
      int colon = p;
      while (colon < e && buf[colon] != ':') {
        colon++;
      }
      int ne = colon;
      while (ne > p && (buf[ne - 1] == ' ' || buf[ne - 1] == '\t')) {
        ne--;
      }
      if (colon < e && HeaderName.of(buf, p, ne) == HeaderName.CONTENT_LENGTH) {
        String v =
            new String(buf, colon + 1, e - colon - 1, java.nio.charset.StandardCharsets.US_ASCII);
        long cl = Grammar.decimal(v.strip(), Integer.MAX_VALUE);
        return cl < 0 ? -2 : cl;
      }
      p = e + 1;
    }
    return -1;
  }

  private void overflow() {
    if (state == State.BODY || state == State.SKIP_BODY) {
      return; // a body within the limit always fits
    }
    report(SipProblem.MESSAGE_TOO_LARGE, bufferStart, "max=" + config.maxMessageSize());
    consume(count);
    state = State.SEEK_START_LINE;
    inJunk = true;
  }

  private void emit(byte[] message, List<SipProblem.At> framing) {
    SipMessage m = SipDecoder.decodeFramed(message, config.decoder(), framing);
    if (m != null) {
      ready.add(m);
    }
  }

  private void consume(int n) {
    if (n > 0) {
      System.arraycopy(buf, n, buf, 0, count - n);
      count -= n;
      bufferStart += n;
      scanFrom = Math.max(0, scanFrom - n);
    }
  }

  private int indexOf(byte b, int from) {
    for (int i = from; i < count; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private void report(SipProblem problem, long offset, String detail) {
    problemCount++;
    if (problems.size() < config.maxProblemsKept()) {
      problems.add(new SipProblem.At(problem, offset, detail));
    }
  }
}
