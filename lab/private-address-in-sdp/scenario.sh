# Failure: alice sits behind a NAT router without STUN; the proxy fixes the
# signalling for NAT but relays no media. alice calls bob; her offer says
# c=IN IP4 192.168.1.10, so bob's media goes to an address the internet
# cannot reach.
scenario_run() {
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  lab_capture nat1-lan nat1 lan
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_start bob bob 20
  sleep 1
  lab_baresip_start alice alice 20
  sleep 1
  lab_ctrl alice dial "sip:bob@$PBX_IP"
  sleep 6
  lab_ctrl alice hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && ip.src == '"$NAT1_WAN" frame.number ip.src sip.contact.uri sdp.connection_info.address sdp.media.port
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "192.168.1.10"' "offer from a public source carries a private address"
  lab_finding PRIVATE_ADDRESS_IN_SDP 1 pbx.pcapng "$(lab_first)"
  lab_tshark bob.pcapng 'rtp && !icmp && !icmp' ip.src ip.dst
  local out in
  out=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$BOB_IP	" || true)
  in=$(printf '%s\n' "$LAB_RESULT" | grep -c "	$BOB_IP\$" || true)
  lab_note "At bob: RTP sent $out (all to 192.168.1.10), received $in (from 203.0.113.11) packets."
  lab_assert '[ "$out" -ge 150 ] && [ "$in" -ge 150 ]' "bob sends into the void and hears alice"
  lab_tshark bob.pcapng 'rtp && !icmp && ip.dst == 192.168.1.10' frame.number ip.src ip.dst udp.dstport
  lab_finding ONE_WAY_AUDIO 1 bob.pcapng "$(lab_first)"
  lab_tshark bob.pcapng 'icmp.type == 3' frame.number ip.src icmp.code ip.dst
  lab_note "ICMP destination unreachable back to bob: $(lab_count) packets."
  lab_tshark nat1-lan.pcapng 'rtp && !icmp && !icmp' ip.src ip.dst
  local lan_in; lan_in=$(printf '%s\n' "$LAB_RESULT" | grep -c "	$ALICE_IP\$" || true)
  lab_note "RTP that reaches alice on her LAN: $lan_in packets."
  lab_assert '[ "$lan_in" -eq 0 ]' "nothing reaches alice"
}
