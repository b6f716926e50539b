# Failure: the controller's candidate access list blocks every candidate the
# caller offers. kamailio plays the media controller: it blacklists
# 192.168.0.0/16 and 203.0.113.0/24 (address table group 2). alice, behind
# NAT1, offers her host candidate 192.168.1.10 and her server-reflexive one
# 203.0.113.11 (STUN through coturn); both are blocked: 100 Trying, then 488.
scenario_run() {
  lab_coturn
  lab_kamailio WITH_AUTH WITH_NAT WITH_CANDIDATE_ACL
  lab_capture pbx pbx eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config alice "$ALICE_IP" \
    "<sip:alice@$PBX_IP>;auth_pass=alice-secret;regint=600;audio_codecs=PCMU;medianat=ice;stunserver=stun:$TURN_IP:3478"
  lab_baresip_start dave dave 10
  sleep 1
  lab_baresip_start alice alice 10
  sleep 2
  lab_ctrl alice dial "sip:dave@$PBX_IP"
  sleep 3
  # The controller's own word for it: the lines its xlog wrote, without the
  # process prefix kamailio puts on standard error.
  grep 'rejected by acl' "$LAB_RUN/kamailio.log" | sed 's/^.*<script>: //' >"$LAB_OUT/kamailio.log"
  [ "$LAB_OUT" = "$LAB_SCENARIO_DIR" ] || cp "$LAB_SCENARIO_DIR/acl.txt" "$LAB_OUT/"
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" || sip.Method == "ACK"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "100 Trying"' "100 Trying first"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "488 Not Acceptable Here"' "then 488"
  lab_assert '! printf "%s" "$LAB_RESULT" | grep -qE "SIP/2.0 18[03]"' "nobody rang"
  lab_assert '! printf "%s" "$LAB_RESULT" | grep -q "	$DAVE_IP	"' "the INVITE never reached dave"
  lab_tshark pbx.pcapng 'sip.Method == "INVITE" && sdp' frame.number sdp.ice_candidate.address sdp.ice_candidate.type sdp.media
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "192.168.1.10" && printf "%s" "$LAB_RESULT" | grep -q "203.0.113.11"' "host and srflx candidates offered"
  lab_tshark pbx.pcapng 'sip.Status-Code == 488' frame.number sip.Status-Line sdp.media
  local rejected; rejected=$(lab_first)
  lab_note "kamailio.log:"
  lab_note "$(sed 's/^/    /' "$LAB_OUT/kamailio.log" 2>/dev/null)"
  lab_assert 'grep -q "candidate 192.168.1.10:.* rejected by acl" "$LAB_OUT/kamailio.log"' "the log rejects the host candidate"
  lab_assert 'grep -q "candidate 203.0.113.11:.* rejected by acl" "$LAB_OUT/kamailio.log"' "the log rejects the srflx candidate"
  lab_input_log kamailio.log
  lab_input_acl acl.txt
  lab_finding ACL_CANDIDATES_488 1 pbx.pcapng "$rejected"
  lab_finding_line kamailio.log 1
}
