/**
 * Logs on the same timeline as the packets. A log file is read line by line with bounded memory
 * ({@link io.voipdoc.capture.TextLines}); its format is recognised from its first lines, one
 * {@link io.voipdoc.correlate.log.LogFormat} per format, each a total function from a line to an
 * event, an uninteresting but recognised line, or a problem. The events that name an address (an
 * ACL rejection, an accepted TLS connection, a failed TLS handshake) are matched with what the captures show to estimate
 * the clock offset between the log and the capture, unless the user gives it.
 *
 * <p>Formats read: FreeSWITCH (and controllers that write its layout), kamailio through syslog or
 * journald, and AudioCodes SBC syslog lines with their device time stamp. A log in any other
 * format is reported as unreadable, never guessed at.
 */
@NullMarked
package io.voipdoc.correlate.log;

import org.jspecify.annotations.NullMarked;
