# Sourced by the small capture recipes beside test fixtures (make-capture.sh): a network namespace
# of its own whose loopback interface tcpdump captures, so that nothing else is in the file, and
# a cleanup that stops every background process and removes the namespace and the scratch folder.
#
#   NS=name; source testdata/loopback-capture.sh
#   start_capture 'tcp port 5061'        # tcpdump -i lo in $NS, to $WORK/capture.pcap
#   in_ns <command> ...                  # runs in $NS
#   wait_for <file> <text>               # up to 5 s for a line in a server's log
#   finish_capture <destination.pcap>    # stops tcpdump and copies the capture
# Needs root (ip netns), tcpdump and coreutils' timeout.
set -euo pipefail
export LC_ALL=C TZ=UTC

WORK=$(mktemp -d "/tmp/$NS.XXXXXX")
PIDS=()
TCPDUMP=

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ip netns add "$NS"
ip netns exec "$NS" ip link set lo up

in_ns() {
  ip netns exec "$NS" "$@"
}

wait_for() {
  for _ in $(seq 50); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

start_capture() {
  in_ns timeout 30 tcpdump -i lo -U -s 0 -w "$WORK/capture.pcap" "$1" 2>"$WORK/tcpdump.log" &
  TCPDUMP=$!
  PIDS+=("$TCPDUMP")
  wait_for "$WORK/tcpdump.log" listening
}

finish_capture() {
  sleep 0.5
  kill -TERM "$TCPDUMP"
  wait "$TCPDUMP" 2>/dev/null || true
  cp "$WORK/capture.pcap" "$1"
}
