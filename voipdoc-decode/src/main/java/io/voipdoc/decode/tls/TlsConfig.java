package io.voipdoc.decode.tls;

/**
 * Limits of the TLS and DTLS readers.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxRecordLength}</td><td>{@value #DEFAULT_MAX_RECORD_LENGTH}</td>
 *       <td>2^14 + 2048, the largest TLSCiphertext of RFC 5246 §6.2.3; a longer record means the
 *       stream is not TLS or is out of step</td></tr>
 *   <tr><td>{@code maxHandshakeLength}</td><td>{@value #DEFAULT_MAX_HANDSHAKE_LENGTH}</td>
 *       <td>largest handshake message reassembled (per direction); certificate chains seen on
 *       SIP/TLS are below 16 KiB</td></tr>
 *   <tr><td>{@code maxCertificates}</td><td>{@value #DEFAULT_MAX_CERTIFICATES}</td>
 *       <td>certificates parsed per chain</td></tr>
 * </table>
 *
 * @param maxRecordLength largest record body accepted
 * @param maxHandshakeLength largest handshake message reassembled
 * @param maxCertificates certificates parsed per Certificate message
 */
public record TlsConfig(int maxRecordLength, int maxHandshakeLength, int maxCertificates) {
  /** Default for {@link #maxRecordLength()}. */
  public static final int DEFAULT_MAX_RECORD_LENGTH = 16384 + 2048;

  /** Default for {@link #maxHandshakeLength()}. */
  public static final int DEFAULT_MAX_HANDSHAKE_LENGTH = 65536;

  /** Default for {@link #maxCertificates()}. */
  public static final int DEFAULT_MAX_CERTIFICATES = 10;

  /** The defaults. */
  public static final TlsConfig DEFAULTS =
      new TlsConfig(
          DEFAULT_MAX_RECORD_LENGTH, DEFAULT_MAX_HANDSHAKE_LENGTH, DEFAULT_MAX_CERTIFICATES);

  public TlsConfig {
    if (maxRecordLength < 1 || maxHandshakeLength < 4 || maxCertificates < 1) {
      throw new IllegalArgumentException(
          "limits out of range: " + maxRecordLength + ", " + maxHandshakeLength + ", "
              + maxCertificates);
    }
  }
}
