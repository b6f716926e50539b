package io.voipdoc.decode.tls;

import java.util.List;

/**
 * A ServerHello (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3).
 *
 * @param legacyVersion the server_version field
 * @param version the version chosen: supported_versions when present (TLS 1.3), else legacyVersion
 * @param cipherSuite the chosen cipher suite
 * @param compressionMethod the chosen compression method
 * @param helloRetryRequest whether this is a HelloRetryRequest (the special random of RFC 8446
 *     §4.1.3)
 * @param extensionTypes every extension type in order
 */
public record ServerHello(
    int legacyVersion,
    int version,
    int cipherSuite,
    int compressionMethod,
    boolean helloRetryRequest,
    List<Integer> extensionTypes) {}
