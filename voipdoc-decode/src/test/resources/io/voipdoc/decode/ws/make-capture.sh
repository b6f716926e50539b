#!/usr/bin/env bash
# Makes split-upgrade.pcap (README.md beside it) with real sockets: a python3 SIP-over-WebSocket
# client sends its upgrading GET in two TCP segments 200 ms apart, the Upgrade header only in the
# second; the server answers 101, then 200 OK to one OPTIONS (ws_sip.py). tcpdump captures the
# loopback interface of a network namespace made here (vdws-split), so nothing else is in it.
#
# Run as root:  sudo ./make-capture.sh
set -euo pipefail
export LC_ALL=C TZ=UTC

HERE=$(cd "$(dirname "$0")" && pwd)
NS=vdws-split
WORK=$(mktemp -d /tmp/vdws.XXXXXX)
PIDS=()

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

ip netns exec "$NS" timeout 30 tcpdump -i lo -U -s 0 -w "$WORK/capture.pcap" 'tcp port 8080' \
  2>"$WORK/tcpdump.log" &
PIDS+=($!)
TCPDUMP=$!
for _ in $(seq 50); do grep -q listening "$WORK/tcpdump.log" && break; sleep 0.1; done

ip netns exec "$NS" timeout 30 python3 "$HERE/ws_sip.py" server 8080 >"$WORK/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do grep -q ready "$WORK/server.log" && break; sleep 0.1; done

ip netns exec "$NS" timeout 10 python3 "$HERE/ws_sip.py" client 8080 >&2

sleep 0.5
kill -TERM "$TCPDUMP"
wait "$TCPDUMP" 2>/dev/null || true
cp "$WORK/capture.pcap" "$HERE/split-upgrade.pcap"
