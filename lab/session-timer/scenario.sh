# Healthy: bob calls dave with session timers (RFC 4028): both linphone
# phones ask for Session-Expires 90 s (the smallest interval the RFC allows,
# Min-SE 90); dave, the refresher, refreshes the session after half the
# interval; bob hangs up about 52 s into the call.
# baresip 1.0 has no session timers, so both phones are linphone.
LAB_PROCESS_LIMIT=100

scenario_run() {
  lab_kamailio
  lab_capture pbx pbx eth0
  lab_capture dave dave eth0
  local timers="session_expires_enabled=1
session_expires_value=90
session_expires_min_value=90"
  lab_linphone_config dave "$DAVE_IP" dave "$timers"
  lab_linphone_config bob "$BOB_IP" bob "$timers"
  lab_linphone_start dave dave --auto-answer
  lab_linphone_start bob bob
  sleep 2
  lab_linphone bob "call sip:dave@$PBX_IP"
  sleep 1
  lab_linphone_audio bob 1
  lab_linphone_audio dave 1
  sleep 51
  lab_linphone bob terminate
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" && (sip.Method == "INVITE" || sip.Status-Code == 200)' frame.number frame.time_relative ip.src ip.dst sip.Request-Line sip.Status-Line sip.Session-Expires sip.Min-SE
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "	90;refresher=uas"' "dave's 200 OK sets 90 s with dave (uas) as refresher"
  lab_tshark pbx.pcapng '(sip.Method == "UPDATE" || sip.Method == "INVITE") && sip.to.tag && ip.src == '"$DAVE_IP" frame.number frame.time_relative sip.Request-Line sip.Session-Expires
  lab_assert '[ "$(lab_count)" -eq 1 ]' "dave refreshes the session once"
  lab_tshark pbx.pcapng 'sip.Method == "BYE"' frame.number frame.time_relative ip.src sip.Request-Line
  lab_assert '[ "$(lab_count)" -ge 1 ]' "bob hangs up"
  lab_tshark dave.pcapng 'rtp && !icmp' ip.src ip.dst
  lab_assert '[ "$(printf "%s\n" "$LAB_RESULT" | sort -u | wc -l)" -eq 2 ]' "audio flows both ways between the phones"
}
