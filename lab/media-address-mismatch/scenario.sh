# Failure: dave's host has two public addresses, 203.0.113.30 (the one his
# phone signals and announces in SDP) and 203.0.113.31. A stateless address
# rewrite on the host (nftables, as a misconfigured 1:1 NAT would do) sends
# his media from 203.0.113.31, an address his SDP never named.
scenario_run() {
  lab_in dave ip addr add 203.0.113.31/24 dev eth0
  lab_in dave nft -f - <<EOT
table ip lab_rewrite {
  chain output { type filter hook output priority -300; udp sport 10000-20000 notrack; }
  chain postrouting { type filter hook postrouting priority 100; udp sport 10000-20000 ip saddr set 203.0.113.31; }
}
EOT
  lab_kamailio WITH_AUTH
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start dave dave 20
  sleep 1
  lab_baresip_start bob bob 20
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 6
  lab_ctrl bob hangup
  sleep 1
}

scenario_check() {
  lab_tshark bob.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE"' frame.number sdp.connection_info.address sdp.media.port
  local sdp_addr; sdp_addr=$(lab_first 2)
  lab_tshark bob.pcapng 'rtp && !icmp && ip.dst == '"$BOB_IP" frame.number ip.src udp.srcport
  local first src; first=$(lab_first); src=$(lab_first 2)
  lab_note "dave's answer announces $sdp_addr; his RTP reaches bob from $src."
  lab_assert '[ -n "$src" ] && [ "$src" != "$sdp_addr" ]' "media comes from an address the SDP does not name"
  lab_finding MEDIA_ADDRESS_MISMATCH 1 bob.pcapng "$first"
}
