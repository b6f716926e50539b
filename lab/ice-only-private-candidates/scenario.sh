# Failure: alice's phone is configured with a STUN server inside her own LAN
# (192.168.1.1, on her router's LAN side). Asked from the LAN, it can only
# reflect her private address, so her ICE agent gathers no usable
# server-reflexive candidate and offers host candidates with 192.168.1.10
# only. carol, behind another NAT, cannot reach them.
scenario_run() {
  lab_coturn
  LAB_COTURN_NS=nat1 LAB_COTURN_IP=192.168.1.1 LAB_COTURN_LOG=coturn-lan lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture pbx pbx eth0
  lab_capture nat1-wan nat1 wan
  lab_capture nat1-lan nat1 lan
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;audio_codecs=PCMU;medianat=ice;stunserver=stun:192.168.1.1:3478"
  lab_baresip_config carol "$CAROL_IP" \
    "<sip:carol@$PBX_IP>;auth_pass=carol-secret;regint=600;answermode=auto;audio_codecs=PCMU;medianat=ice;stunserver=stun:$TURN_IP:3478"
  lab_baresip_start carol carol 30
  sleep 1
  lab_baresip_start alice alice 30
  sleep 1
  lab_ctrl alice dial "sip:carol@$PBX_IP"
  sleep 12
  lab_ctrl alice hangup
  sleep 1
}

scenario_check() {
  lab_tshark nat1-lan.pcapng 'stun.type == 0x0101 && ip.src == 192.168.1.1' frame.number ip.dst stun.att.ipv4 stun.att.port
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "192.168.1.10"' "the LAN's STUN server reflects the private address"
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && sdp && ip.src == '"$NAT1_WAN" frame.number sdp.ice_candidate.address sdp.ice_candidate.type
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q host && ! printf "%s" "$LAB_RESULT" | grep -qE "203\.0\.113|relay"' "alice offers only private candidates"
  lab_finding ICE_ONLY_PRIVATE_CANDIDATES 1 pbx.pcapng "$(lab_first)"
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE" && sdp && ip.src == '"$NAT2_WAN" frame.number sdp.ice_candidate.address sdp.ice_candidate.type
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q srflx' "carol answers with a server-reflexive candidate"
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0001 && ip.src == '"$NAT2_WAN" frame.number frame.time_relative ip.dst
  lab_note "carol's checks towards alice on alice's WAN side: $(lab_count) (her host candidates are unreachable; srflx checks from carol die at alice's router)."
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0101' frame.number ip.src ip.dst
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no Binding Success between the two sides"
  lab_tshark nat1-wan.pcapng 'stun.type == 0x0001 && ip.src == '"$NAT1_WAN"' && ip.dst == '"$NAT2_WAN" frame.number stun.id
  lab_finding ICE_NO_BINDING_SUCCESS 1 nat1-wan.pcapng "$(lab_first)"
}
