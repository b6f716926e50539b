/**
 * Link layers: finds where the network-layer packet starts in a frame of a given LINKTYPE_*.
 *
 * <p>Decoded: Ethernet II and IEEE 802.3 with LLC/SNAP; 802.1Q (0x8100), 802.1ad (0x88A8) and
 * the pre-standard 0x9100 tags, stacked; PPPoE session stage (RFC 2516 §4) carrying PPP IPv4 or
 * IPv6 (RFC 1661 §2, protocols 0x0021 and 0x0057); MPLS label stacks (RFC 3032 §2.1) ending in
 * IPv4, IPv6 or an Ethernet pseudowire with or without control word (RFC 4448 §3, RFC 4385 §3);
 * Linux cooked capture v1 and v2; raw IP; BSD loopback (NULL and LOOP); Linux NFLOG.
 *
 * <p>Not decoded (reported as "not IP" or "unsupported link type", never as an error): 802.11,
 * token ring, PPP framing other than PPPoE sessions, PPPoE discovery, ATM. The decoders here are
 * stateless and depend only on {@code io.voipdoc.capture}.
 */
@NullMarked
package io.voipdoc.decode.link;

import org.jspecify.annotations.NullMarked;
