# Failure: kamailio accepts INVITEs only from the provider's own network
# (permissions module, address table group 1 = 198.51.100.0/24). bob calls
# from 203.0.113.20, which the list does not contain: 403 at once.
scenario_run() {
  lab_kamailio WITH_AUTH WITH_ACL
  lab_capture pbx pbx eth0
  lab_baresip_config dave "$DAVE_IP" \
    "<sip:dave@$PBX_IP>;auth_pass=dave-secret;regint=600;answermode=auto;audio_codecs=PCMU"
  lab_baresip_config bob "$BOB_IP" \
    "<sip:bob@$PBX_IP>;auth_pass=bob-secret;regint=600;audio_codecs=PCMU"
  lab_baresip_start dave dave 8
  sleep 1
  lab_baresip_start bob bob 8
  sleep 1
  lab_ctrl bob dial "sip:dave@$PBX_IP"
  sleep 2
  # The proxy's own word for it, kept beside the capture: the line its xlog
  # wrote, without the process prefix kamailio puts on standard error.
  grep 'Rejected by acl' "$LAB_RUN/kamailio.log" | sed 's/^.*<script>: //' >"$LAB_OUT/kamailio.log"
  [ "$LAB_OUT" = "$LAB_SCENARIO_DIR" ] || cp "$LAB_SCENARIO_DIR/acl.txt" "$LAB_OUT/"
}

scenario_check() {
  lab_tshark pbx.pcapng 'sip.CSeq.method == "INVITE" || sip.Method == "ACK"' frame.number ip.src ip.dst sip.Request-Line sip.Status-Line
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "403 Forbidden"' "INVITE answered with 403"
  lab_assert '! printf "%s" "$LAB_RESULT" | grep -qE "SIP/2.0 18[03]"' "no ringing or progress before the 403"
  lab_assert '! printf "%s" "$LAB_RESULT" | grep -q "$DAVE_IP"' "the INVITE never reached dave"
  lab_tshark pbx.pcapng 'sip.Status-Code == 403' frame.number sip.Status-Line
  lab_note "kamailio.log: \`$(cat "$LAB_OUT/kamailio.log" 2>/dev/null)\`"
  lab_assert 'grep -q "IP $BOB_IP Rejected by acl \"group1\"" "$LAB_OUT/kamailio.log"' "the log line names the sender and the list"
  lab_input_log kamailio.log
  lab_input_acl acl.txt
  lab_finding ACL_REJECTED_403 1 pbx.pcapng "$(lab_first)"
  lab_finding_line kamailio.log 1
}
