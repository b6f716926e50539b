# Failure: alice's NAT router runs a SIP ALG (the Linux kernel's SIP
# connection-tracking and NAT helpers, nf_conntrack_sip/nf_nat_sip, enabled
# for UDP 5060). alice's phone has no STUN; the ALG rewrites the addresses in
# her SIP headers and SDP on the way out. Captured on both sides of the NAT.
scenario_run() {
  lab_in nat1 nft -f - <<EOT
table ip lab_alg {
  ct helper sip-5060 { type "sip" protocol udp; }
  chain prerouting {
    type filter hook prerouting priority 0;
    udp dport 5060 ct helper set "sip-5060"
    udp sport 5060 ct helper set "sip-5060"
  }
}
EOT
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture nat1-lan nat1 lan
  lab_capture nat1-wan nat1 wan
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_start bob bob 20
  sleep 1
  lab_baresip_start alice alice 20
  sleep 1
  lab_ctrl alice dial "sip:bob@$PBX_IP"
  sleep 5
  lab_ctrl alice hangup
  sleep 1
}

scenario_check() {
  lab_tshark nat1-lan.pcapng 'sip.Method == "INVITE"' frame.number sip.Via sip.contact.uri sdp.connection_info.address sdp.owner.address sip.Content-Length
  local lan lan_first; lan=$LAB_RESULT; lan_first=$(lab_first)
  lab_assert 'printf "%s" "$lan" | grep -q "192.168.1.10"' "alice wrote her private address"
  lab_tshark nat1-wan.pcapng 'sip.Method == "INVITE"' frame.number sip.Via sip.contact.uri sdp.connection_info.address sdp.owner.address sip.Content-Length
  local first; first=$(lab_first)
  lab_assert '! printf "%s" "$LAB_RESULT" | cut -f2-4 | grep -q "192.168.1.10"' "Via, Contact and c= rewritten on the WAN side"
  lab_assert '[ "$(printf "%s" "$lan" | head -n1 | cut -f2-)" != "$(printf "%s" "$LAB_RESULT" | head -n1 | cut -f2-)" ]' "the same INVITE differs between the two sides of the NAT"
  lab_finding SIP_ALG_TAMPERING 1 nat1-wan.pcapng "$first" nat1-lan.pcapng "$lan_first"
}
