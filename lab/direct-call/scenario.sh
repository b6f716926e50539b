# Healthy: bob and dave, both on public addresses, register with kamailio;
# bob calls dave, dave answers automatically, 5 s of PCMU both ways, bob hangs up.
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start dave dave 20
  sleep 1
  lab_baresip_start bob bob 20
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 6
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" || sip.Method == "ACK" || sip.Method == "BYE" || sip.CSeq.method == "BYE"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && (sip.CSeq.method == "INVITE" || sip.CSeq.method == "BYE")' frame.number ip.src ip.dst sip.CSeq
  lab_assert '[ "$(lab_count)" -eq 4 ]' "200 to INVITE and to BYE on both hops"
  lab_tshark bob.pcapng 'rtp && !icmp && !icmp' ip.src ip.dst rtp.ssrc
  local out in
  out=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$BOB_IP	$DAVE_IP" || true)
  in=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$DAVE_IP	$BOB_IP" || true)
  lab_note "RTP packets bob → dave: $out, dave → bob: $in."
  lab_assert '[ "$out" -ge 150 ] && [ "$in" -ge 150 ]' "RTP both ways ($out out, $in in)"
}
