/**
 * Stage 1 of the pipeline: reading captures.
 *
 * <p>Reads classic pcap and pcapng files, plain or gzip-compressed, from files, directories and
 * standard input, in one streaming pass. Each packet becomes a {@link io.voipdoc.capture.Frame}
 * numbered exactly as Wireshark numbers it. Damage inside a capture is reported as an {@link
 * io.voipdoc.capture.Anomaly} and reading continues where it can; an input that cannot be read at
 * all raises {@link io.voipdoc.capture.UnreadableCaptureException}.
 *
 * <p>This is the only stage that does file I/O.
 */
@NullMarked
package io.voipdoc.capture;

import org.jspecify.annotations.NullMarked;
