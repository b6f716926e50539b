# Failure: a host firewall on both phones blocks the media port range
# (UDP 10000-20000 out). The call is set up and torn down normally; not one
# RTP packet is on the wire.
scenario_run() {
  lab_kamailio WITH_AUTH
  local who
  for who in bob dave; do
    lab_in "$who" nft -f - <<EOT
table ip lab_host {
  chain output { type filter hook output priority 0; policy accept; udp sport 10000-20000 drop; }
}
EOT
  done
  lab_capture pbx pbx eth0
  lab_capture bob bob eth0
  lab_capture dave dave eth0
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
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE" || sip.Method == "ACK" || sip.Method == "BYE"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line
  lab_assert '[ "$(printf "%s" "$LAB_RESULT" | grep -c "ACK sip")" -ge 2 ]' "call answered and acknowledged"
  lab_assert '[ "$(printf "%s" "$LAB_RESULT" | grep -c "BYE sip")" -ge 2 ]' "call ended with BYE"
  lab_tshark bob.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE"' frame.number sdp.connection_info.address sdp.media.port
  local ok; ok=$(lab_first)
  lab_tshark bob.pcapng 'udp && !sip' frame.number ip.src ip.dst udp.srcport udp.dstport
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no media packet at bob"
  lab_tshark dave.pcapng 'udp && !sip' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no media packet at dave"
  # the captures hold nothing but SIP, exactly like a capture filtered to SIP: the packets cannot
  # prove the silence, so the capture finding comes first and NO_MEDIA is information
  # the answer as the proxy sends it on to the caller (bob, 203.0.113.20): the captures are read
  # together, merged by time, and the proxy's copy is the earliest of that message
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE" && ip.dst == 203.0.113.20' frame.number
  lab_finding CAPTURE_SIGNALLING_ONLY 1 pbx.pcapng "$(lab_first)"
  lab_finding NO_MEDIA 1 bob.pcapng "$ok"
}
