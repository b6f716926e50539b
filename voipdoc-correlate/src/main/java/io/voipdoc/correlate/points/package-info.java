/**
 * Several capture points of one incident: captures taken at the same time at two or more places
 * (a phone and its server, the LAN and WAN side of a router) show many of the same packets.
 * {@link io.voipdoc.correlate.points.PointMatcher} matches those packets across the points (SIP by
 * Call-ID, CSeq, top Via branch and method or status; STUN by transaction ID; RTP by SSRC and
 * sequence number), estimates the clock offset of each pair of points, and derives {@link
 * io.voipdoc.correlate.points.CapturePoints}: what vanished between two points, which addresses
 * and ports a NAT rewrote, what changed inside SIP messages on the way, and which point captured
 * only part of the time another did.
 *
 * <p>Packets are held only while a copy may still turn up at another point (a window of capture
 * time); afterwards each is folded into per-flow counts, so memory follows the number of flows, not
 * of packets.
 */
@NullMarked
package io.voipdoc.correlate.points;

import org.jspecify.annotations.NullMarked;
