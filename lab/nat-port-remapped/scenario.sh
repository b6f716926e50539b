# Failure: alice's NAT router picks a random public port for every new
# mapping (nftables "masquerade random": address- and port-dependent
# mapping, a "symmetric" NAT). alice learns 203.0.113.11:X from the STUN
# server and puts X in her SDP, but her RTP to bob leaves from another port
# Y; bob's RTP to X matches no mapping and is dropped.
scenario_run() {
  lab_in nat1 nft flush chain ip lab_nat postrouting
  lab_in nat1 nft add rule ip lab_nat postrouting oifname wan masquerade random
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture nat1-wan nat1 wan
  lab_capture nat1-lan nat1 lan
  lab_capture bob bob eth0
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

scenario_check() {
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0101' frame.number stun.att.ipv4 stun.att.port
  lab_tshark bob.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE"' frame.number sdp.connection_info.address sdp.media.port
  local sdp_port; sdp_port=$(lab_first 3)
  lab_tshark bob.pcapng 'rtp && !icmp && ip.src == '"$NAT1_WAN" frame.number udp.srcport
  local rtp_port; rtp_port=$(lab_first 2)
  lab_note "alice's SDP announces port $sdp_port; her RTP reaches bob from port $rtp_port."
  lab_assert '[ -n "$rtp_port" ] && [ "$sdp_port" != "$rtp_port" ]' "media leaves the NAT from another port than announced"
  lab_tshark nat1-lan.pcapng 'rtp && !icmp && ip.dst == '"$ALICE_IP" frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "bob's media to the announced port never reaches alice"
  lab_tshark nat1-lan.pcapng 'rtp && !icmp && ip.src == '"$ALICE_IP" frame.number udp.srcport rtp.ssrc rtp.seq
  local lan_first lan_port lan_seq; lan_first=$(lab_first); lan_port=$(lab_first 2); lan_seq=$(lab_first 4)
  lab_tshark nat1-wan.pcapng 'rtp && !icmp && ip.src == '"$NAT1_WAN"' && rtp.seq == '"$lan_seq" frame.number udp.srcport rtp.ssrc rtp.seq
  local wan_first; wan_first=$(lab_first)
  lab_note "alice's first RTP packet (sequence number $lan_seq) leaves her from port $lan_port on the LAN side (frame $lan_first) and the NAT from port $rtp_port on the WAN side (frame $wan_first)."
  lab_assert '[ -n "$wan_first" ] && [ "$(lab_first 2)" = "$rtp_port" ]' "the same packet leaves the NAT from the remapped port"
  lab_finding NAT_PORT_REMAPPED 1 nat1-lan.pcapng "$lan_first" nat1-wan.pcapng "$wan_first"
  lab_tshark nat1-wan.pcapng 'rtp && !icmp && ip.src == '"$BOB_IP" frame.number ip.dst udp.dstport
  local lost; lost=$(lab_first)
  lab_note "bob's RTP to the announced port passes the WAN side (first at frame $lost) and never appears on the LAN side."
  lab_finding ONE_WAY_AUDIO 1 nat1-lan.pcapng "$lan_first" nat1-wan.pcapng "$lost"
}
