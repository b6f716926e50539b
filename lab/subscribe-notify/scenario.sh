# Healthy: bob watches dave's presence (RFC 3856, peer to peer through
# kamailio): bob's SUBSCRIBE (Event: presence) is routed to dave's registered
# phone, which accepts it and reports its state with NOTIFY (PIDF). dave goes
# offline and online again (a NOTIFY each); bob quits and ends the
# subscription (SUBSCRIBE with Expires: 0, NOTIFY terminated).
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;audio_codecs=PCMU" \
    "module_app		presence.so"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU" \
    "module_app		contact.so
module_app		presence.so"
  printf '"dave" <sip:dave@%s>;presence=p2p\n' "$PBX_IP" >"$LAB_RUN/baresip-bob/contacts"
  lab_baresip_start dave dave 30
  sleep 1
  lab_baresip_start bob bob 30
  sleep 3
  lab_ctrl dave presence_offline
  sleep 2
  lab_ctrl dave presence_online
  sleep 2
  lab_ctrl bob quit
  sleep 2
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Method == "SUBSCRIBE" || sip.CSeq.method == "SUBSCRIBE"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line sip.Event sip.Expires
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "SUBSCRIBE sip:dave"' "bob subscribes to dave's presence"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "SIP/2.0 200"' "dave accepts the subscription"
  lab_tshark pbx.pcapng 'sip.Method == "NOTIFY" && ip.src == '"$DAVE_IP" frame.number sip.Request-Line sip.Subscription-State
  lab_assert '[ "$(lab_count)" -eq 4 ]' "dave sends four NOTIFYs: the initial state, offline, online, terminated"
  lab_assert '[ "$(printf "%s\n" "$LAB_RESULT" | tail -n1 | cut -f3)" = "terminated;reason=timeout" ]' "the last NOTIFY ends the subscription"
  lab_tshark pbx.pcapng 'sip.Method == "NOTIFY" && ip.src == '"$DAVE_IP"' && frame contains "<basic>closed</basic>"' frame.number sip.Subscription-State
  lab_assert '[ "$(lab_count)" -eq 1 ]' "one NOTIFY reports dave offline (PIDF basic closed)"
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "NOTIFY" && ip.src == '"$BOB_IP" frame.number sip.Status-Line
  lab_assert '[ "$(lab_count)" -eq 4 ]' "bob accepts every NOTIFY"
}
