/**
 * Media correlation: what happened on the media path of calls, rebuilt from decoded STUN, RTP,
 * RTCP, TLS/DTLS and ICMP messages and the SDP bodies of the calls.
 *
 * <p>Entry point: {@link io.voipdoc.correlate.media.MediaCorrelator}. It produces
 *
 * <ul>
 *   <li>{@link io.voipdoc.correlate.media.RtpStream}: one SSRC on one 5-tuple (RFC 3550 §3), with
 *       loss, sequence errors, interarrival jitter (RFC 3550 §6.4.1 and A.8, folded as Wireshark's
 *       RTP stream analysis does), the peer's RTCP reports (RFC 3550 §6.4, RFC 3611 §4.7) and an
 *       E-model MOS estimate (ITU-T G.107, G.113);
 *   <li>{@link io.voipdoc.correlate.media.IceSession}: candidates and connectivity checks of a call
 *       (RFC 8445 §7, RFC 8839);
 *   <li>{@link io.voipdoc.correlate.media.StunServerExchange}: requests to STUN/TURN servers (RFC
 *       8489, RFC 8656);
 *   <li>{@link io.voipdoc.correlate.media.TlsConnectionSeen}: TLS and DTLS handshakes (RFC 8446,
 *       RFC 5246, RFC 6347);
 *   <li>{@link io.voipdoc.correlate.media.IcmpEvent}: ICMP errors with the quoted 5-tuple.
 * </ul>
 *
 * <p>Packets are never stored: statistics fold incrementally, state is kept per active stream,
 * transaction and connection in maps bounded by {@link
 * io.voipdoc.correlate.media.MediaCorrelatorConfig}, and idle state expires on capture time.
 */
@NullMarked
package io.voipdoc.correlate.media;

import org.jspecify.annotations.NullMarked;
