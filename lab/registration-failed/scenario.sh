# Failure: bob's phone has a wrong SIP password. Every REGISTER with
# credentials is answered with a new 401 challenge.
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=wrong-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start bob bob 4
  lab_wait baresip-bob
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "REGISTER"' frame.number ip.src sip.Request-Line sip.Status-Line sip.auth.username
  lab_assert '[ "$(printf "%s" "$LAB_RESULT" | grep -c "401 Unauthorized")" -ge 2 ]' "REGISTER with credentials challenged again"
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "REGISTER"' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no registration accepted"
  lab_tshark pbx.pcapng 'sip.Status-Code == 401 && frame.number > 2' frame.number sip.Status-Line
  lab_finding REGISTRATION_FAILED 1 pbx.pcapng "$(lab_first)"
}
