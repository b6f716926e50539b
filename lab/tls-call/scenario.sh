# Healthy: bob and dave register and signal over SIP/TLS (port 5061) with
# kamailio, whose certificate is signed by the lab CA; bob calls dave,
# 5 s of PCMU (plain RTP), bob hangs up.
scenario_run() {
  lab_tls_certs right
  lab_kamailio WITH_AUTH WITH_TLS
  lab_capture pbx pbx eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP;transport=tls>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU" \
    "sip_cafile		$LAB_RUN/tls/ca.crt
sip_certificate		$LAB_RUN/tls/phone.pem"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP;transport=tls>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU" \
    "sip_cafile		$LAB_RUN/tls/ca.crt
sip_certificate		$LAB_RUN/tls/phone.pem"
  lab_baresip_start dave dave 20
  sleep 1
  lab_baresip_start bob bob 20
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP;transport=tls"
  sleep 6
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'tls.handshake.type == 1 || tls.handshake.type == 2 || tls.handshake.type == 11 || tls.alert_message' frame.number ip.src ip.dst tls.handshake.type tls.handshake.extensions_server_name tls.alert_message.desc
  lab_assert '! printf "%s" "$LAB_RESULT" | grep -qE "	[0-9]+$"' "no TLS alert"
  lab_tshark pbx.pcapng 'tls.handshake.type == 11' frame.number ip.src ip.dst x509sat.uTF8String x509ce.dNSName
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "pbx.lab.example"' "the provider presents its own certificate"
  lab_tshark pbx.pcapng 'tls.app_data' ip.src ip.dst
  lab_assert '[ "$(lab_count)" -ge 10 ]' "SIP flows as TLS application data"
  lab_tshark pbx.pcapng 'udp.port == 5060' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no SIP over UDP"
}
