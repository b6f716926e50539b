/**
 * IPv4 and IPv6 headers and the transport headers they carry, as stateless decoders into
 * reusable holders ({@link io.voipdoc.decode.ip.IpHeader}, {@link
 * io.voipdoc.decode.ip.TransportHeader}, {@link io.voipdoc.decode.ip.IcmpMessage}), plus the
 * reassembly of IP fragments.
 *
 * <p>Decoded: IPv4 (RFC 791 §3.1; options skipped by IHL, checksum not verified); IPv6 (RFC 8200
 * §3) with hop-by-hop, routing, fragment and destination-options headers (§4.3-4.6), mobility
 * (RFC 6275 §6.1) and AH (RFC 4302 §2) skipped by their length fields; UDP (RFC 768); the TCP
 * header (RFC 9293 §3.1, options skipped by the data offset); ICMP (RFC 792) and ICMPv6 (RFC
 * 4443 §3) error messages with the quoted packet's addresses and ports.
 *
 * <p>Not decoded: ESP payloads (encrypted), IPv4 options' contents, checksums. The decoders here
 * depend only on {@code io.voipdoc.capture}.
 */
@NullMarked
package io.voipdoc.decode.ip;

import org.jspecify.annotations.NullMarked;
