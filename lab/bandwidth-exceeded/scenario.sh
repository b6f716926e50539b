# Failure pattern BANDWIDTH_EXCEEDED: bob's uplink carries 200 kbit/s (a token
# bucket on his interface, as a small DSL or a VPN line). One G.711 call needs
# about 85 kbit/s each way: bob calls dave, and after 8 s opens three more calls
# to dave at the same time; 8 s later he hangs the three up and talks 8 s more
# on the first call alone. Captured at dave, behind bob's uplink.
LAB_PROCESS_LIMIT=120

scenario_run() {
  lab_kamailio WITH_AUTH
  lab_in bob tc qdisc add dev eth0 root tbf rate 200kbit burst 4kb latency 60ms
  lab_capture dave dave eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU" \
    "call_max_calls		8"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU" \
    "call_max_calls		8"
  lab_baresip_start dave dave 60
  sleep 1
  lab_baresip_start bob bob 60
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 8
  local i
  for i in 1 2 3; do lab_ctrl bob dial "sip:dave@$PBX_IP"; done
  sleep 8
  for i in 1 2 3; do lab_ctrl bob hangup; done
  sleep 8
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark dave.pcapng "sip.Status-Code == 200 && sip.CSeq.method == \"INVITE\"" frame.number frame.time_relative sip.Call-ID
  lab_assert '[ "$(lab_count)" -eq 4 ]' "four calls answered ($(lab_count))"
  lab_tshark dave.pcapng "sip.Method == \"BYE\"" frame.number frame.time_relative sip.Call-ID
  lab_assert '[ "$(lab_count)" -eq 4 ]' "four calls ended with BYE ($(lab_count))"
  # per stream from bob: first and last second, packets, lost (sequence gaps)
  lab_tshark dave.pcapng "rtp && !icmp && ip.src == $BOB_IP" frame.time_relative rtp.ssrc rtp.seq
  local per_stream
  per_stream=$(printf '%s\n' "$LAB_RESULT" | awk -F'\t' '
    { s = $2; if (!(s in first)) { first[s] = $1; order[n++] = s; lo[s] = $3; hi[s] = $3 }
      last[s] = $1; pk[s]++; if ($3 > hi[s]) hi[s] = $3 }
    END { for (i = 0; i < n; i++) { s = order[i]; ex = hi[s] - lo[s] + 1
      printf "%s\t%.1f\t%.1f\t%d\t%d\t%.1f\n", s, first[s], last[s], pk[s], ex - pk[s], (ex - pk[s]) * 100 / ex } }')
  lab_note "RTP from bob as dave received it, per stream: SSRC, first and last second, packets, lost, loss %:"
  LAB_PROOF+=$'\n```\n'"$per_stream"$'\n```\n'
  local streams lossy
  streams=$(printf '%s\n' "$per_stream" | grep -c . || true)
  lossy=$(printf '%s\n' "$per_stream" | awk -F'\t' 'NR > 1 && $6 > 5' | grep -c . || true)
  lab_assert '[ "$streams" -eq 4 ]' "four streams from bob ($streams)"
  lab_assert '[ "$lossy" -eq 3 ]' "the three calls that ran together with the first lost more than 5 % ($lossy)"
  # the first call alone: the seconds before the others started and after they ended
  local first_ssrc start end
  first_ssrc=$(printf '%s\n' "$per_stream" | head -n1 | cut -f1)
  start=$(printf '%s\n' "$per_stream" | sed -n 2p | cut -f2)
  end=$(printf '%s\n' "$per_stream" | awk -F'\t' 'NR > 1 && $3 > m { m = $3 } END { print m }')
  local alone
  alone=$(printf '%s\n' "$LAB_RESULT" | awk -F'\t' -v s="$first_ssrc" -v a="$start" -v b="$end" '
    $2 == s && ($1 < a || $1 > b + 1) { if (have && $3 != prev + 1) lost += $3 - prev - 1; prev = $3; have = 1; n++ }
    $2 == s && $1 >= a && $1 <= b + 1 { have = 0 }
    END { printf "%d\t%d\n", n, lost }')
  lab_note "The first call while it ran alone (before $start s and after $end s): packets and lost: $alone"
  lab_assert '[ "$(printf "%s" "$alone" | cut -f2)" -le 2 ]' "the first call alone lost (almost) nothing"
  LAB_FINDINGS+="  - id: BANDWIDTH_EXCEEDED"$'\n'"    count: 1"$'\n'
  LAB_FINDINGS+="  - id: POOR_QUALITY"$'\n'"    count: 3"$'\n'
}
