/**
 * Tunnels and capture encapsulations that carry packets seen elsewhere: stateless decoders that
 * find the inner packet so it can be decoded as if captured directly.
 *
 * <p>Decoded: GRE (RFC 2784 §2.1 with the key and sequence number of RFC 2890 §2, and the
 * enhanced GRE header of RFC 2637 §4.1); ERSPAN types I, II and III (draft-foschiano-erspan-03
 * §4), including type III's optional platform subheader; VXLAN (RFC 7348 §5); HEP versions 1,
 * 2 and 3 (the Homer Encapsulation Protocol of sipcapture.org, HEP3 chunks of vendor 0), over UDP
 * and, framed by {@link io.voipdoc.decode.tunnel.HepStreamFramer}, over TCP.
 *
 * <p>Not decoded: GRE source routing (RFC 1701), ERSPAN type III frames other than Ethernet,
 * compressed HEP3 payloads (chunk 16), vendor-specific HEP3 chunks (skipped). The decoders here
 * depend only on {@code io.voipdoc.capture}.
 */
@NullMarked
package io.voipdoc.decode.tunnel;

import org.jspecify.annotations.NullMarked;
