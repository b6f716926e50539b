#!/usr/bin/env bash
# Whole-process benchmark: reading, decoding, correlation and diagnosis of generated captures.
# Usage: bench/run.sh [SIZE_MB] [RUNS]   (defaults: 1100 MB, 5 runs; sip_mb=N for the signalling file)
# Runs on one core (taskset) with the heap capped at 256 MB; the file is read once beforehand so
# that it is in the page cache. Results: docs/benchmarks.md (copy the printed lines there).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1100}
runs=${2:-5}
work=bench/work
mkdir -p "$work"
./mvnw -q -B -DskipTests -pl voipdoc-bench -am package
# The project's own modules from this tree's target directories (build-classpath alone would
# resolve them from the local repository, which may hold other builds of them).
cp=$(./mvnw -q -B -pl voipdoc-bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout \
  | tr ':' '\n' | grep -v '/io/voipdoc/' | paste -sd: -)
for module in bench capture decode correlate diagnose testkit; do
  cp="voipdoc-$module/target/classes:$cp"
done
file="$work/bench-${size_mb}mb.pcap"
if [ ! -f "$file" ]; then
  java -cp "$cp" io.voipdoc.bench.CaptureGenerator "$file" "$size_mb"
fi
cat "$file" > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for mode in read decode dissect correlate analyze; do
  taskset -c 0 java -Xmx256m -XX:ActiveProcessorCount=1 -cp "$cp" io.voipdoc.bench.ReadDecodeBenchmark "$file" "$runs" "$mode"
done
# A signalling-only capture (SIP calls only, as a capture filtered to port 5060): the SIP decoder
# and call correlation against the capture layer alone.
sip="$work/bench-signalling-${sip_mb:=300}mb.pcap"
if [ ! -f "$sip" ]; then
  java -cp "$cp" io.voipdoc.bench.CaptureGenerator "$sip" "$sip_mb" signalling
fi
cat "$sip" > /dev/null
for mode in read callids calls; do
  taskset -c 0 java -Xmx256m -XX:ActiveProcessorCount=1 -cp "$cp" io.voipdoc.bench.ReadDecodeBenchmark "$sip" "$runs" "$mode"
done
