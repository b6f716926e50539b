# Healthy: bob and dave register with kamailio, which checks every registered
# contact with an OPTIONS ping every 5 s (nathelper's SIP keep-alive); both
# phones answer every ping with 200 OK. No call is made.
scenario_run() {
  lab_kamailio WITH_AUTH WITH_PING
  lab_capture pbx pbx eth0
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start bob bob 30
  lab_baresip_start dave dave 30
  sleep 22
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Method == "REGISTER" || sip.CSeq.method == "REGISTER"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "SIP/2.0 200"' "both phones registered"
  local who
  for who in "$BOB_IP" "$DAVE_IP"; do
    lab_tshark pbx.pcapng 'sip.Method == "OPTIONS" && ip.dst == '"$who" frame.number frame.time_relative sip.Request-Line sip.From sip.Call-ID
    lab_assert '[ "$(lab_count)" -ge 3 ]' "kamailio pings $who at least three times"
    local pings; pings=$(lab_count)
    lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "OPTIONS" && ip.src == '"$who" frame.number frame.time_relative sip.Status-Line
    lab_assert '[ "$(lab_count)" -eq "$pings" ]' "$who answers every ping with 200 OK"
  done
  lab_tshark pbx.pcapng 'sip.Method == "INVITE"' frame.number sip.Request-Line
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no call is made"
}
