# Failure: alice's NAT router drops every inbound packet from bob's address
# (a firewall rule meant for something else). Signalling goes via the
# provider and works; alice's RTP reaches bob, bob's RTP dies at the router.
# Captured on both sides of the NAT.
scenario_run() {
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_nft_forward nat1 iifname wan ip saddr "$BOB_IP" drop
  lab_capture nat1-wan nat1 wan
  lab_capture nat1-lan nat1 lan
  lab_capture pbx pbx eth0
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;answermode=auto;audio_codecs=PCMU;medianat=stun;stunserver=stun:$TURN_IP:3478"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start alice alice 20
  sleep 1
  lab_baresip_start bob bob 20
  sleep 1
  lab_ctrl bob dial "sip:alice@$PBX_IP"
  sleep 6
  lab_ctrl bob hangup
  sleep 1
}

rtp_directions() {
  local file=$1
  lab_tshark "$file" 'rtp && !icmp && !icmp' ip.src ip.dst
  out=$(printf '%s\n' "$LAB_RESULT" | grep -c "	$BOB_IP\$" || true)
  in=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$BOB_IP	" || true)
}

scenario_check() {
  local out in
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE"' frame.number ip.src ip.dst sip.Status-Line
  lab_assert '[ "$(lab_count)" -ge 2 ]' "call answered"
  rtp_directions nat1-wan.pcapng
  lab_note "WAN side of alice's NAT: RTP towards bob $out, from bob $in packets."
  lab_assert '[ "$out" -ge 150 ] && [ "$in" -ge 150 ]' "both directions on the WAN side"
  rtp_directions nat1-lan.pcapng
  lab_note "LAN side of alice's NAT: RTP towards bob $out, from bob $in packets."
  lab_assert '[ "$out" -ge 150 ] && [ "$in" -eq 0 ]' "only alice -> bob on the LAN side"
  lab_tshark nat1-lan.pcapng 'rtp && !icmp && !icmp' frame.number ip.src ip.dst rtp.ssrc
  local flowing; flowing=$(lab_first)
  lab_tshark nat1-wan.pcapng 'rtp && !icmp && ip.src == '"$BOB_IP" frame.number ip.src ip.dst rtp.ssrc
  lab_note "bob's RTP passes the WAN side (first at frame $(lab_first)) and vanishes in the router."
  lab_finding ONE_WAY_AUDIO 1 nat1-lan.pcapng "$flowing" nat1-wan.pcapng "$(lab_first)"
}
