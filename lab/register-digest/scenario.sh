# Healthy: bob registers with digest authentication (REGISTER, 401 with a
# nonce, REGISTER with credentials, 200 OK).
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start bob bob 6
  lab_wait baresip-bob
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "REGISTER"' frame.number ip.src sip.Request-Line sip.Status-Line sip.auth.username
  lab_assert '[ "$(lab_count)" -ge 4 ]' "REGISTER, 401, REGISTER, 200"
  lab_tshark pbx.pcapng 'sip.Status-Code == 401' frame.number sip.Status-Line
  lab_assert '[ "$(lab_count)" -eq 1 ]' "exactly one challenge"
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "REGISTER"' frame.number sip.Status-Line sip.Contact
  lab_assert '[ "$(lab_count)" -ge 1 ]' "registration accepted"
}
