package io.voipdoc.decode.rtp;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1).
 *
 * @param ssrc the source this block reports on
 * @param fractionLost lost fraction since the previous report, in 1/256 units (0..255)
 * @param cumulativeLost packets lost since the start, signed 24 bits (duplicates make it negative)
 * @param highestSequence extended highest sequence number received (cycles in the top 16 bits)
 * @param jitter interarrival jitter in RTP timestamp units
 * @param lastSr LSR: middle 32 bits of the last SR's NTP timestamp, 0 if none received
 * @param delaySinceLastSr DLSR in units of 1/65536 s
 */
public record ReportBlock(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long highestSequence,
    long jitter,
    long lastSr,
    long delaySinceLastSr) {}
