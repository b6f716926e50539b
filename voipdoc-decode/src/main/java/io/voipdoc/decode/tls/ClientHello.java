package io.voipdoc.decode.tls;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ClientHello (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2, RFC 6347 §4.2.1 for the DTLS cookie).
 *
 * @param legacyVersion the client_version field (0x0303 for TLS 1.2 and 1.3, 0xFEFD for DTLS 1.2)
 * @param sessionIdLength length of the legacy session ID
 * @param cookieLength DTLS cookie length (0 for TLS)
 * @param cipherSuites offered cipher suites in order
 * @param compressionMethods offered compression methods
 * @param serverName the host_name of server_name (SNI, RFC 6066 §3), or null
 * @param supportedVersions supported_versions (RFC 8446 §4.2.1), empty when absent
 * @param alpn ALPN protocol names (RFC 7301), empty when absent
 * @param supportedGroups supported_groups (RFC 8446 §4.2.7), empty when absent
 * @param signatureAlgorithms signature_algorithms (RFC 8446 §4.2.3), empty when absent
 * @param extensionTypes every extension type in order
 */
public record ClientHello(
    int legacyVersion,
    int sessionIdLength,
    int cookieLength,
    List<Integer> cipherSuites,
    List<Integer> compressionMethods,
    @Nullable String serverName,
    List<Integer> supportedVersions,
    List<String> alpn,
    List<Integer> supportedGroups,
    List<Integer> signatureAlgorithms,
    List<Integer> extensionTypes) {}
