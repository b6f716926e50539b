# Healthy: alice sits behind a NAT router (192.168.1.10 -> 203.0.113.11) and
# learns her public address with STUN (coturn); kamailio handles NAT for
# signalling; bob (public) calls alice, 5 s of PCMU both ways.
scenario_run() {
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture pbx pbx eth0
  lab_capture nat1-wan nat1 wan
  lab_capture nat1-lan nat1 lan
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
  lab_tshark nat1-lan.pcapng 'stun' frame.number ip.src ip.dst stun.type stun.att.ipv4 stun.att.port
  lab_assert '[ "$(lab_count)" -ge 2 ]' "STUN binding request and response on the LAN side"
  lab_tshark nat1-wan.pcapng 'sip.CSeq.method == "INVITE" && sdp' frame.number ip.src ip.dst sip.Status-Line sdp.connection_info.address sdp.media.port
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "200.*203.0.113.11"' "alice's answer carries her public address"
  lab_tshark nat1-wan.pcapng 'rtp && !icmp && !icmp' ip.src ip.dst
  local out in
  out=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$NAT1_WAN	$BOB_IP" || true)
  in=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$BOB_IP	$NAT1_WAN" || true)
  lab_note "RTP packets on the NAT's WAN side, alice → bob: $out, bob → alice: $in."
  lab_assert '[ "$out" -ge 150 ] && [ "$in" -ge 150 ]' "RTP both ways through the NAT ($out out, $in in)"
}
