/**
 * Rules about ICE (RFC 8445): connectivity checks that never get an answer
 * (ICE_NO_BINDING_SUCCESS) and offers or answers with private host candidates only
 * (ICE_ONLY_PRIVATE_CANDIDATES), and LAN devices that offer public candidates only
 * (ICE_NO_PRIVATE_CANDIDATE).
 */
@NullMarked
package io.voipdoc.diagnose.rules.ice;

import org.jspecify.annotations.NullMarked;
