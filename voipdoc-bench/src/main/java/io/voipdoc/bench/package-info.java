/**
 * Whole-process benchmark of the first two pipeline stages: a deterministic generator of a large
 * capture ({@link io.voipdoc.bench.CaptureGenerator}) and a runner that reads and decodes it and
 * reports throughput and heap ({@link io.voipdoc.bench.ReadDecodeBenchmark}). Run by
 * {@code bench/run.sh}; results go to {@code docs/benchmarks.md}.
 */
@NullMarked
package io.voipdoc.bench;

import org.jspecify.annotations.NullMarked;
