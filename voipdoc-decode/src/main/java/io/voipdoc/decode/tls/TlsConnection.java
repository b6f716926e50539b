package io.voipdoc.decode.tls;

import java.util.Arrays;

/**
 * Reads one TLS connection from the in-order byte streams of its two directions (RFC 8446 §5,
 * RFC 5246 §6.2). Records cut across segments and handshake messages spread over several records
 * are reassembled, each in a bounded per-direction buffer; bytes after encryption starts are
 * reported as records but not parsed. Never throws on bad input: a direction whose record framing
 * is lost reports one problem and is then ignored.
 *
 * <p>Not thread-safe; one instance per connection.
 */
public final class TlsConnection {
  static final int RECORD_HEADER = 5;
  static final int CHANGE_CIPHER_SPEC = 20;
  static final int ALERT = 21;
  static final int HANDSHAKE = 22;
  static final int APPLICATION_DATA = 23;
  static final int HEARTBEAT = 24;
  static final int TLS13 = 0x0304;

  private final TlsConfig config;
  private final TlsListener listener;
  private final HandshakeParser parser;
  private final Side[] sides;
  private int negotiatedVersion = -1;

  public TlsConnection(TlsConfig config, TlsListener listener) {
    this.config = config;
    this.listener = listener;
    this.parser = new HandshakeParser(config, listener);
    this.sides = new Side[] {new Side(), new Side()};
  }

  /**
   * Whether a byte stream starts like TLS: a handshake record (RFC 5246 §6.2.1) of version 3.x
   * whose length is plausible. Reads 5 bytes; never throws.
   */
  public static boolean accepts(byte[] buf, int off, int len) {
    if (off < 0 || len < RECORD_HEADER || off > buf.length - len) {
      return false;
    }
    int length = ((buf[off + 3] & 0xFF) << 8) | (buf[off + 4] & 0xFF);
    return buf[off] == HANDSHAKE && buf[off + 1] == 3 && (buf[off + 2] & 0xFF) <= 4
        && length > 0 && length <= TlsConfig.DEFAULT_MAX_RECORD_LENGTH;
  }

  /** The version chosen by the ServerHello seen so far, or -1. */
  public int negotiatedVersion() {
    return negotiatedVersion;
  }

  /** Feeds in-order bytes of direction {@code side} (0 or 1). */
  public void onStreamData(int side, byte[] data, int off, int len) {
    Side s = sides[side];
    while (len > 0 && !s.lost) {
      int n = Math.min(len, s.records.length - s.filled);
      System.arraycopy(data, off, s.records, s.filled, n);
      s.filled += n;
      off += n;
      len -= n;
      int consumed = readRecords(side, s);
      System.arraycopy(s.records, consumed, s.records, 0, s.filled - consumed);
      s.filled -= consumed;
    }
  }

  /*
   * struct {
   *     ContentType type;                 // 1 byte
   *     ProtocolVersion legacy_record_version;
   *     uint16 length;
   *     opaque fragment[TLSPlaintext.length];
   * } TLSPlaintext;                       RFC 8446 §5.1
   */
  private int readRecords(int side, Side s) {
    int p = 0;
    while (s.filled - p >= RECORD_HEADER) {
      int type = s.records[p] & 0xFF;
      int version = ((s.records[p + 1] & 0xFF) << 8) | (s.records[p + 2] & 0xFF);
      int length = ((s.records[p + 3] & 0xFF) << 8) | (s.records[p + 4] & 0xFF);
      if (type < CHANGE_CIPHER_SPEC || type > HEARTBEAT) {
        lose(side, s, TlsProblem.UNKNOWN_CONTENT_TYPE, "type=" + type);
        return s.filled;
      }
      if (length > config.maxRecordLength()) {
        lose(side, s, TlsProblem.RECORD_TOO_LONG, "length=" + length);
        return s.filled;
      }
      if (s.filled - p - RECORD_HEADER < length) {
        break;
      }
      listener.onRecord(side, type, version, 0, length);
      record(side, s, type, s.records, p + RECORD_HEADER, length);
      p += RECORD_HEADER + length;
    }
    return p;
  }

