#!/usr/bin/env bash
# Recomputes corpus-facts.tsv: what tshark sees in the shared corpus's linktypes/ and ip/ captures,
# for PacketDecoderCorpusTest. Run from this folder: ./corpus-facts.sh > corpus-facts.tsv
# Needs tshark and python3; the corpus is at ../../../../../../../../shared/corpus unless CORPUS is set.
#
# Rows:
#   <file> counts ipv4=<n> ipv6=<n> udp=<n> tcp=<n>
#       IP/UDP/TCP headers at every tunnel level, not counting what ICMP errors quote
#   <file> <frame> <src> <srcport> <dst> <dstport>
#       the innermost addresses (and ports, "-" when none) of each frame with an IP layer
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=${CORPUS:-$here/../../../../../../../../shared/corpus}
cd "$corpus"
for f in $(ls linktypes/*.pcap ip/*.pcap | sort); do
  tshark -r "$f" -T fields -E separator='|' -E occurrence=a -E aggregator=',' \
      -e frame.number -e frame.protocols -e ip.src -e ip.dst -e ipv6.src -e ipv6.dst \
      -e udp.srcport -e udp.dstport -e tcp.srcport -e tcp.dstport 2>/dev/null |
  python3 -c '
import sys
name = sys.argv[1]
totals = {"ipv4": 0, "ipv6": 0, "udp": 0, "tcp": 0}
rows = []
for line in sys.stdin:
    num, protos, s4, d4, s6, d6, us, ud, ts, td = line.rstrip("\n").split("|")
    seen = {"ip": 0, "ipv6": 0, "udp": 0, "tcp": 0}
    net = port = None
    for tok in protos.split(":"):
        if tok in ("icmp", "icmpv6"):
            break
        if tok in seen:
            seen[tok] += 1
            if tok in ("ip", "ipv6"):
                net = (tok, seen[tok] - 1)
                port = None
            else:
                port = (tok, seen[tok] - 1)
    totals["ipv4"] += seen["ip"]; totals["ipv6"] += seen["ipv6"]
    totals["udp"] += seen["udp"]; totals["tcp"] += seen["tcp"]
    if net is None:
        continue
    pick = lambda v, i: v.split(",")[i]
    src, dst = (s4, d4) if net[0] == "ip" else (s6, d6)
    sp = dp = "-"
    if port is not None:
        ps, pd = (us, ud) if port[0] == "udp" else (ts, td)
        sp, dp = pick(ps, port[1]), pick(pd, port[1])
    rows.append("\t".join([name, num, pick(src, net[1]), sp, pick(dst, net[1]), dp]))
print("\t".join([name, "counts"] + ["%s=%d" % kv for kv in totals.items()]))
for r in rows:
    print(r)
' "$f"
done
