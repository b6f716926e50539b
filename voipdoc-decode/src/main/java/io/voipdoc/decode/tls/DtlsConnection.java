package io.voipdoc.decode.tls;

import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the datagrams of one DTLS association (RFC 6347 §4.1 and §4.2, RFC 9147 §4). Handshake
 * fragments of epoch 0 are reassembled per direction, one message at a time, within {@link
 * TlsConfig#maxHandshakeLength()}; records of later epochs and DTLS 1.3 ciphertext are reported but
 * not parsed. Never throws on bad input. Not thread-safe; one instance per 5-tuple.
 */
public final class DtlsConnection {
  static final int RECORD_HEADER = 13;
  static final int HANDSHAKE_HEADER = 12;

  private final TlsConfig config;
  private final TlsListener listener;
  private final HandshakeParser parser;
  private final Reassembly[] sides = {new Reassembly(), new Reassembly()};

  public DtlsConnection(TlsConfig config, TlsListener listener) {
    this.config = config;
    this.listener = listener;
    this.parser = new HandshakeParser(config, listener);
  }

  /**
   * Whether a datagram starts with a DTLS 1.0/1.2/1.3 plaintext record header: content type 20..25
   * (RFC 7983's 20..63 range, narrowed to the defined types), version 0xFEnn and a length that
   * fits. DTLS 1.3 ciphertext (first byte 32..63) is only read on flows already known to be DTLS.
   * Never throws.
   */
  public static boolean accepts(byte[] buf, int off, int len) {
    if (off < 0 || len < RECORD_HEADER || off > buf.length - len) {
      return false;
    }
    int type = buf[off] & 0xFF;
    int length = ((buf[off + 11] & 0xFF) << 8) | (buf[off + 12] & 0xFF);
    return type >= 20 && type <= 25 && (buf[off + 1] & 0xFF) == 0xFE
        && length <= len - RECORD_HEADER;
  }

  /** Feeds one datagram of direction {@code side} (0 or 1). */
  public void onDatagram(int side, byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off > buf.length - len) {
      return;
    }
    int p = off;
    int end = off + len;
    while (end - p > 0) {
      int type = buf[p] & 0xFF;
      if ((type & 0xE0) == 0x20) {
        p = unifiedHeader(side, buf, p, end);
        continue;
      }
      /*
       * struct {
       *     ContentType type;
       *     ProtocolVersion version;
       *     uint16 epoch;
       *     uint48 sequence_number;
       *     uint16 length;
       *     opaque fragment[DTLSPlaintext.length];
       * } DTLSPlaintext;                  RFC 6347 §4.1
       */
      if (end - p < RECORD_HEADER) {
        listener.onProblem(side, TlsProblem.DTLS_RECORD_TRUNCATED, "remaining=" + (end - p));
        return;
      }
      int version = ((buf[p + 1] & 0xFF) << 8) | (buf[p + 2] & 0xFF);
      int epoch = ((buf[p + 3] & 0xFF) << 8) | (buf[p + 4] & 0xFF);
      int length = ((buf[p + 11] & 0xFF) << 8) | (buf[p + 12] & 0xFF);
      if (type < TlsConnection.CHANGE_CIPHER_SPEC || type > 25) {
        listener.onProblem(side, TlsProblem.UNKNOWN_CONTENT_TYPE, "type=" + type);
        return;
      }
      if (length > end - p - RECORD_HEADER) {
        listener.onProblem(side, TlsProblem.DTLS_RECORD_TRUNCATED,
            "length=" + length + " remaining=" + (end - p - RECORD_HEADER));
        return;
      }
      listener.onRecord(side, type, version, epoch, length);
      int body = p + RECORD_HEADER;
      switch (type) {
        case TlsConnection.CHANGE_CIPHER_SPEC -> listener.onChangeCipherSpec(side);
        case TlsConnection.ALERT -> TlsConnection.alert(listener, side, epoch > 0, buf, body, length);
        case TlsConnection.HANDSHAKE -> {
          if (epoch > 0) {
            listener.onHandshake(side, -1, length);
          } else {
            fragments(side, buf, body, body + length);
          }
        }
        default -> listener.onApplicationData(side, length);
      }
      p = body + length;
    }
  }

  /**
   * DTLS 1.3 ciphertext (RFC 9147 §4): first byte 001CSLEE; C: connection ID present (its length
   * is not on the wire, so the rest of the datagram is taken as one record), S: 16-bit sequence
   * number, L: 16-bit length present.
   */
  private int unifiedHeader(int side, byte[] buf, int p, int end) {
    int first = buf[p] & 0xFF;
    int header = 1 + ((first & 0x08) != 0 ? 2 : 1);
    boolean hasLength = (first & 0x04) != 0;
    if ((first & 0x10) != 0 || !hasLength) {
      listener.onApplicationData(side, end - p);
      return end;
    }
    if (end - p < header + 2) {
      listener.onProblem(side, TlsProblem.DTLS_RECORD_TRUNCATED, "remaining=" + (end - p));
      return end;
    }
    int length = ((buf[p + header] & 0xFF) << 8) | (buf[p + header + 1] & 0xFF);
    if (length > end - p - header - 2) {
      listener.onProblem(side, TlsProblem.DTLS_RECORD_TRUNCATED, "length=" + length);
      return end;
    }
    listener.onApplicationData(side, length);
    return p + header + 2 + length;
  }

  /*
   * struct {
   *     HandshakeType msg_type;
   *     uint24 length;
   *     uint16 message_seq;
   *     uint24 fragment_offset;
   *     uint24 fragment_length;
   *     select (msg_type) { ... } body;
   * } Handshake;                          RFC 6347 §4.2.2
   */
  private void fragments(int side, byte[] b, int p, int end) {
    while (p < end) {
      if (end - p < HANDSHAKE_HEADER) {
        listener.onProblem(side, TlsProblem.DTLS_RECORD_TRUNCATED, "fragment header " + (end - p));
        return;
      }
      int type = b[p] & 0xFF;
      int length = u24(b, p + 1);
      int seq = ((b[p + 4] & 0xFF) << 8) | (b[p + 5] & 0xFF);
      int fragOffset = u24(b, p + 6);
      int fragLength = u24(b, p + 9);
      int body = p + HANDSHAKE_HEADER;
      if (fragLength > end - body) {
        listener.onProblem(side, TlsProblem.DTLS_RECORD_TRUNCATED,
            "fragment_length=" + fragLength + " remaining=" + (end - body));
        return;
      }
      if (fragOffset > length || fragLength > length - fragOffset) {
        listener.onProblem(side, TlsProblem.DTLS_FRAGMENT_INVALID,
            "offset=" + fragOffset + " fragment_length=" + fragLength + " length=" + length);
      } else if (fragOffset == 0 && fragLength == length) {
        complete(side, type, b, body, length);
      } else {
        fragment(side, type, length, seq, fragOffset, b, body, fragLength);
      }
      p = body + fragLength;
    }
  }

  private void fragment(
      int side, int type, int length, int seq, int offset, byte[] b, int body, int fragLength) {
    Reassembly r = sides[side];
    if (seq == r.completedSeq) {
      return; // a retransmitted fragment of a message already reassembled
    }
    if (length > config.maxHandshakeLength()) {
      listener.onProblem(side, TlsProblem.HANDSHAKE_TOO_LONG, "type=" + type + " length=" + length);
      return;
    }
    if (r.body == null || r.seq != seq) {
      // a new message replaces an unfinished one: DTLS peers retransmit whole flights
      r.seq = seq;
      r.type = type;
      r.body = new byte[length];
      r.received = new BitSet(length);
    } else if (r.type != type || r.body.length != length) {
      listener.onProblem(side, TlsProblem.DTLS_FRAGMENT_INVALID,
          "seq=" + seq + " length=" + length + " earlier=" + r.body.length);
      return;
    }
    System.arraycopy(b, body, r.body, offset, fragLength);
    r.received.set(offset, offset + fragLength);
    if (r.received.cardinality() == length) {
      byte[] whole = r.body;
      r.completedSeq = seq;
      r.body = null;
      r.received = null;
      complete(side, type, whole, 0, length);
    }
  }

  private void complete(int side, int type, byte[] b, int off, int length) {
    parser.handshake(side, type, b, off, length, true);
  }

  private static int u24(byte[] b, int p) {
    return ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
  }

  /** The one handshake message being reassembled in a direction. */
  private static final class Reassembly {
    int seq = -1;
    int type;
    int completedSeq = -1;
    byte @Nullable [] body;
    @Nullable BitSet received;
  }
}
