# Healthy: bob calls dave, puts him on hold after 3 s (re-INVITE with
# a=sendonly, answered a=recvonly), resumes 3 s later (a=sendrecv), then
# hangs up.
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start dave dave 25
  sleep 1
  lab_baresip_start bob bob 25
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 3
  lab_ctrl bob hold
  sleep 3
  lab_ctrl bob resume
  sleep 3
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" && sdp && ip.src == '"$BOB_IP"' || sip.CSeq.method == "INVITE" && sdp && ip.dst == '"$BOB_IP" frame.number frame.time_relative ip.src sip.Request-Line sip.Status-Line sdp.media_attr
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q sendonly' "hold offer with a=sendonly"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q recvonly' "hold answer with a=recvonly"
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && ip.src == '"$BOB_IP" frame.number
  lab_assert '[ "$(lab_count)" -eq 3 ]' "initial INVITE, hold and resume re-INVITEs"
  lab_tshark bob.pcapng 'sip.Method == "INVITE"' frame.number frame.time_relative sdp.media_attr
  local hold resume
  hold=$(printf '%s\n' "$LAB_RESULT" | sed -n 2p | cut -f2)
  resume=$(printf '%s\n' "$LAB_RESULT" | sed -n 3p | cut -f2)
  lab_tshark bob.pcapng "rtp && frame.time_relative > $hold + 0.1 && frame.time_relative < $resume" ip.src ip.dst
  local held; held=$(lab_count)
  lab_note "RTP packets while on hold (from $hold s to $resume s): $held; baresip stops sending both ways while held."
  lab_tshark bob.pcapng "rtp && frame.time_relative > $resume + 0.5" ip.src
  local after_in after_out
  after_in=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$DAVE_IP" || true)
  after_out=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$BOB_IP" || true)
  lab_note "RTP after resuming: from dave $after_in, from bob $after_out packets."
  lab_assert '[ "$after_in" -ge 50 ] && [ "$after_out" -ge 50 ]' "media both ways after resume"
}
