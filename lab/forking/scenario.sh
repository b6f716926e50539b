# Healthy: dave has two phones registered under one address (his own at
# 203.0.113.30 and a desk phone at 203.0.113.31). bob calls dave; kamailio
# forks the INVITE to both phones, both ring (two early dialogs), dave answers
# on his own phone and kamailio cancels the desk phone's branch (CANCEL, 487).
DESK_IP=203.0.113.31

scenario_run() {
  lab_host desk inet br-pub "$DESK_IP/24" 203.0.113.1
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_config desk "$DESK_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start dave dave 25
  lab_baresip_start desk desk 25
  sleep 1
  lab_baresip_start bob bob 25
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 2
  lab_ctrl dave accept
  sleep 3
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Method == "REGISTER" && sip.from.user == "dave"' frame.number ip.src sip.Contact
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" || sip.Method == "CANCEL" || sip.CSeq.method == "CANCEL"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line sip.to.tag
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && ip.src == '"$PBX_IP" frame.number ip.dst sip.Request-Line sip.Via.branch
  lab_assert '[ "$(lab_count)" -eq 2 ]' "kamailio forks the INVITE to both phones"
  lab_tshark bob.pcapng 'sip.Status-Code == 180' frame.number sip.Status-Line sip.to.tag
  lab_assert '[ "$(lab_count)" -eq 2 ] && [ "$(printf "%s\n" "$LAB_RESULT" | cut -f3 | sort -u | wc -l)" -eq 2 ]' "bob hears ringing from both phones (two early dialogs, two to-tags)"
  lab_tshark bob.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE"' frame.number sip.Status-Line sip.to.tag
  lab_assert '[ "$(lab_count)" -eq 1 ]' "one phone answers"
  lab_tshark pbx.pcapng 'sip.Method == "CANCEL" && ip.dst == '"$DESK_IP" frame.number sip.Request-Line
  lab_assert '[ "$(lab_count)" -eq 1 ]' "kamailio cancels the desk phone's branch"
  lab_tshark pbx.pcapng 'sip.Status-Code == 487 && ip.src == '"$DESK_IP" frame.number sip.Status-Line
  lab_assert '[ "$(lab_count)" -eq 1 ]' "the desk phone ends its branch with 487"
  lab_tshark bob.pcapng 'sip.Method == "BYE"' frame.number ip.src sip.Request-Line
}
