# Failure: a scanner on the internet probes the provider's SIP server with
# SIPVicious: svmap (OPTIONS) finds the server, svwar guesses extensions
# 100-199 with INVITE. Bounded: 100 extensions, one pass.
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_start svmap bob svmap -p 5060 "$PBX_IP"
  lab_wait svmap
  lab_start svwar bob svwar -e100-199 -m INVITE "$PBX_IP"
  lab_wait svwar
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Method && ip.src == '"$BOB_IP" frame.number sip.Method sip.From sip.User-Agent
  local n first; n=$(lab_count); first=$(lab_first)
  lab_note "Requests from 203.0.113.20: $n."
  lab_assert '[ "$n" -ge 100 ]' "a flood of requests from one source"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -qi "friendly-scanner"' "scanner user agent"
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && ip.src == '"$BOB_IP" sip.to.user
  lab_note "Distinct users tried: $(printf '%s\n' "$LAB_RESULT" | sort -u | grep -c '')."
  lab_finding TOLL_FRAUD_SCAN 1 pbx.pcapng "$first"
}
