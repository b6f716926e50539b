#!/usr/bin/env bash
# Makes split-upgrade.pcap (README.md beside it) with real sockets: a python3 SIP-over-WebSocket
# client sends its upgrading GET in two TCP segments 200 ms apart, the Upgrade header only in the
# second; the server answers 101, then 200 OK to one OPTIONS (ws_sip.py). tcpdump captures the
# loopback interface of a network namespace made here (vdws-split), so nothing else is in it.
#
# Run as root:  sudo ./make-capture.sh
HERE=$(cd "$(dirname "$0")" && pwd)
NS=vdws-split
source "$(git -C "$HERE" rev-parse --show-toplevel)/testdata/loopback-capture.sh"

start_capture 'tcp port 8080'
in_ns timeout 30 python3 "$HERE/ws_sip.py" server 8080 >"$WORK/server.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/server.log" ready
in_ns timeout 10 python3 "$HERE/ws_sip.py" client 8080 >&2
finish_capture "$HERE/split-upgrade.pcap"
