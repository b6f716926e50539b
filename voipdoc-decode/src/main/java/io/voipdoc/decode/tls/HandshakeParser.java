package io.voipdoc.decode.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the bodies of cleartext handshake messages, shared by TLS and DTLS. Every read is checked
 * against the end of the enclosing vector; a violation reports {@link
 * TlsProblem#HANDSHAKE_MALFORMED} and yields nothing.
 */
final class HandshakeParser {
  private static final int EXT_SERVER_NAME = 0;
  private static final int EXT_SUPPORTED_GROUPS = 10;
  private static final int EXT_SIGNATURE_ALGORITHMS = 13;
  private static final int EXT_ALPN = 16;
  private static final int EXT_SUPPORTED_VERSIONS = 43;

  /** SHA-256("HelloRetryRequest"), the ServerHello.random of a HelloRetryRequest (RFC 8446 §4.1.3). */
  private static final byte[] HRR_RANDOM = {
    (byte) 0xCF, 0x21, (byte) 0xAD, 0x74, (byte) 0xE5, (byte) 0x9A, 0x61, 0x11,
    (byte) 0xBE, 0x1D, (byte) 0x8C, 0x02, 0x1E, 0x65, (byte) 0xB8, (byte) 0x91,
    (byte) 0xC2, (byte) 0xA2, 0x11, 0x16, 0x7A, (byte) 0xBB, (byte) 0x8C, 0x5E,
    0x07, (byte) 0x9E, 0x09, (byte) 0xE2, (byte) 0xC8, (byte) 0xA8, 0x33, (byte) 0x9C
  };

  /** Thrown internally when a field runs past its vector; never leaves this class. */
  private static final class Overrun extends Exception {
    private static final long serialVersionUID = 1L;

    Overrun() {
      super(null, null, false, false);
    }
  }

  private static final Overrun OVERRUN = new Overrun();

  private final TlsConfig config;
  private final TlsListener listener;

  HandshakeParser(TlsConfig config, TlsListener listener) {
    this.config = config;
    this.listener = listener;
  }

  /**
   * Dispatches one complete handshake body. Returns the ServerHello when that is what it was, so
   * the caller can track the negotiated version.
   */
  @Nullable ServerHello handshake(int side, int type, byte[] b, int off, int len, boolean datagram) {
    listener.onHandshake(side, type, len);
    try {
      switch (type) {
        case 1 -> listener.onClientHello(side, clientHello(b, off, off + len, datagram));
        case 2 -> {
          ServerHello hello = serverHello(b, off, off + len);
          listener.onServerHello(side, hello);
          return hello;
        }
        case 11 -> certificates(side, b, off, off + len);
        default -> {
          // other messages are reported by type and length only
        }
      }
    } catch (Overrun e) {
      listener.onProblem(side, TlsProblem.HANDSHAKE_MALFORMED, "type=" + type + " length=" + len);
    }
    return null;
  }

  /*
   * struct {
   *     ProtocolVersion legacy_version;
   *     Random random;                                    // 32 bytes
   *     opaque legacy_session_id<0..32>;
   *     opaque cookie<0..2^8-1>;                          // DTLS only (RFC 6347 §4.2.1)
   *     CipherSuite cipher_suites<2..2^16-2>;
   *     opaque legacy_compression_methods<1..2^8-1>;
   *     Extension extensions<8..2^16-1>;                  // optional before TLS 1.3
   * } ClientHello;                                        RFC 8446 §4.1.2
   */
  private ClientHello clientHello(byte[] b, int p, int end, boolean datagram) throws Overrun {
    int version = u16(b, p, end);
    p += 2 + 32;
    int sessionId = u8(b, p, end);
    p = skip(p + 1, sessionId, end);
    int cookie = 0;
    if (datagram) {
      cookie = u8(b, p, end);
      p = skip(p + 1, cookie, end);
    }
    int suitesEnd = skip(p + 2, u16(b, p, end), end);
    List<Integer> suites = u16List(b, p + 2, suitesEnd);
    p = suitesEnd;
    int compressionEnd = skip(p + 1, u8(b, p, end), end);
    List<Integer> compression = new ArrayList<>();
    for (int i = p + 1; i < compressionEnd; i++) {
      compression.add(b[i] & 0xFF);
    }
    p = compressionEnd;
    String sni = null;
    List<Integer> versions = List.of();
    List<String> alpn = List.of();
    List<Integer> groups = List.of();
    List<Integer> sigalgs = List.of();
    List<Integer> types = new ArrayList<>();
    int extEnd = p < end ? skip(p + 2, u16(b, p, end), end) : p;
    p = p < end ? p + 2 : p;
    while (p < extEnd) {
      // struct { ExtensionType extension_type; opaque extension_data<0..2^16-1>; } Extension;
      int type = u16(b, p, extEnd);
      int dataEnd = skip(p + 4, u16(b, p + 2, extEnd), extEnd);
      int d = p + 4;
      types.add(type);
      switch (type) {
        case EXT_SERVER_NAME -> sni = serverName(b, d, dataEnd);
        case EXT_SUPPORTED_VERSIONS -> versions = u16List(b, d + 1, skip(d + 1, u8(b, d, dataEnd), dataEnd));
        case EXT_ALPN -> alpn = alpn(b, d, dataEnd);
        case EXT_SUPPORTED_GROUPS -> groups = u16List(b, d + 2, skip(d + 2, u16(b, d, dataEnd), dataEnd));
        case EXT_SIGNATURE_ALGORITHMS ->
            sigalgs = u16List(b, d + 2, skip(d + 2, u16(b, d, dataEnd), dataEnd));
        default -> {
          // kept by type only
        }
      }
      p = dataEnd;
    }
    return new ClientHello(version, sessionId, cookie, suites, List.copyOf(compression), sni,
        versions, alpn, groups, sigalgs, List.copyOf(types));
  }

  /*
   * struct { NameType name_type; select (name_type) { case host_name: HostName; } name; } ServerName;
   * struct { ServerName server_name_list<1..2^16-1> } ServerNameList;      RFC 6066 §3
   */
  private static @Nullable String serverName(byte[] b, int p, int end) throws Overrun {
    int listEnd = skip(p + 2, u16(b, p, end), end);
    p += 2;
    while (p < listEnd) {
      int nameType = u8(b, p, listEnd);
      int length = u16(b, p + 1, listEnd);
      int nameEnd = skip(p + 3, length, listEnd);
      if (nameType == 0) {
        return new String(b, p + 3, length, StandardCharsets.US_ASCII);
      }
      p = nameEnd;
    }
    return null;
  }

  /** ProtocolName protocol_name_list<2..2^16-1>, each opaque<1..2^8-1> (RFC 7301 §3.1). */
  private static List<String> alpn(byte[] b, int p, int end) throws Overrun {
    int listEnd = skip(p + 2, u16(b, p, end), end);
    p += 2;
    List<String> names = new ArrayList<>();
    while (p < listEnd) {
      int length = u8(b, p, listEnd);
      skip(p + 1, length, listEnd);
      names.add(new String(b, p + 1, length, StandardCharsets.US_ASCII));
      p += 1 + length;
    }
    return List.copyOf(names);
  }

  /*
   * struct {
   *     ProtocolVersion legacy_version;
   *     Random random;
   *     opaque legacy_session_id_echo<0..32>;
   *     CipherSuite cipher_suite;
   *     uint8 legacy_compression_method;
   *     Extension extensions<6..2^16-1>;
   * } ServerHello;                                        RFC 8446 §4.1.3
   */
  private static ServerHello serverHello(byte[] b, int p, int end) throws Overrun {
    int legacy = u16(b, p, end);
    skip(p + 2, 32, end);
    boolean hrr = Arrays.equals(b, p + 2, p + 34, HRR_RANDOM, 0, 32);
    p += 34;
    p = skip(p + 1, u8(b, p, end), end);
    int suite = u16(b, p, end);
    int compression = u8(b, p + 2, end);
    p += 3;
    int version = legacy;
    List<Integer> types = new ArrayList<>();
    if (p < end) {
      int extEnd = skip(p + 2, u16(b, p, end), end);
      p += 2;
      while (p < extEnd) {
        int type = u16(b, p, extEnd);
        int dataEnd = skip(p + 4, u16(b, p + 2, extEnd), extEnd);
        types.add(type);
        if (type == EXT_SUPPORTED_VERSIONS) {
          // ServerHello carries one selected_version (RFC 8446 §4.2.1)
          version = u16(b, p + 4, dataEnd);
        }
        p = dataEnd;
      }
    }
    return new ServerHello(legacy, version, suite, compression, hrr, List.copyOf(types));
  }

  /*
   * opaque ASN.1Cert<1..2^24-1>;
   * struct { ASN.1Cert certificate_list<0..2^24-1>; } Certificate;   RFC 5246 §7.4.2
   * (TLS 1.3's Certificate is encrypted and never reaches here.)
   */
  private void certificates(int side, byte[] b, int p, int end) throws Overrun {
    int listEnd = skip(p + 3, u24(b, p, end), end);
    p += 3;
    List<TlsCertificate> chain = new ArrayList<>();
    while (p < listEnd) {
      int length = u24(b, p, listEnd);
      skip(p + 3, length, listEnd);
      if (chain.size() == config.maxCertificates()) {
        listener.onProblem(side, TlsProblem.TOO_MANY_CERTIFICATES, "max=" + config.maxCertificates());
        break;
      }
      TlsCertificate c = TlsCertificate.parse(b, p + 3, length);
      if (c == null) {
        listener.onProblem(side, TlsProblem.CERTIFICATE_UNPARSABLE,
            "index=" + chain.size() + " length=" + length);
      } else {
        chain.add(c);
      }
      p += 3 + length;
    }
    listener.onCertificates(side, List.copyOf(chain));
  }

  private static List<Integer> u16List(byte[] b, int p, int end) throws Overrun {
    List<Integer> values = new ArrayList<>((end - p) / 2);
    for (; p + 1 < end; p += 2) {
      values.add(u16(b, p, end));
    }
    return List.copyOf(values);
  }

  /** The position after {@code length} bytes from {@code p}, which must not pass {@code end}. */
  private static int skip(int p, int length, int end) throws Overrun {
    if (p > end || length > end - p) {
      throw OVERRUN;
    }
    return p + length;
  }

  private static int u8(byte[] b, int p, int end) throws Overrun {
    if (p >= end) {
      throw OVERRUN;
    }
    return b[p] & 0xFF;
  }

  static int u16(byte[] b, int p, int end) throws Overrun {
    if (p > end - 2) {
      throw OVERRUN;
    }
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static int u24(byte[] b, int p, int end) throws Overrun {
    if (p > end - 3) {
      throw OVERRUN;
    }
    return ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
  }
}
