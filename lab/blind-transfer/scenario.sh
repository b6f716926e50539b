# Healthy: bob calls dave; dave answers; bob transfers dave to alice with a
# blind transfer (REFER, RFC 3515). dave calls alice (behind NAT, STUN),
# reports the outcome with NOTIFY (sipfrag), and bob's call with dave ends.
scenario_run() {
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture pbx pbx eth0
  lab_capture dave dave eth0
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;answermode=auto;audio_codecs=PCMU;medianat=stun;stunserver=stun:$TURN_IP:3478"
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start alice alice 25
  lab_baresip_start dave dave 25
  sleep 1
  lab_baresip_start bob bob 25
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 3
  lab_ctrl bob transfer "sip:alice@$PBX_IP"
  sleep 5
  lab_ctrl dave hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "REFER" || sip.CSeq.method == "NOTIFY"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line sip.Refer-To
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "REFER sip"' "REFER sent"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "SIP/2.0 202"' "REFER accepted with 202"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "NOTIFY sip"' "NOTIFY with the transfer's progress"
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && ip.src == '"$DAVE_IP" frame.number sip.Request-Line
  lab_assert '[ "$(lab_count)" -ge 1 ]' "dave calls the transfer target"
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE" && ip.src == '"$NAT1_WAN" frame.number sip.Status-Line
  lab_assert '[ "$(lab_count)" -ge 1 ]' "alice answers the transferred call"
  lab_tshark pbx.pcapng 'sip.Method == "BYE"' frame.number ip.src ip.dst sip.Request-Line
}
