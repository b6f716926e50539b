# Healthy: bob and dave are browser-style phones that speak SIP over
# WebSocket (RFC 7118) in clear text to kamailio's WebSocket port (TCP 8080, path /ws):
# each upgrades its HTTP connection (101 Switching Protocols, subprotocol
# "sip"), registers with digest authentication, bob calls dave, dave answers,
# bob hangs up after 3 s and both close their WebSocket with status 1000.
# The phones are ws-phone.js on Node's `ws` package (client frames masked,
# text frames); kamailio pings idle connections after 2 s.

# The `ws` package (pinned), installed once into a cache outside the repository.
WS_PHONE_NPM=${WS_PHONE_NPM:-/var/cache/voipdoc-lab/npm}

ws_phone_require() {
  if [ ! -e /usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so ] \
      && [ ! -e /usr/lib/kamailio/modules/websocket.so ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      kamailio-websocket-modules nodejs npm >&2
  fi
  if [ ! -e "$WS_PHONE_NPM/node_modules/ws/package.json" ]; then
    mkdir -p "$WS_PHONE_NPM"
    npm install --prefix "$WS_PHONE_NPM" --no-audit --no-fund ws@8.23.0 >&2
  fi
}

# ws_phone NAME NS IP [TARGET]: start ws-phone.js for user NAME in NS; the
# WebSocket URL is $WS_PHONE_URL (default: kamailio's, path /ws).
ws_phone() {
  lab_start "ws-$1" "$2" env NODE_PATH="$WS_PHONE_NPM/node_modules" \
    node "$LAB_DIR/websocket-call/ws-phone.js" "${WS_PHONE_URL:-ws://$PBX_IP:8080/ws}" \
    "$1" "$1-secret" "$3" ${4:-}
}

scenario_run() {
  ws_phone_require
  lab_kamailio WITH_AUTH WITH_WS
  lab_capture pbx pbx eth0
  ws_phone dave dave "$DAVE_IP"
  lab_wait_log ws-dave 'registered' 10
  sleep 4 # dave's connection is idle: kamailio pings it
  ws_phone bob bob "$BOB_IP" dave
  lab_wait_log ws-bob 'closed' 20
  lab_wait_log ws-dave 'closed' 10
  sleep 1
}

scenario_check() {
  lab_tshark pbx.pcapng 'http.upgrade || http.response.code' frame.number ip.src http.request.method http.upgrade http.response.code http.sec_websocket_protocol
  lab_assert '[ "$(printf "%s" "$LAB_RESULT" | grep -c "	101	")" -eq 2 ]' "both WebSocket upgrades are accepted (101)"
  lab_tshark pbx.pcapng 'sip' frame.number ip.src websocket.mask sip.Request-Line sip.Status-Line sip.Call-ID
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "INVITE sip:dave@"' "bob's INVITE travels over WebSocket"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "BYE sip:dave@"' "the call is hung up with BYE"
  lab_tshark pbx.pcapng 'sip.Via.transport == "WS"' frame.number
  lab_assert '[ "$(lab_count)" -ge 10 ]' "the phones' Via says SIP/2.0/WS"
  lab_tshark pbx.pcapng 'websocket.opcode == 9 || websocket.opcode == 10 || websocket.opcode == 8' frame.number ip.src websocket.opcode websocket.payload.close.status_code
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "	8	1000"' "the WebSocket is closed with status 1000"
  lab_assert 'printf "%s" "$LAB_RESULT" | grep -q "	10	"' "an idle connection is pinged and answers with pong"
  lab_tshark pbx.pcapng 'udp.port == 5060' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no SIP over UDP"
  # the phones negotiate audio but are signalling-only programs that send no RTP: from the
  # packets this cannot be told from a capture filtered to SIP, so the capture finding is right
  lab_tshark pbx.pcapng 'udp && !sip' frame.number
  lab_assert '[ "$(lab_count)" -eq 0 ]' "no media packet at all"
  lab_tshark pbx.pcapng 'sip.Status-Code == 200 && sip.CSeq.method == "INVITE" && ip.dst == 203.0.113.20' frame.number
  lab_finding CAPTURE_SIGNALLING_ONLY 1 pbx.pcapng "$(lab_first)"
}
