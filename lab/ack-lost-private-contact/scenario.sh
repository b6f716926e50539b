# Failure: alice is behind a NAT router; the proxy records her public address
# for registration but leaves the Contact of her 200 OK private
# (192.168.1.10). bob's ACK follows that Contact and dies at the internet
# router; alice retransmits her 200 OK until timer H (64*T1 = 32 s), then
# ends the call with BYE.
scenario_run() {
  lab_kamailio WITH_AUTH WITH_NAT NAT_REGISTER_ONLY
  lab_capture pbx pbx eth0
  lab_capture nat1-lan nat1 lan
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;answermode=auto;audio_codecs=PCMU;medianat=stun;stunserver=stun:$TURN_IP:3478"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_coturn
  lab_baresip_start alice alice 45
  sleep 1
  lab_baresip_start bob bob 45
  sleep 1
  lab_ctrl bob dial "sip:alice@$PBX_IP"
  # Timer H runs 32 s from the first 200 OK; the BYE follows.
  sleep 36
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" || sip.Method == "ACK" || sip.CSeq.method == "BYE"' frame.number frame.time_relative ip.src ip.dst sip.Request-Line sip.Status-Line sip.contact.uri
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE" && ip.src == '"$NAT1_WAN" frame.number frame.time_relative sip.contact.uri
  local n first last
  n=$(lab_count); first=$(lab_first); last=$(printf '%s\n' "$LAB_RESULT" | tail -n1 | cut -f2)
  lab_note "alice's 200 OK sent $n times, the last at $last s."
  lab_assert '[ "$n" -ge 8 ]' "200 OK retransmitted"
  lab_tshark pbx.pcapng 'sip.Method == "ACK" && !icmp && ip.src == '"$PBX_IP" frame.number ip.dst sip.Request-Line
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "192.168.1.10"' "proxy forwards the ACK to the private Contact"
  lab_tshark nat1-lan.pcapng 'sip.Method == "ACK"' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no ACK reaches alice"
  lab_tshark pbx.pcapng 'sip.Method == "BYE" && ip.src == '"$NAT1_WAN" frame.number frame.time_relative sip.Request-Line
  lab_assert '[ "$(lab_count)" -ge 1 ]' "alice ends the call with BYE"
  lab_finding CALL_DROPS_AFTER_32S 1 pbx.pcapng "$first"
}
