# Failing: bob's browser-style phone is configured with the wrong WebSocket
# URL (path / instead of /ws). kamailio, like a web server or reverse proxy
# that serves WebSocket on another path, answers the upgrade with 404 Not
# Found instead of 101 Switching Protocols; the phone never gets to send SIP.

# shellcheck source=../websocket-call/scenario.sh
source "$LAB_DIR/websocket-call/scenario.sh"

scenario_run() {
  ws_phone_require
  lab_kamailio WITH_AUTH WITH_WS
  lab_capture pbx pbx eth0
  WS_PHONE_URL="ws://$PBX_IP:8080/" ws_phone bob bob "$BOB_IP"
  lab_wait_log ws-bob 'error' 10
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'http.request || http.response' frame.number ip.src http.request.method http.request.uri http.upgrade http.response.code
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "GET	/	websocket"' "bob asks to upgrade / to WebSocket"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "	404$"' "the upgrade is refused with 404"
  lab_assert '! printf "%s" "$LAB_RESULT" | grep -q "	101$"' "no 101 Switching Protocols"
  lab_tshark pbx.pcapng 'sip || websocket' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no WebSocket frame and no SIP message"
  lab_tshark pbx.pcapng 'http.response.code == 404' frame.number
  lab_finding WEBSOCKET_BLOCKED 1 pbx.pcapng "$(lab_first)"
}
