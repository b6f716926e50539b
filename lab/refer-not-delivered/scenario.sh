# Failure: a transfer never arrives. bob calls dave through kamailio (UDP);
# dave answers. The side that wants to transfer the call (in bob's network,
# like a hosted PBX or Teams sending REFER from another proxy) delivers its
# REFER over a new TLS connection to kamailio's port 5061. kamailio's TLS
# interface serves its default self-signed certificate (CN=localhost) instead
# of the certificate for pbx.lab.example, so the verifying client aborts each
# handshake right after the server's hello and certificate: three attempts
# within about a second, each torn down in milliseconds; the REFER never
# reaches kamailio and the call stays as it was until bob hangs up.
# The TLS client is openssl s_client (baresip 1.0 and sipsak 0.9.8 do not
# reject a server certificate that fails verification); the REFER it would
# send is written here and never leaves it, as the handshake fails first.
scenario_run() {
  lab_tls_certs wrong
  lab_kamailio WITH_AUTH WITH_TLS
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
  sleep 3
  printf 'REFER sip:dave@%s SIP/2.0\r\nVia: SIP/2.0/TLS %s:5061;branch=z9hG4bK-lab-refer\r\nMax-Forwards: 70\r\nFrom: <sip:bob@pbx.lab.example>;tag=lab-refer\r\nTo: <sip:dave@pbx.lab.example>\r\nCall-ID: lab-refer@%s\r\nCSeq: 1 REFER\r\nRefer-To: <sip:alice@pbx.lab.example>\r\nReferred-By: <sip:bob@pbx.lab.example>\r\nContent-Length: 0\r\n\r\n' \
    "$PBX_IP" "$BOB_IP" "$BOB_IP" >"$LAB_RUN/refer.txt"
  local i
  for i in 1 2 3; do
    lab_start "s_client-$i" bob timeout 5 openssl s_client -connect "$PBX_IP:5061" -servername pbx.lab.example \
      -CAfile "$LAB_RUN/tls/ca.crt" -verify_hostname pbx.lab.example -verify_return_error \
      -ign_eof -quiet <"$LAB_RUN/refer.txt"
    lab_wait "s_client-$i"
    sleep 0.3
  done
  sleep 3
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" || (sip.CSeq.method == "INVITE" && sip.Status-Code == 200) || sip.Method == "BYE"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "SIP/2.0 200"' "dave answers the call"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "BYE sip"' "the call ends with BYE"
  lab_tshark pbx.pcapng 'sip.Method == "REFER" || sip.Method == "NOTIFY"' frame.number sip.Request-Line
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no REFER and no NOTIFY reach kamailio"
  lab_tshark pbx.pcapng 'tls.handshake.type == 1 || tls.handshake.type == 2 || tls.handshake.type == 11 || tls.alert_message' frame.number frame.time_relative ip.src ip.dst tls.handshake.type tls.alert_message.desc
  lab_assert '[ "$(printf "%s\n" "$LAB_RESULT" | grep -cE "	1	?$")" -ge 3 ]' "three ClientHellos from the transfer's sender"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -qE "	(48|42|43|46)$"' "the client aborts with a certificate alert"
  lab_tshark pbx.pcapng 'tls.handshake.type == 11' frame.number x509sat.uTF8String
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q localhost' "kamailio presents its default certificate (localhost)"
  lab_tshark pbx.pcapng 'tls.app_data' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no application data: no REFER is ever sent"
  lab_tshark pbx.pcapng 'tls.handshake.type == 1' frame.number
  local first; first=$(lab_first)
  lab_finding REFER_NOT_DELIVERED 1 pbx.pcapng "$first"
  lab_tshark bob.pcapng 'tls.alert_message' frame.number
  lab_finding TLS_HANDSHAKE_FAILURE 1 bob.pcapng "$(lab_first)"
}
