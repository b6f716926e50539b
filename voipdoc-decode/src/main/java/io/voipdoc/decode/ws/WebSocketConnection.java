package io.voipdoc.decode.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Both directions of one WebSocket connection in clear text: the opening handshake (RFC 6455 §4),
 * then frames (§5.2) that are unmasked (§5.3), joined across fragments (§5.4) and handed out as
 * {@link WebSocketMessage}s with {@link #next()}. Feed each direction's bytes in order, split
 * anywhere.
 *
 * <p>Each direction starts with its HTTP header section: the client's GET, the server's answer. An
 * answer other than 101 is {@code ws.upgrade_refused}, and neither direction is read as frames
 * afterwards (it stays HTTP). Ping, pong and close frames (§5.5) are counted, and the status code
 * of each side's close frame is kept (1005 when the frame has none, RFC 6455 §7.1.5).
 *
 * <p>Memory per connection is bounded by {@link WebSocketConfig}: a declared frame length is never
 * allocated, only the bytes that arrive, up to {@link WebSocketConfig#maxMessageSize()}. One
 * instance per TCP connection; not thread-safe.
 */
public final class WebSocketConnection {
  /** The side that sent the upgrade request. */
  public static final int CLIENT = 0;

  /** The side that answered it. */
  public static final int SERVER = 1;

  /** Close status for a close frame without a status code (RFC 6455 §7.1.5). */
  public static final int NO_STATUS = 1005;

  private static final int OP_CONTINUATION = 0;
  private static final int OP_TEXT = 1;
  private static final int OP_BINARY = 2;
  private static final int OP_CLOSE = 8;
  private static final int OP_PING = 9;
  private static final int OP_PONG = 10;
  private static final int MAX_CONTROL_PAYLOAD = 125;
  private static final int INITIAL_BUFFER = 512;

  private final WebSocketConfig config;
  private final Direction[] directions = {new Direction(CLIENT), new Direction(SERVER)};
  private final ArrayDeque<WebSocketMessage> ready = new ArrayDeque<>();
  private final List<WebSocketProblem.At> problems = new ArrayList<>();
  private long problemCount;
  private int upgradeStatus = -1;
  private boolean answered;
  private @Nullable String requestTarget;
  private @Nullable String requestHost;
  private @Nullable String requestedProtocols;
  private @Nullable String subprotocol;
  private long pings;
  private long pongs;
  private long closes;
  private final int[] closeStatus = {-1, -1};

  /** A connection with the default limits. */
  public WebSocketConnection() {
    this(WebSocketConfig.DEFAULT);
  }

  public WebSocketConnection(WebSocketConfig config) {
    this.config = config;
  }

  /**
   * Takes the next bytes of one direction, in order; {@code side} is {@link #CLIENT} or {@link
   * #SERVER}.
   */
  public void onStreamData(int side, byte[] data, int off, int len) {
    Objects.checkFromIndexSize(off, len, data.length);
    directions[side & 1].feed(data, off, len);
  }

  /**
   * Bytes of one direction were not captured: it cannot be read further (frames have no marker).
   */
  public void gap(int side, long missingBytes) {
    Direction d = directions[side & 1];
    if (d.state != State.IGNORED) {
      report(WebSocketProblem.STREAM_GAP, d, "missing=" + missingBytes);
      d.state = State.IGNORED;
    }
  }

  /** The next complete data message, or null when more bytes are needed. */
  public @Nullable WebSocketMessage next() {
    return ready.poll();
  }

  /** Problems since the last call, then clears them. */
  public List<WebSocketProblem.At> drainProblems() {
    List<WebSocketProblem.At> out = List.copyOf(problems);
    problems.clear();
    return out;
  }

  /** Problems counted so far, including those no longer kept. */
  public long problemCount() {
    return problemCount;
  }

  /** The status code of the server's answer to the upgrade, or -1 before it was seen. */
  public int upgradeStatus() {
    return upgradeStatus;
  }

  /**
   * Whether the server's answer to the upgrade was read: its header section ended (see {@link
   * #upgradeStatus()}), or it grew beyond {@link WebSocketConfig#maxHandshakeSize()}.
   */
  public boolean answered() {
    return answered;
  }

  /**
   * The request target of the client's upgrading GET ({@code /ws}), or null before its header
   * section was read.
   */
  public @Nullable String requestTarget() {
    return requestTarget;
  }

  /** The Host header of the client's upgrading GET, or null when absent or not yet read. */
  public @Nullable String requestHost() {
    return requestHost;
  }

  /**
   * The Sec-WebSocket-Protocol header of the client's GET, the subprotocols it asks for ({@code
   * sip} for RFC 7118), or null when absent or not yet read.
   */
  public @Nullable String requestedProtocols() {
    return requestedProtocols;
  }

  /** The subprotocol the server accepted ({@code sip} for RFC 7118), or null. */
  public @Nullable String subprotocol() {
    return subprotocol;
  }

  /** Ping frames seen, both directions. */
  public long pings() {
    return pings;
  }

  /** Pong frames seen, both directions. */
  public long pongs() {
    return pongs;
  }

  /** Close frames seen, both directions. */
  public long closes() {
    return closes;
  }

  /**
   * The status code of the last close frame {@code side} sent, {@link #NO_STATUS}, or -1 if none.
   */
  public int closeStatus(int side) {
    return closeStatus[side & 1];
  }

  private void report(WebSocketProblem problem, Direction d, String detail) {
    problemCount++;
    if (problems.size() < config.maxProblemsKept()) {
      problems.add(new WebSocketProblem.At(problem, d.side, d.position, detail));
    }
  }

  private void handshakeDone(Direction d, String headerSection) {
    if (d.side == CLIENT) {
      requestTarget = WebSocketHandshake.requestTarget(headerSection);
      requestHost = WebSocketHandshake.header(headerSection, "Host");
      requestedProtocols = WebSocketHandshake.header(headerSection, "Sec-WebSocket-Protocol");
      d.state = State.HEADER;
      return;
    }
    int status = WebSocketHandshake.statusCode(headerSection);
    upgradeStatus = status;
    answered = true;
    if (status == 101) {
      subprotocol = WebSocketHandshake.header(headerSection, "Sec-WebSocket-Protocol");
      d.state = State.HEADER;
      return;
    }
    if (status < 0) {
      int eol = headerSection.indexOf('\n');
      String first = eol < 0 ? headerSection : headerSection.substring(0, eol);
      report(WebSocketProblem.BAD_HANDSHAKE, d, "line=" + first.strip());
    } else {
      report(WebSocketProblem.UPGRADE_REFUSED, d, "status=" + status);
    }
    // Not upgraded: both sides go on speaking HTTP, which is not read here.
    directions[CLIENT].state = State.IGNORED;
    d.state = State.IGNORED;
  }

  private enum State {
    HANDSHAKE,
    HEADER,
    PAYLOAD,
    IGNORED
  }

  /** Where the current frame's payload goes. */
  private enum Sink {
    MESSAGE,
    CONTROL,
    SKIP
  }

  /** One direction: its handshake, the frame being read and the message being joined. */
  private final class Direction {
    final int side;
    State state = State.HANDSHAKE;

    /** Stream offset of the next byte. */
    long position;

    byte[] handshake = new byte[0];
    int handshakeLength;

    // frame header: 2 bytes, 0/2/8 bytes extended length, 0/4 bytes mask key (RFC 6455 §5.2)
    final byte[] header = new byte[14];
    int headerLength;
    int opcode;
    boolean fin;
    boolean masked;
    int maskOffset;
    long remaining;
    long payloadIndex;
    Sink sink = Sink.SKIP;

    /** Opcode of the message being joined, or -1 between messages. */
    int messageOpcode = -1;

    boolean messageDropped;
    int messageFrames;
    byte[] message = new byte[0];
    int messageLength;
    final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
    int controlLength;

    Direction(int side) {
      this.side = side;
    }

    void feed(byte[] data, int off, int len) {
      while (len > 0) {
        int n =
            switch (state) {
              case HANDSHAKE -> handshake(data, off, len);
              case HEADER -> header(data, off, len);
              case PAYLOAD -> payload(data, off, len);
              case IGNORED -> len;
            };
        off += n;
        len -= n;
        position += n;
      }
    }

    /** Buffers the header section up to its empty line; returns the bytes consumed. */
    private int handshake(byte[] data, int off, int len) {
      int n = Math.min(len, config.maxHandshakeSize() - handshakeLength);
      if (n <= 0) {
        report(WebSocketProblem.HANDSHAKE_TOO_LARGE, this, "max=" + config.maxHandshakeSize());
        answered |= side == SERVER;
        directions[CLIENT].state = State.IGNORED;
        directions[SERVER].state = State.IGNORED;
        return len;
      }
      if (handshakeLength + n > handshake.length) {
        int size = Math.max(INITIAL_BUFFER, handshake.length);
        while (size < handshakeLength + n) {
          size *= 2;
        }
        handshake = Arrays.copyOf(handshake, Math.min(size, config.maxHandshakeSize()));
      }
      int from = handshakeLength;
      System.arraycopy(data, off, handshake, handshakeLength, n);
      handshakeLength += n;
      // the header section ends with an empty line: CRLF CRLF, or LF LF from lax peers
      for (int i = Math.max(1, from); i < handshakeLength; i++) {
        if (handshake[i] == '\n'
            && (handshake[i - 1] == '\n'
                || (i >= 2 && handshake[i - 1] == '\r' && handshake[i - 2] == '\n'))) {
          int used = i + 1 - from;
          String section = new String(handshake, 0, i + 1, StandardCharsets.ISO_8859_1);
          handshake = new byte[0];
          handshakeLength = 0;
          handshakeDone(this, section);
          return used;
        }
      }
      return n;
    }

    /** Collects the frame header byte by byte (at most 14); returns the bytes consumed. */
    private int header(byte[] data, int off, int len) {
      int n = 0;
      while (n < len && headerLength < headerSize()) {
        header[headerLength++] = data[off + n++];
      }
      if (headerLength == headerSize()) {
        startFrame();
      }
      return n;
    }

    /** The header's size as far as known: 2 until the first two bytes are in. */
    private int headerSize() {
      if (headerLength < 2) {
        return 2;
      }
      int len7 = header[1] & 0x7f;
      int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
      return 2 + extended + ((header[1] & 0x80) != 0 ? 4 : 0);
    }

    private void startFrame() {
      //  0                   1
      //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
      // +-+-+-+-+-------+-+-------------+
      // |F|R|R|R| opcode|M| Payload len |
      // |I|S|S|S|  (4)  |A|     (7)     |
      // |N|V|V|V|       |S|             |
      // | |1|2|3|       |K|             |
      fin = (header[0] & 0x80) != 0;
      int rsv = (header[0] >> 4) & 0x7;
      opcode = header[0] & 0x0f;
      masked = (header[1] & 0x80) != 0;
      int len7 = header[1] & 0x7f;
      long length = len7;
      int p = 2;
      if (len7 == 126) {
        length = ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
        p = 4;
      } else if (len7 == 127) {
        length = 0;
        for (int i = 2; i < 10; i++) {
          length = (length << 8) | (header[i] & 0xffL);
        }
        p = 10;
      }
      headerLength = 0;
      if (length < 0) {
        report(WebSocketProblem.BAD_LENGTH, this, "");
        state = State.IGNORED;
        return;
      }
      if (length > config.maxFrameLength()) {
        report(
            WebSocketProblem.FRAME_TOO_LARGE,
            this,
            "length=" + length + " max=" + config.maxFrameLength());
        state = State.IGNORED;
        return;
      }
      if (side == CLIENT && !masked) {
        report(WebSocketProblem.UNMASKED_CLIENT_FRAME, this, "");
      } else if (side == SERVER && masked) {
        report(WebSocketProblem.MASKED_SERVER_FRAME, this, "");
      }
      maskOffset = p; // the masking key stays in header[p..p+3]
      remaining = length;
      payloadIndex = 0;
      sink = sinkFor(rsv, length);
      state = State.PAYLOAD;
      if (remaining == 0) {
        endFrame();
      }
    }

    private Sink sinkFor(int rsv, long length) {
      boolean data = opcode == OP_CONTINUATION || opcode == OP_TEXT || opcode == OP_BINARY;
      boolean starts = opcode == OP_TEXT || opcode == OP_BINARY;
      if ((rsv & 0x3) != 0 || (rsv == 0x4 && !starts)) {
        report(WebSocketProblem.RESERVED_BITS, this, "rsv=" + rsv);
      }
      if (!data && opcode != OP_CLOSE && opcode != OP_PING && opcode != OP_PONG) {
        report(WebSocketProblem.UNKNOWN_OPCODE, this, "opcode=" + opcode);
        return Sink.SKIP;
      }
      if (!data) {
        controlLength = 0;
        if (!fin || length > MAX_CONTROL_PAYLOAD) {
          report(
              WebSocketProblem.BAD_CONTROL_FRAME, this, "opcode=" + opcode + " length=" + length);
          return Sink.SKIP;
        }
        return Sink.CONTROL;
      }
      if (opcode == OP_CONTINUATION) {
        if (messageOpcode < 0) {
          report(WebSocketProblem.UNEXPECTED_CONTINUATION, this, "");
          return Sink.SKIP;
        }
      } else {
        if (messageOpcode >= 0) {
          report(WebSocketProblem.UNFINISHED_MESSAGE, this, "frames=" + messageFrames);
        }
        messageOpcode = opcode;
        messageLength = 0;
        messageFrames = 0;
        messageDropped = false;
        if ((rsv & 0x4) != 0) {
          report(WebSocketProblem.COMPRESSED_MESSAGE, this, "");
          messageDropped = true;
        }
      }
      messageFrames++;
      return Sink.MESSAGE;
    }

    /** Copies (unmasking) up to the rest of the payload; returns the bytes consumed. */
    private int payload(byte[] data, int off, int len) {
      int n = (int) Math.min(len, remaining);
      if (sink == Sink.MESSAGE && !messageDropped) {
        if ((long) messageLength + n > config.maxMessageSize()) {
          report(WebSocketProblem.MESSAGE_TOO_LARGE, this, "max=" + config.maxMessageSize());
          messageDropped = true;
          message = new byte[0];
        } else {
          ensureMessage(messageLength + n);
          unmask(data, off, n, message, messageLength);
          messageLength += n;
        }
      } else if (sink == Sink.CONTROL) {
        unmask(data, off, n, control, controlLength);
        controlLength += n;
      }
      remaining -= n;
      payloadIndex += n;
      if (remaining == 0) {
        endFrame();
      }
      return n;
    }

    private void unmask(byte[] from, int off, int n, byte[] to, int at) {
      System.arraycopy(from, off, to, at, n);
      if (masked) {
        // transformed-octet-i = original-octet-i XOR masking-key-octet-(i MOD 4) (§5.3)
        for (int i = 0; i < n; i++) {
          to[at + i] ^= header[maskOffset + (int) ((payloadIndex + i) & 3)];
        }
      }
    }

    private void ensureMessage(int size) {
      if (size > message.length) {
        int grown = Math.max(INITIAL_BUFFER, message.length);
        while (grown < size) {
          grown *= 2;
        }
        message = Arrays.copyOf(message, Math.min(grown, config.maxMessageSize()));
      }
    }

    private void endFrame() {
      state = State.HEADER;
      if (sink == Sink.CONTROL) {
        control();
      } else if (sink == Sink.MESSAGE && fin) {
        if (!messageDropped && messageLength > 0) {
          ready.add(
              new WebSocketMessage(
                  side,
                  messageOpcode == OP_TEXT,
                  messageFrames,
                  Arrays.copyOf(message, messageLength)));
        }
        messageOpcode = -1;
        messageLength = 0;
      }
    }

    private void control() {
      switch (opcode) {
        case OP_PING -> pings++;
        case OP_PONG -> pongs++;
        default -> {
          closes++;
          // a close body is a 2-byte status code, then an optional UTF-8 reason (§5.5.1)
          if (controlLength == 1) {
            report(WebSocketProblem.BAD_CONTROL_FRAME, this, "opcode=8 length=1");
          }
          closeStatus[side] =
              controlLength >= 2 ? ((control[0] & 0xff) << 8) | (control[1] & 0xff) : NO_STATUS;
        }
      }
    }
  }
}
