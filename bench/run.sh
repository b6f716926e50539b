#!/usr/bin/env bash
# Whole-process benchmark: reading + framing + IP/UDP/TCP decoding of a generated capture.
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
cp=$(./mvnw -q -B -pl voipdoc-bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
cp="voipdoc-bench/target/classes:$cp"
file="$work/bench-${size_mb}mb.pcap"
if [ ! -f "$file" ]; then
  java -cp "$cp" io.voipdoc.bench.CaptureGenerator "$file" "$size_mb"
fi
cat "$file" > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for mode in read decode dissect correlate; do
  taskset -c 0 java -Xmx256m -XX:ActiveProcessorCount=1 -cp "$cp" io.voipdoc.bench.ReadDecodeBenchmark "$file" "$runs" "$mode"
done
# A signalling-only capture (SIP calls only, as a capture filtered to port 5060): the SIP decoder
# and call correlation against the capture layer alone.
sip="$work/bench-signalling-${sip_mb:=300}mb.pcap"
if [ ! -f "$sip" ]; then
  java -cp "$cp" io.voipdoc.bench.CaptureGenerator "$sip" "$sip_mb" signalling
fi
cat "$sip" > /dev/null
for mode in read calls; do
  taskset -c 0 java -Xmx256m -XX:ActiveProcessorCount=1 -cp "$cp" io.voipdoc.bench.ReadDecodeBenchmark "$sip" "$runs" "$mode"
done
