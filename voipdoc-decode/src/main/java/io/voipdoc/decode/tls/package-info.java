/**
 * TLS (RFC 5246, RFC 8446) and DTLS (RFC 6347, RFC 9147) record layers and the cleartext part of
 * their handshakes: ClientHello (SNI, supported_versions, ALPN, supported_groups,
 * signature_algorithms), ServerHello (chosen version and cipher, HelloRetryRequest), Certificate
 * chains (TLS 1.2 and earlier, read with {@link java.security.cert.CertificateFactory}), alerts and
 * ChangeCipherSpec.
 *
 * <p>{@link io.voipdoc.decode.tls.TlsConnection} reads both directions of a TLS connection over an
 * in-order byte stream, reassembling records cut across segments and handshake messages spread
 * over records, in bounded buffers. {@link io.voipdoc.decode.tls.DtlsConnection} does the same for
 * DTLS datagrams, reassembling fragmented handshake messages. Findings are reported to a {@link
 * io.voipdoc.decode.tls.TlsListener}.
 *
 * <p>The wire decoders are written by hand rather than taken from a TLS library: a TLS stack would
 * try to take part in the handshake, whereas voipdoc only observes it; the readers sit on the
 * capture path and must be total functions over untrusted bytes (damage becomes a {@link
 * io.voipdoc.decode.tls.TlsProblem}, never an exception) that never allocate in proportion to an
 * unchecked length field.
 *
 * <p>Not decoded: anything encrypted (TLS 1.3 after ServerHello, TLS 1.2 after ChangeCipherSpec,
 * DTLS epochs above 0), DTLS 1.3 records with a connection ID, SSL 2.0 hellos.
 */
@NullMarked
package io.voipdoc.decode.tls;

import org.jspecify.annotations.NullMarked;
