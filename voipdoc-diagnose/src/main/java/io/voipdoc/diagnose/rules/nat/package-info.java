/**
 * Rules about NAT on the media path: private addresses announced in SDP across the internet
 * (PRIVATE_ADDRESS_IN_SDP) and NATs that send media from another public port than the one
 * announced (NAT_PORT_REMAPPED); also the address facts the media and ICE rules share.
 */
@NullMarked
package io.voipdoc.diagnose.rules.nat;

import org.jspecify.annotations.NullMarked;
