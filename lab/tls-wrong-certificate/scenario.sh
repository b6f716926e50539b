# Failure: kamailio's TLS interface serves a self-signed default certificate
# (CN=localhost) instead of the provider's certificate for pbx.lab.example.
# A client that trusts the lab CA, asks for pbx.lab.example (SNI) and checks
# the server certificate aborts every handshake with a fatal alert. The client
# is openssl s_client carrying a SIP OPTIONS: baresip 1.0 (libre) and sipsak
# 0.9.8 do not reject a server certificate that fails verification.
scenario_run() {
  lab_tls_certs wrong
  lab_kamailio WITH_AUTH WITH_TLS
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  local i
  for i in 1 2 3; do
    printf 'OPTIONS sip:%s:5061 SIP/2.0\r\nVia: SIP/2.0/TLS %s:5061;branch=z9hG4bK-lab-%s\r\nMax-Forwards: 70\r\nFrom: <sip:bob@pbx.lab.example>;tag=lab%s\r\nTo: <sip:pbx.lab.example>\r\nCall-ID: lab-tls-%s@%s\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n' \
      "$PBX_IP" "$BOB_IP" "$i" "$i" "$i" "$BOB_IP" >"$LAB_RUN/options-$i.txt"
    lab_start "s_client-$i" bob timeout 5 openssl s_client -connect "$PBX_IP:5061" -servername pbx.lab.example \
      -CAfile "$LAB_RUN/tls/ca.crt" -verify_hostname pbx.lab.example -verify_return_error \
      -ign_eof -quiet <"$LAB_RUN/options-$i.txt"
    lab_wait "s_client-$i"
    sleep 1
  done
}

scenario_check() {
  lab_tshark bob.pcapng 'tls.handshake.type == 1 || tls.handshake.type == 2 || tls.handshake.type == 11 || tls.alert_message' frame.number ip.src ip.dst tls.handshake.type tls.alert_message.level tls.alert_message.desc
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -qE "	2	(48|42|43|46)$"' "fatal certificate alert from the client"
  local first; first=$(printf '%s\n' "$LAB_RESULT" | grep -E "	2	[0-9]+$" | head -n1 | cut -f1)
  lab_tshark bob.pcapng 'tls.handshake.type == 11' frame.number x509sat.uTF8String x509ce.dNSName x509af.utcTime
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q localhost' "the certificate names localhost"
  lab_tshark bob.pcapng 'tls.app_data' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no application data: the handshake never completes"
  lab_finding TLS_HANDSHAKE_FAILURE 1 bob.pcapng "$first"
}
