/**
 * TCP stream reassembly (RFC 9293): per-direction ordering of segments, retransmissions and
 * overlaps removed, gaps reported, with bounded buffering. Knows nothing of the protocols carried.
 */
@NullMarked
package io.voipdoc.decode.tcp;

import org.jspecify.annotations.NullMarked;
