# Failure: a firewall on the way to the provider drops SIP (UDP 5060 towards
# 198.51.100.10). bob's REGISTER is retransmitted with RFC 3261 timer E
# doubling and never answered.
scenario_run() {
  lab_kamailio WITH_AUTH
  lab_nft_forward inet ip daddr "$PBX_IP" udp dport 5060 drop
  lab_capture bob bob eth0
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start bob bob 12
  lab_wait baresip-bob
}

scenario_check() {
  lab_tshark bob.pcapng 'sip' frame.number frame.time_relative ip.dst sip.Request-Line sip.Status-Line
  lab_assert '[ "$(printf "%s" "$LAB_RESULT" | grep -c "REGISTER sip")" -ge 5 ]' "REGISTER retransmitted"
  lab_assert '! printf "%s" "$LAB_RESULT" | grep -q "SIP/2.0 "' "no response at all"
  local first; first=$(lab_first)
  lab_finding SIGNALLING_UNREACHABLE 1 bob.pcapng "$first"
}
