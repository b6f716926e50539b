# Failure: codec mismatch. bob offers only PCMU; dave's phone only allows
# Opus, finds no common codec and rejects the offer with 488.
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=opus/48000/2"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start dave dave 8
  sleep 1
  lab_baresip_start bob bob 8
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 2
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" || sip.Method == "ACK"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -qE "SIP/2.0 (488|606)"' "offer rejected with 488/606"
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && ip.src == '"$BOB_IP" sdp.media sdp.media_attr
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "PCMU" && ! printf "%s" "$LAB_RESULT" | grep -qi "opus"' "offer holds PCMU only"
  lab_tshark pbx.pcapng '(sip.Status-Code == 488 || sip.Status-Code == 606) && ip.src == '"$PBX_IP" frame.number sip.Status-Line
  lab_finding SDP_REJECTED_488 1 pbx.pcapng "$(lab_first)"
}
