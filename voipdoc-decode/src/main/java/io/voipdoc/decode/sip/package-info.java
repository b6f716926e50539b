/**
 * SIP messages (RFC 3261) over datagrams and byte streams.
 *
 * <p>{@link io.voipdoc.decode.sip.SipDecoder} turns one datagram, or one message cut out of a
 * stream by {@link io.voipdoc.decode.sip.SipStreamFramer}, into a {@link
 * io.voipdoc.decode.sip.SipMessage}. SIP is recognised by the grammar of its start line (RFC 3261
 * §7.1, §7.2), never by a list of methods. The message keeps its header fields as raw slices in
 * wire order; typed views ({@code via()}, {@code cseq()}, {@code from()}, ...) are parsed on first
 * use. Every deviation from the grammar becomes a {@link io.voipdoc.decode.sip.SipProblem} with the
 * byte offset where it was seen; nothing here throws on bad input.
 *
 * <p>Covered: start lines and versions (§7.1, §7.2, §25.1), header folding and compact forms
 * (§7.3.1, §7.3.3, §20), Content-Length framing on streams and datagrams (§18.3, §20.14), SIP,
 * SIPS and tel URIs with escapes (§19.1, RFC 3966), name-addr and addr-spec (§20.10, §25.1), Via
 * with rport (§20.42, RFC 3581), Contact with {@code *}, expires and q (§20.10), CSeq (§20.16),
 * Reason (RFC 3326), multipart bodies (RFC 2046 §5.1) and the double-CRLF keep-alive of RFC 5626
 * §3.5.1. Compact forms include those of RFC 3265 (o, u), RFC 3515 (r), RFC 3892 (b), RFC 4028
 * (x) and RFC 8224 (y).
 *
 * <p>Not covered: authentication header parameters (read them with {@code header(name)}), Date
 * parsing, S/MIME, SIP over WebSocket framing (RFC 7118; the WebSocket layer hands whole messages
 * to {@code SipDecoder}), and message/sipfrag bodies.
 *
 * <p>The parsers are hand-written rather than generated from the ABNF: they run on the hot path,
 * work on byte offsets without intermediate strings, and must keep going past damage where a
 * generated parser would stop. This package depends on nothing but the JDK and JSpecify; a body
 * reaches the SDP decoder only as a byte range.
 */
@NullMarked
package io.voipdoc.decode.sip;

import org.jspecify.annotations.NullMarked;
