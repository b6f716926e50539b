# Failure pattern SHORT_CALL_SPIKE: bob calls dave twelve times in a row through
# kamailio; dave answers each call automatically. Eight calls are hung up about
# 2 s after the answer (as callers do who hear nothing, or whose transfer fails),
# four last about 8 s. Every call is set up and torn down correctly.
LAB_PROCESS_LIMIT=150

# short_call_calls SHORT LONG SHORT_S LONG_S: SHORT calls of SHORT_S seconds, then
# LONG calls of LONG_S seconds, from bob to dave.
short_call_calls() {
  local i
  for ((i = 0; i < $1; i++)); do
    lab_ctrl bob dial "sip:dave@$PBX_IP"
    sleep "$3"
    lab_ctrl bob hangup
    sleep 0.5
  done
  for ((i = 0; i < $2; i++)); do
    lab_ctrl bob dial "sip:dave@$PBX_IP"
    sleep "$4"
    lab_ctrl bob hangup
    sleep 0.5
  done
}

scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start dave dave 140
  sleep 1
  lab_baresip_start bob bob 140
  sleep 1
  short_call_calls 8 4 2 8
  sleep 1
}

# short_call_durations FILE: per Call-ID, "call-id <TAB> answer frame <TAB> BYE frame
# <TAB> seconds from the 200 OK bob received to the BYE he sent"; in LAB_DURATIONS.
short_call_durations() {
  lab_tshark "$1" "(sip.Status-Code == 200 && sip.CSeq.method == \"INVITE\" && ip.dst == $BOB_IP) || (sip.Method == \"BYE\" && ip.src == $BOB_IP)" frame.number frame.time_relative sip.Call-ID sip.Method
  LAB_DURATIONS=$(printf '%s\n' "$LAB_RESULT" | awk -F'\t' '
    $4 == "" && !($3 in ok) { ok[$3] = $2; okf[$3] = $1; order[n++] = $3 }
    $4 == "BYE" && !($3 in bye) { bye[$3] = $2; byef[$3] = $1 }
    END { for (i = 0; i < n; i++) { c = order[i]; if (c in bye) printf "%s\t%s\t%s\t%.1f\n", c, okf[c], byef[c], bye[c] - ok[c] } }')
  lab_note "Answered calls, the frame of the 200 OK bob received, of his BYE, and the talk time in seconds:"
  LAB_PROOF+=$'\n```\n'"$LAB_DURATIONS"$'\n```\n'
}

# short_call_streams: the number of SSRCs in LAB_RESULT with at least 50 packets
# (1 s of audio), in LAB_STREAMS, noted with the packets per SSRC; a lone packet
# that tshark's RTP heuristic takes for a stream does not count.
short_call_streams() {
  local counts
  counts=$(printf '%s\n' "$LAB_RESULT" | sort | uniq -c | awk '{ printf "%s\t%d\n", $2, $1 }')
  lab_note "Packets per SSRC:"
  LAB_PROOF+=$'\n```\n'"$counts"$'\n```\n'
  LAB_STREAMS=$(printf '%s\n' "$counts" | awk -F'\t' '$2 >= 50' | grep -c . || true)
}

scenario_check() {
  short_call_durations bob.pcapng
  local answered short first
  answered=$(printf '%s\n' "$LAB_DURATIONS" | grep -c . || true)
  short=$(printf '%s\n' "$LAB_DURATIONS" | awk -F'\t' '$4 < 5' | grep -c . || true)
  first=$(printf '%s\n' "$LAB_DURATIONS" | awk -F'\t' '$4 < 5 { print $3; exit }')
  lab_note "$short of $answered answered calls lasted less than 5 s."
  lab_assert '[ "$answered" -eq 12 ]' "twelve answered calls ended with BYE ($answered)"
  lab_assert '[ "$short" -eq 8 ]' "eight of them shorter than 5 s ($short)"
  lab_tshark bob.pcapng "rtp && ip.src == $BOB_IP" rtp.ssrc
  short_call_streams
  local streams=$LAB_STREAMS
  lab_note "RTP streams sent by bob: $streams (one per call: media flowed in every call)."
  lab_assert '[ "$streams" -eq 12 ]' "bob sent RTP in every call ($streams streams)"
  lab_finding SHORT_CALL_SPIKE 1 bob.pcapng "$first"
}
