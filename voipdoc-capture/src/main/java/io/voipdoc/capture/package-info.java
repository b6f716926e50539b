/**
 * Stage 1 of the pipeline: reading captures.
 *
 * <p>Reads classic pcap and pcapng files, plain or gzip-compressed, from files, directories and
 * standard input, in one streaming pass. Each packet becomes a {@link io.voipdoc.capture.Frame}
 * numbered exactly as Wireshark numbers it. Damage inside a capture is reported as an {@link
 * io.voipdoc.capture.Anomaly} and reading continues where it can; an input that cannot be read at
 * all raises {@link io.voipdoc.capture.UnreadableCaptureException}.
 *
 * <p>Entry points: {@link io.voipdoc.capture.CaptureInput#expand} turns arguments (files,
 * directories, {@code -}) into inputs, and {@link io.voipdoc.capture.Captures#open} recognises the
 * format by its magic and returns a {@link io.voipdoc.capture.PcapReader} or {@link
 * io.voipdoc.capture.PcapngReader}. Readers parse records in place in one fixed buffer: memory does
 * not grow with the file, nothing is allocated per packet, and no length read from the input sizes
 * an allocation. The limits are in {@link io.voipdoc.capture.CaptureConfig}; the anomaly IDs, with
 * their meaning, in {@link io.voipdoc.capture.PcapProblem}, {@link
 * io.voipdoc.capture.PcapngProblem} and {@link io.voipdoc.capture.GzipProblem}.
 *
 * <p>Not read: Endace ERF (no magic to recognise it by), Network Monitor, snoop, Sniffer and the
 * other formats named by {@code UNSUPPORTED_FORMAT}, and compression other than gzip.
 *
 * <p>This is the only stage that does file I/O.
 */
@NullMarked
package io.voipdoc.capture;

import org.jspecify.annotations.NullMarked;
