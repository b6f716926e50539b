# Healthy: carol sits behind a NAT router and sends her media through a TURN
# relay (coturn, RFC 8656) that she allocates with long-term credentials;
# bob (public) calls her; media flows bob <-> relay <-> carol.
scenario_run() {
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture pbx pbx eth0
  lab_capture turn turn eth0
  lab_capture nat2-wan nat2 wan
  lab_baresip_config carol "$CAROL_IP" \
    "<sip:carol@$PBX_IP>;auth_pass=carol-secret;regint=600;answermode=auto;audio_codecs=PCMU;medianat=turn;stunserver=turn:$TURN_IP:3478;stunuser=carol;stunpass=carol-secret"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start carol carol 20
  sleep 1
  lab_baresip_start bob bob 20
  sleep 1
  lab_ctrl bob dial "sip:carol@$PBX_IP"
  sleep 7
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark turn.pcapng 'stun.type == 0x0003 || stun.type == 0x0103 || stun.type == 0x0113' frame.number ip.src ip.dst stun.type stun.att.error
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "0x0103"' "Allocate succeeded"
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE"' frame.number ip.src sdp.connection_info.address sdp.media.port
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "$TURN_IP"' "carol's answer points at the relay"
  lab_tshark turn.pcapng 'rtp && !icmp && (ip.src == '"$BOB_IP"' || ip.dst == '"$BOB_IP"')' ip.src ip.dst
  local out in
  out=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$TURN_IP	$BOB_IP" || true)
  in=$(printf '%s\n' "$LAB_RESULT" | grep -c "^$BOB_IP	$TURN_IP" || true)
  lab_note "RTP between relay and bob: relay → bob $out, bob → relay $in packets."
  lab_assert '[ "$out" -ge 150 ] && [ "$in" -ge 150 ]' "media relayed both ways"
}
