/**
 * Rules about SIP signalling: registrations that fail, requests nobody answers, offers rejected
 * for their media, INVITEs refused by an access list, calls dropped for a lost ACK, and NAT
 * mappings that expire under a registration. Texts are in this package's {@code Messages} bundle.
 */
@NullMarked
package io.voipdoc.diagnose.rules.signalling;

import org.jspecify.annotations.NullMarked;
