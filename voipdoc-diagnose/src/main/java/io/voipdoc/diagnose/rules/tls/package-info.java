/**
 * Rules about TLS for SIP (SIPS, port 5061): handshakes that do not complete, alerts, and server
 * certificates that a verifying client refuses, and the log lines that show the same failures
 * ({@link io.voipdoc.diagnose.rules.tls.TlsLogLines}). Texts are in this package's {@code Messages}
 * bundle.
 */
@NullMarked
package io.voipdoc.diagnose.rules.tls;

import org.jspecify.annotations.NullMarked;