  private void record(int side, Side s, int type, byte[] b, int off, int len) {
    switch (type) {
      case CHANGE_CIPHER_SPEC -> {
        listener.onChangeCipherSpec(side);
        // in TLS 1.3 ChangeCipherSpec is a compatibility no-op (RFC 8446 §5; D.4)
        if (negotiatedVersion != TLS13) {
          s.encrypted = true;
        }
      }
      case ALERT -> alert(listener, side, s.encrypted, b, off, len);
      case HANDSHAKE -> {
        if (s.encrypted) {
          listener.onHandshake(side, -1, len);
        } else {
          handshakeBytes(side, s, b, off, len);
        }
      }
      default -> listener.onApplicationData(side, len);
    }
  }

  static void alert(TlsListener listener, int side, boolean encrypted, byte[] b, int off, int len) {
    // struct { AlertLevel level; AlertDescription description; } Alert;   RFC 8446 §6
    if (encrypted) {
      listener.onAlert(side, new TlsAlert(-1, -1, true));
    } else if (len != 2) {
      listener.onProblem(side, TlsProblem.ALERT_MALFORMED, "length=" + len);
    } else {
      listener.onAlert(side, new TlsAlert(b[off] & 0xFF, b[off + 1] & 0xFF, false));
    }
  }

  /*
   * struct {
   *     HandshakeType msg_type;           // 1 byte
   *     uint24 length;
   *     select (msg_type) { ... };
   * } Handshake;                          RFC 8446 §4
   */
  private void handshakeBytes(int side, Side s, byte[] b, int off, int len) {
    if (s.handshakeLost) {
      return;
    }
    if (len > config.maxHandshakeLength() - s.handshakeFilled) {
      s.handshakeLost = true;
      listener.onProblem(side, TlsProblem.HANDSHAKE_TOO_LONG,
          "buffered=" + (s.handshakeFilled + len));
      return;
    }
    if (s.handshake.length < s.handshakeFilled + len) {
      s.handshake = Arrays.copyOf(s.handshake,
          Math.min(config.maxHandshakeLength(), Math.max(s.handshakeFilled + len, 2 * s.handshake.length)));
    }
    System.arraycopy(b, off, s.handshake, s.handshakeFilled, len);
    s.handshakeFilled += len;
    int p = 0;
    while (s.handshakeFilled - p >= 4 && !s.encrypted) {
      int type = s.handshake[p] & 0xFF;
      int length = ((s.handshake[p + 1] & 0xFF) << 16) | ((s.handshake[p + 2] & 0xFF) << 8)
          | (s.handshake[p + 3] & 0xFF);
      if (length > config.maxHandshakeLength() - 4) {
        s.handshakeLost = true;
        listener.onProblem(side, TlsProblem.HANDSHAKE_TOO_LONG, "type=" + type + " length=" + length);
        return;
      }
      if (s.handshakeFilled - p - 4 < length) {
        break;
      }
      ServerHello hello = parser.handshake(side, type, s.handshake, p + 4, length, false);
      if (hello != null) {
        // a HelloRetryRequest already names the version, so the client's compatibility
        // ChangeCipherSpec before its second ClientHello is known not to start encryption
        negotiatedVersion = hello.version();
        // everything the server sends after a TLS 1.3 ServerHello is encrypted (RFC 8446 §2)
        s.encrypted |= negotiatedVersion == TLS13 && !hello.helloRetryRequest();
      }
      p += 4 + length;
    }
    System.arraycopy(s.handshake, p, s.handshake, 0, s.handshakeFilled - p);
    s.handshakeFilled -= p;
  }

  private void lose(int side, Side s, TlsProblem problem, String detail) {
    s.lost = true;
    listener.onProblem(side, problem, detail);
  }

  /** Per-direction state: the record buffer (fixed) and the handshake buffer (grows, bounded). */
  private final class Side {
    final byte[] records = new byte[RECORD_HEADER + config.maxRecordLength()];
    int filled;
    byte[] handshake = new byte[256];
    int handshakeFilled;
    boolean encrypted;
    boolean lost;
    boolean handshakeLost;
  }
}
