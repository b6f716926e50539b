# Healthy: bob calls dave ten times in a row through kamailio; dave answers each
# call automatically. One call is hung up after about 2 s (a wrong number), nine
# last about 7 s: a few short calls among many are usual, not a spike.
LAB_PROCESS_LIMIT=150
source "$LAB_DIR/short-call-spike/scenario.sh"

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
  short_call_calls 1 9 2 7
  sleep 1
}

scenario_check() {
  short_call_durations bob.pcapng
  local answered short
  answered=$(printf '%s\n' "$LAB_DURATIONS" | grep -c . || true)
  short=$(printf '%s\n' "$LAB_DURATIONS" | awk -F'\t' '$4 < 5' | grep -c . || true)
  lab_note "$short of $answered answered calls lasted less than 5 s."
  lab_assert '[ "$answered" -eq 10 ]' "ten answered calls ended with BYE ($answered)"
  lab_assert '[ "$short" -eq 1 ]' "one of them shorter than 5 s ($short)"
  lab_tshark bob.pcapng "rtp && ip.src == $BOB_IP" rtp.ssrc
  short_call_streams
  local streams=$LAB_STREAMS
  lab_note "RTP streams sent by bob: $streams (one per call)."
  lab_assert '[ "$streams" -eq 10 ]' "bob sent RTP in every call ($streams streams)"
}
