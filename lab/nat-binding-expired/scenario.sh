# Failure: alice's NAT router forgets idle UDP mappings after 10 s; her
# phone registers for 10 minutes and sends no keepalives. 15 s later bob
# calls her: the proxy's INVITE to her registered public address:port finds
# no mapping and is dropped by the router; the proxy retransmits and finally
# answers bob 408.
scenario_run() {
  lab_in nat1 sysctl -qw net.netfilter.nf_conntrack_udp_timeout=10
  lab_in nat1 sysctl -qw net.netfilter.nf_conntrack_udp_timeout_stream=10
  lab_kamailio WITH_AUTH WITH_NAT
  lab_capture pbx pbx eth0
  lab_capture nat1-wan nat1 wan
  lab_capture nat1-lan nat1 lan
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start alice alice 60
  lab_baresip_start bob bob 60
  sleep 15
  lab_ctrl bob dial "sip:alice@$PBX_IP"
  lab_wait_log baresip-bob 'session closed' 45
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "REGISTER" && ip.dst == '"$NAT1_WAN" frame.number frame.time_relative sip.contact.uri sip.Expires
  lab_assert '[ "$(lab_count)" -ge 1 ]' "alice registered through the NAT"
  local reg; reg=$(lab_first 2)
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && ip.src == '"$PBX_IP"' && ip.dst == '"$NAT1_WAN" frame.number frame.time_relative sip.Request-Line
  local n first t; n=$(lab_count); first=$(lab_first); t=$(lab_first 2)
  lab_note "Registered at $reg s; first INVITE to the registered address at $t s; $n INVITEs in all."
  lab_assert '[ "$n" -ge 4 ]' "INVITE to the registered contact retransmitted"
  lab_tshark pbx.pcapng 'ip.src == '"$NAT1_WAN"' && frame.time_relative > 1' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "nothing comes back from alice's NAT after the registration"
  lab_tshark pbx.pcapng 'sip.Status-Code == 408 || sip.Status-Code == 480' frame.number frame.time_relative ip.dst sip.Status-Line
  lab_assert '[ "$(lab_count)" -ge 1 ]' "bob gets 408/480"
  lab_tshark nat1-lan.pcapng 'sip.Method == "INVITE"' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no INVITE reaches alice's LAN"
  lab_finding NAT_BINDING_EXPIRED 1 pbx.pcapng "$first"
}
