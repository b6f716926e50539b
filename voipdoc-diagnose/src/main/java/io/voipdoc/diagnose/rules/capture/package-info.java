/**
 * Rules about the captures themselves rather than the calls in them: frames cut by snaplen
 * (CAPTURE_SNAPLEN_CUT), a capture that began after a call did (CAPTURE_STARTED_LATE) or ended
 * before its failure could show (CAPTURE_TOO_SHORT), a capture point that saw one direction only
 * (CAPTURE_ONE_DIRECTION), only one leg of a B2BUA call (CAPTURE_ONE_LEG_ONLY), or none of the
 * loopback traffic of a local call controller (CAPTURE_LOOPBACK_MISSING), or a capture point
 * that saw only part of what another saw (CAPTURE_POINT_PARTIAL). They come first in a
 * report, because they change how every other finding must be read.
 */
@NullMarked
package io.voipdoc.diagnose.rules.capture;

import org.jspecify.annotations.NullMarked;
