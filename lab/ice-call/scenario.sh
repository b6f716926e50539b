# Healthy: alice and carol sit behind two different NAT routers; both phones
# use ICE (RFC 8445) with coturn as STUN server. alice calls carol; the
# connectivity checks between the server-reflexive candidates succeed and
# media flows both ways through both NATs.
scenario_run() {
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture pbx pbx eth0
  lab_capture nat1-wan nat1 wan
  lab_capture nat2-wan nat2 wan
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;audio_codecs=PCMU;medianat=ice;stunserver=stun:$TURN_IP:3478"
  lab_baresip_config carol "$CAROL_IP" \
    "<sip:carol@$PBX_IP>;auth_pass=carol-secret;regint=600;answermode=auto;audio_codecs=PCMU;medianat=ice;stunserver=stun:$TURN_IP:3478"
  lab_baresip_start carol carol 20
  sleep 1
  lab_baresip_start alice alice 20
  sleep 1
  lab_ctrl alice dial "sip:carol@$PBX_IP"
  # ICE checks take about 3 s before media starts.
  sleep 9
  lab_ctrl alice hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" && sdp' frame.number ip.src sip.Status-Line sdp.ice_candidate.address sdp.ice_candidate.type
  lab_tshark nat1-wan.pcapng 'stun && ip.src == '"$NAT2_WAN"' && ip.dst == '"$NAT1_WAN" frame.number ip.src udp.srcport ip.dst udp.dstport stun.type
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0101 && ip.dst == '"$NAT1_WAN"' && ip.src == '"$NAT2_WAN" frame.number ip.src ip.dst stun.att.ipv4
  lab_assert '[ "$(lab_count)" -ge 1 ]' "Binding Success between the two NATs"
  lab_tshark nat1-wan.pcapng 'rtp && !icmp && !icmp' ip.src ip.dst
  local out in
  out=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$NAT1_WAN	$NAT2_WAN" || true)
  in=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$NAT2_WAN	$NAT1_WAN" || true)
  lab_note "RTP on alice's WAN side: to carol $out, from carol $in packets."
  lab_assert '[ "$out" -ge 150 ] && [ "$in" -ge 150 ]' "RTP both ways between the NATs"
}
