#!/bin/sh
# Regenerates tshark-rtp-streams.tsv: Wireshark's RTP stream analysis of every corpus capture
# that expected.tsv lists with RTP streams. Run from anywhere with the corpus path as argument:
#   ./tshark-rtp-streams.sh /work/shared/corpus > tshark-rtp-streams.tsv
# Made with TShark (Wireshark) 4.0.17. The command per file is:
#   tshark -n -r FILE -q -z rtp,streams
set -eu
corpus=${1:?corpus directory}
printf '# tshark -n -r FILE -q -z rtp,streams (%s)\n' "$(tshark -v 2>/dev/null | head -1)"
printf 'file\tsrc\tdst\tssrc\tpayload\tpackets\tlost\tmaxDeltaMs\tmeanJitterMs\tmaxJitterMs\n'
awk -F'\t' 'NR==1{for(i=1;i<=NF;i++) if($i=="rtp_streams") c=i; next} $c>0 {print $1}' "$corpus/expected.tsv" |
while read -r file; do
  tshark -n -r "$corpus/$file" -q -z rtp,streams 2>/dev/null |
  awk -v f="$file" '$1 ~ /^[0-9.]+$/ && NF >= 17 {
      # start end srcip srcport dstip dstport ssrc payload... pkts lost (pct) mind meand maxd minj meanj maxj [X]
      n = ($NF == "X") ? NF - 1 : NF
      payload = $8
      for (i = 9; i <= n - 9; i++) payload = payload " " $i
      printf "%s\t%s:%s\t%s:%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f, $3, $4, $5, $6, tolower($7), payload, $(n-8), $(n-7), $(n-3), $(n-1), $n
  }'
done
