/**
 * Rules about RTP media of answered calls: no media at all (NO_MEDIA), media in one direction
 * only (ONE_WAY_AUDIO), media from or to addresses nobody announced (MEDIA_ADDRESS_MISMATCH)
 * and streams beyond the quality limits (POOR_QUALITY).
 */
@NullMarked
package io.voipdoc.diagnose.rules.media;

import org.jspecify.annotations.NullMarked;
