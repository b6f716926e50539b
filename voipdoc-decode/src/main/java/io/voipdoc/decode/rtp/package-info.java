/**
 * RTP (RFC 3550 §5) with RFC 8285 header extensions, and RTCP compound packets (RFC 3550 §6):
 * sender and receiver reports with report blocks, SDES, BYE, APP, the RTPFB/PSFB feedback headers
 * (RFC 4585 §6.1) and extended reports (RFC 3611) with the VoIP metrics block.
 *
 * <p>{@link io.voipdoc.decode.rtp.RtpDecoder} fills a reusable {@link
 * io.voipdoc.decode.rtp.RtpPacket} so that the per-packet media path allocates nothing; {@link
 * io.voipdoc.decode.rtp.RtcpDecoder} returns immutable records, since RTCP is a few packets per
 * stream every few seconds. RTP and RTCP sharing a port (RFC 5761) are told apart by {@code
 * accepts}: payload types 72..76 with the marker bit are RTCP's 200..204.
 *
 * <p>The wire decoders are written by hand: they run once per media packet on the capture hot
 * path, must be total functions over untrusted bytes (damage becomes an {@link
 * io.voipdoc.decode.rtp.RtpProblem}, never an exception), and must not allocate in proportion to a
 * length field read from the wire.
 *
 * <p>Not decoded: SRTP/SRTCP payloads (encrypted; headers are read as for RTP), feedback control
 * information beyond the common header, and XR blocks other than VoIP metrics (counted only).
 */
@NullMarked
package io.voipdoc.decode.rtp;

import org.jspecify.annotations.NullMarked;
