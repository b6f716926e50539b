package io.voipdoc.decode.tls;

import java.util.List;

/**
 * Receives what a {@link TlsConnection} or {@link DtlsConnection} finds, in wire order. {@code
 * side} is the caller's direction number (0 or 1) of the bytes that carried it. Every method has an
 * empty default.
 */
public interface TlsListener {

  /** A record header: content type, record version, body length (DTLS: also epoch). */
  default void onRecord(int side, int contentType, int version, int epoch, int length) {}

  /** A complete cleartext handshake message of any type (after reassembly). */
  default void onHandshake(int side, int type, int length) {}

  default void onClientHello(int side, ClientHello hello) {}

  default void onServerHello(int side, ServerHello hello) {}

  /** The chain of a Certificate message, leaf first. */
  default void onCertificates(int side, List<TlsCertificate> chain) {}

  default void onAlert(int side, TlsAlert alert) {}

  default void onChangeCipherSpec(int side) {}

  /** Application data, or a TLS 1.3 / DTLS encrypted record. */
  default void onApplicationData(int side, int length) {}

  /** Damage; {@code detail} holds raw facts such as lengths. */
  default void onProblem(int side, TlsProblem problem, String detail) {}
}
