package io.voipdoc.decode.tls;

/** Damage found in TLS or DTLS; {@link #id()} is stable. */
public enum TlsProblem {
  /** A record's content type is not 20..25: the stream is not TLS or is out of step. */
  UNKNOWN_CONTENT_TYPE("tls.unknown_content_type"),
  /** A record longer than {@link TlsConfig#maxRecordLength()}. */
  RECORD_TOO_LONG("tls.record_too_long"),
  /** A handshake message longer than {@link TlsConfig#maxHandshakeLength()}. */
  HANDSHAKE_TOO_LONG("tls.handshake_too_long"),
  /** A handshake message whose fields run past its length. */
  HANDSHAKE_MALFORMED("tls.handshake_malformed"),
  /** A certificate that {@link java.security.cert.CertificateFactory} cannot parse. */
  CERTIFICATE_UNPARSABLE("tls.certificate_unparsable"),
  /** More certificates in a chain than {@link TlsConfig#maxCertificates()}. */
  TOO_MANY_CERTIFICATES("tls.too_many_certificates"),
  /** A cleartext alert whose length is not 2. */
  ALERT_MALFORMED("tls.alert_malformed"),
  /** A DTLS record or handshake fragment header that runs past the datagram or record. */
  DTLS_RECORD_TRUNCATED("dtls.record_truncated"),
  /** A DTLS fragment outside its message, or disagreeing with earlier fragments on the length. */
  DTLS_FRAGMENT_INVALID("dtls.fragment_invalid");

  private final String id;

  TlsProblem(String id) {
    this.id = id;
  }

  /** The stable identifier, {@code tls.<snake_case>} or {@code dtls.<snake_case>}. */
  public String id() {
    return id;
  }
}
