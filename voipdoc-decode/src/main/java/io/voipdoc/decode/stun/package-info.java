/**
 * STUN (RFC 8489, RFC 5389 and the classic RFC 3489 form without magic cookie), its ICE (RFC
 * 8445) and TURN (RFC 8656) attributes, and TURN ChannelData framing (RFC 8656 §12.4).
 *
 * <p>{@link io.voipdoc.decode.stun.StunDecoder} recognises and decodes one STUN message; {@link
 * io.voipdoc.decode.stun.ChannelDataDecoder} decodes one ChannelData frame. Attributes are kept
 * raw and in wire order; typed accessors on {@link io.voipdoc.decode.stun.StunMessage} read them
 * on demand. FINGERPRINT is checked during decoding; MESSAGE-INTEGRITY and
 * MESSAGE-INTEGRITY-SHA256 are checked when the caller supplies a key ({@link
 * io.voipdoc.decode.stun.StunCredentials}).
 *
 * <p>The wire decoders are written by hand rather than generated or borrowed from a STUN library:
 * they sit on the capture hot path, must be total functions over untrusted bytes (damage becomes a
 * {@link io.voipdoc.decode.stun.StunProblem}, never an exception), and must not allocate in
 * proportion to a length field read from the wire.
 *
 * <p>Not supported: PASSWORD-ALGORITHM negotiation (long-term keys are MD5 only), SASLprep
 * (passwords and user names are taken as UTF-8 as given; RFC 5769's vectors are already
 * normalised), TURN over TCP framing (RFC 6062), and the STUN/TURN-over-TLS transport.
 */
@NullMarked
package io.voipdoc.decode.stun;

import org.jspecify.annotations.NullMarked;
