# Healthy: attended (consultative) transfer, RFC 5589: bob calls dave, puts
# him on hold, calls erin, then transfers dave to erin with REFER whose
# Refer-To carries Replaces (RFC 3891) naming bob's call with erin. dave calls
# erin with that Replaces header, erin's new call replaces the one with bob,
# dave reports success with NOTIFY and bob's calls end.
# baresip 1.0 has no attended transfer, so the phones are linphone.
ERIN_IP=203.0.113.40

scenario_run() {
  lab_host erin inet br-pub "$ERIN_IP/24" 203.0.113.1
  lab_kamailio
  lab_capture pbx pbx eth0
  lab_capture dave dave eth0
  lab_capture erin erin eth0
  lab_linphone_config dave "$DAVE_IP" dave
  lab_linphone_config erin "$ERIN_IP" erin
  lab_linphone_config bob "$BOB_IP" bob
  lab_linphone_start dave dave --auto-answer
  lab_linphone_start erin erin --auto-answer
  lab_linphone_start bob bob
  sleep 2
  lab_linphone bob "call sip:dave@$PBX_IP"
  sleep 1
  lab_linphone_audio bob 1
  lab_linphone_audio dave 1
  sleep 2
  lab_linphone bob "call-pause 1"
  sleep 2
  lab_linphone bob "call sip:erin@$PBX_IP"
  sleep 1
  lab_linphone_audio bob 2
  lab_linphone_audio erin 1
  sleep 2
  lab_linphone bob "call-transfer 1 2"
  sleep 1
  lab_linphone_audio dave 2
  lab_linphone_audio erin 2
  sleep 4
  lab_linphone dave terminate
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && !sip.to.tag && ip.dst == '"$PBX_IP" frame.number ip.src sip.Request-Line sip.Call-ID sip.Replaces
  lab_assert '[ "$(lab_count)" -eq 3 ]' "three calls: bob to dave, bob to erin, dave to erin"
  local consult; consult=$(printf '%s\n' "$LAB_RESULT" | sed -n 2p | cut -f4)
  lab_assert '[ "$(printf "%s\n" "$LAB_RESULT" | sed -n 3p | cut -f5 | cut -d";" -f1)" = "$consult" ]' "dave's call to erin replaces bob's call with erin ($consult)"
  lab_tshark pbx.pcapng 'sip.CSeq.method == "REFER"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line sip.Refer-To
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "?Replaces=$consult"' "bob's REFER names his call with erin in Refer-To's Replaces"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "SIP/2.0 202"' "dave accepts the REFER with 202"
  lab_tshark pbx.pcapng 'sip.Method == "NOTIFY" && ip.src == '"$DAVE_IP" frame.number sip.Request-Line sip.Event sip.Subscription-State sipfrag.line
  lab_assert '[ "$(lab_count)" -eq 2 ] && printf "%s" "$LAB_RESULT" | tail -n1 | grep -q "SIP/2.0 200"' "dave reports the transfer's success (sipfrag 200)"
  lab_tshark pbx.pcapng 'sip.Method == "BYE" && ip.dst == '"$PBX_IP" frame.number ip.src sip.Request-Line sip.Call-ID
  lab_assert 'printf "%s\n" "$LAB_RESULT" | grep "^[0-9]*	$ERIN_IP	" | grep -q "$consult"' "erin ends the replaced call with bob"
  lab_assert 'printf "%s\n" "$LAB_RESULT" | grep -q "^[0-9]*	$BOB_IP	BYE sip:dave"' "bob ends his call with dave"
  lab_tshark erin.pcapng 'rtp && !icmp && ip.src == '"$DAVE_IP" rtp.ssrc
  lab_assert '[ "$(lab_count)" -ge 100 ]' "dave's audio reaches erin after the transfer"
}
