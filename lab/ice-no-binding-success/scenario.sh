# Failure: as ice-call (alice and carol behind two NAT routers, both using
# ICE with STUN), but carol's router drops every packet from alice's public
# address: the media path between the two networks is blocked. Connectivity
# checks repeat and no Binding Success Response ever arrives.
scenario_run() {
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_nft_forward nat2 iifname wan ip saddr "$NAT1_WAN" drop
  lab_capture pbx pbx eth0
  lab_capture nat1-wan nat1 wan
  lab_capture nat2-wan nat2 wan
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;audio_codecs=PCMU;medianat=ice;stunserver=stun:$TURN_IP:3478"
  lab_baresip_config carol "$CAROL_IP" \
    "<sip:carol@$PBX_IP>;auth_pass=carol-secret;regint=600;answermode=auto;audio_codecs=PCMU;medianat=ice;stunserver=stun:$TURN_IP:3478"
  lab_baresip_start carol carol 30
  sleep 1
  lab_baresip_start alice alice 30
  sleep 1
  lab_ctrl alice dial "sip:carol@$PBX_IP"
  sleep 15
  lab_ctrl alice hangup
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" && sdp' frame.number ip.src sip.Status-Line sdp.ice_candidate.address sdp.ice_candidate.type
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q srflx' "both sides offer server-reflexive candidates"
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0001 && ip.dst == '"$NAT2_WAN" frame.number frame.time_relative udp.srcport udp.dstport stun.id
  local n first; n=$(lab_count); first=$(lab_first)
  lab_assert '[ "$n" -ge 4 ]' "alice's Binding Requests to carol's srflx candidate repeat"
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0101 && ip.src == '"$NAT2_WAN" frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no Binding Success from carol's side"
  lab_tshark nat2-wan.pcapng 'stun.type == 0x0101 && ip.dst == '"$NAT1_WAN" frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "carol never answers (she never receives a check)"
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0001 && ip.src == '"$NAT2_WAN" frame.number frame.time_relative
  lab_note "carol's checks reach alice's NAT ($(lab_count) Binding Requests); alice's answers die at carol's router."
  lab_tshark nat1-wan.pcapng 'rtp && !icmp && ip.src == '"$NAT2_WAN" frame.number
  lab_note "RTP from carol reaching alice's NAT: $(lab_count) packets."
  lab_finding ICE_NO_BINDING_SUCCESS 1 nat1-wan.pcapng "$first"
}
