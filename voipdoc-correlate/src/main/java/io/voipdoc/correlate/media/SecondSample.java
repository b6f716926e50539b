package io.voipdoc.correlate.media;

/**
 * One second of a stream, for plots.
 *
 * @param second seconds since the stream's first packet
 * @param packets packets received in that second
 * @param lost packets missing by sequence number jumps in that second
 * @param maxJitterMs the highest jitter estimate in that second, ms
 */
public record SecondSample(int second, int packets, int lost, double maxJitterMs) {}
