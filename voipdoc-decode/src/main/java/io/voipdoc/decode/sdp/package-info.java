/**
 * SDP session descriptions (RFC 8866), with the attributes a VoIP diagnosis needs: codecs (rtpmap,
 * fmtp, ptime, maxptime; RFC 3551 static payload types), direction (§6.7), RTCP port (RFC 3605),
 * rtcp-mux (RFC 5761), DTLS fingerprint and setup (RFC 8122, RFC 4145), ICE (RFC 8839: ufrag,
 * pwd, options, lite, candidates, end-of-candidates), SDES crypto (RFC 4568), mid and group (RFC
 * 5888).
 *
 * <p>{@link io.voipdoc.decode.sdp.SdpDecoder} never returns null for text and never throws: every
 * deviation is a {@link io.voipdoc.decode.sdp.SdpProblem} on the result and the rest is still
 * read. Unknown attributes are kept in order as plain name/value pairs.
 *
 * <p>Not covered: repeat times ({@code r=}), time-zone adjustments ({@code z=}) and encryption
 * keys ({@code k=}, obsolete) are accepted and ignored; fmtp parameters are kept as text.
 *
 * <p>The decoder is hand-written rather than generated from the ABNF, so that one damaged line
 * costs one problem instead of the whole description. This package depends on nothing but the
 * JDK and JSpecify; it receives bodies as plain byte ranges from whoever holds them.
 */
@NullMarked
package io.voipdoc.decode.sdp;

import org.jspecify.annotations.NullMarked;
