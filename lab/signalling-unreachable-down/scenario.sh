# Failure: the provider's SIP server is down (nothing listens on
# 198.51.100.10:5060). bob's REGISTER gets ICMP port unreachable.
scenario_run() {
  lab_capture bob bob eth0
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start bob bob 8
  lab_wait baresip-bob
}

scenario_check() {
  lab_tshark bob.pcapng 'sip || icmp' frame.number frame.time_relative ip.src ip.dst sip.Request-Line icmp.type icmp.code
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "REGISTER sip"' "REGISTER sent"
  local first; first=$(lab_first)
  lab_tshark bob.pcapng 'icmp.type == 3 && icmp.code == 3 && udp.dstport == 5060' frame.number ip.src
  lab_assert '[ "$(lab_count)" -ge 1 ]' "ICMP port unreachable from the server"
  lab_finding SIGNALLING_UNREACHABLE 1 bob.pcapng "$first"
}
