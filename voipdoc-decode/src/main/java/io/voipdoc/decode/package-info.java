/**
 * Stage 2 of the pipeline: decoding frames into transport-level facts.
 *
 * <p>{@link io.voipdoc.decode.PacketDecoder} takes each {@link io.voipdoc.capture.Frame} through the
 * link layer, any tunnel (VLAN, MPLS, PPPoE, GRE, ERSPAN, VXLAN, IP-in-IP, HEP), IPv4/IPv6 with
 * fragment reassembly, and UDP, TCP (with per-direction stream reassembly) or ICMP, and hands the
 * result to a {@link io.voipdoc.decode.PacketListener}. Decoders are total: bad bytes become an
 * {@link io.voipdoc.capture.Anomaly}, never an exception.
 */
@NullMarked
package io.voipdoc.decode;

import org.jspecify.annotations.NullMarked;
