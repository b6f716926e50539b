# Failure: kamailio's TLS interface serves a self-signed default certificate
# (CN=localhost) instead of the provider's certificate for pbx.lab.example.
# A client that trusts the lab CA, asks for pbx.lab.example (SNI) and checks
# the server certificate aborts every handshake with a fatal alert. The client
# is openssl s_client carrying a SIP OPTIONS: baresip 1.0 (libre) and sipsak
# 0.9.8 do not reject a server certificate that fails verification.
# kamailio logs through syslog; rsyslogd writes its lines to kamailio.log,
# kept whole beside the captures.
scenario_run() {
  lab_tls_certs wrong
  lab_syslog
  lab_kamailio WITH_AUTH WITH_TLS WITH_SYSLOG
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
  # kamailio's own log as the host's syslog daemon wrote it, kept whole
  cp "$LAB_RUN/syslog/kamailio.log" "$LAB_OUT/kamailio.log"
}

scenario_check() {
  lab_tshark bob.pcapng 'tls.handshake.type == 1 || tls.handshake.type == 2 || tls.handshake.type == 11 || tls.alert_message' frame.number ip.src ip.dst tls.handshake.type tls.alert_message.level tls.alert_message.desc
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -qE "	2	(48|42|43|46)$"' "fatal certificate alert from the client"
  local first; first=$(printf '%s\n' "$LAB_RESULT" | grep -E "	2	[0-9]+$" | head -n1 | cut -f1)
  lab_tshark bob.pcapng 'tls.handshake.type == 11' frame.number x509sat.uTF8String x509ce.dNSName x509af.utcTime
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q localhost' "the certificate names localhost"
  lab_tshark bob.pcapng 'tls.app_data' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no application data: the handshake never completes"
  # kamailio's side of the same failure: OpenSSL's reason, then the client's
  # address and port on the next line, which must be the first connection's
  lab_tshark bob.pcapng "frame.number == $first" frame.number ip.src tcp.srcport tls.alert_message.desc
  local port; port=$(lab_first 3)
  local line; line=$(grep -n 'SSL routines' "$LAB_OUT/kamailio.log" | head -n1 | cut -d: -f1)
  lab_note "kamailio.log (written by rsyslogd from kamailio's syslog messages), the first failure:"
  lab_note "$(printf '```\n$ grep -n -A1 -m1 "SSL routines" kamailio.log\n'; grep -n -A1 -m1 'SSL routines' "$LAB_OUT/kamailio.log"; printf '```')"
  lab_assert '[ -n "$line" ] && sed -n "${line}p" "$LAB_OUT/kamailio.log" | grep -q "TLS accept:error:.*SSL routines::tlsv1 alert unknown ca"' \
    "kamailio logs OpenSSL's reason: the client does not know the certificate's CA"
  lab_assert 'sed -n "$((line + 1))p" "$LAB_OUT/kamailio.log" | grep -q "src addr: $BOB_IP:$port\$"' \
    "the next line names the client's address and port of the first connection ($BOB_IP:$port)"
  lab_assert '[ "$(grep -c "SSL routines" "$LAB_OUT/kamailio.log")" -eq 3 ]' "one such failure per connection"
  lab_input_log kamailio.log
  lab_finding TLS_HANDSHAKE_FAILURE 1 bob.pcapng "$first"
  lab_finding_line kamailio.log "$line"
}
