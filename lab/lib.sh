# shellcheck shell=bash
# Shared framework of the voipdoc lab: namespaces, NAT routers, captures,
# processes, tshark checks and cleanup. Sourced by lab/run.sh; a scenario
# script defines scenario_run and scenario_check and uses the functions below.
#
# Safety: every address used lives inside the namespaces made here
# (documentation ranges 198.51.100.0/24 and 203.0.113.0/24, private LANs
# 192.168.1.0/24 and 192.168.2.0/24 behind the simulated NAT routers).
# Nothing is routed to the host's own interfaces; processes are started with
# a hard timeout and stopped by their PIDs; namespaces are deleted on exit.

set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_PREFIX=vdl
# Upper bound for any one process of a scenario, in seconds.
LAB_PROCESS_LIMIT=${LAB_PROCESS_LIMIT:-90}
LAB_PIDS=()
declare -A LAB_PID=()
LAB_CAPTURES=()
LAB_NAMESPACES=()

# Addresses of the topology (see lab/README.md for the picture).
PBX_IP=198.51.100.10
TURN_IP=198.51.100.20
BOB_IP=203.0.113.20
DAVE_IP=203.0.113.30
NAT1_WAN=203.0.113.11
NAT2_WAN=203.0.113.12
ALICE_IP=192.168.1.10
CAROL_IP=192.168.2.10

lab_log() { printf '[lab %s] %s\n' "$(date +%T)" "$*" >&2; }
lab_die() { lab_log "FAILED: $*"; exit 1; }

# Packages the lab needs, by command -> Debian package.
lab_require_packages() {
  local -A need=([kamailio]=kamailio [baresip]=baresip-core [turnserver]=coturn
    [svmap]=sipvicious [tcpdump]=tcpdump [tshark]=tshark [editcap]=wireshark-common
    [nft]=nftables [linphone-daemon]=linphone-cli [python3]=python3 [openssl]=openssl
    [ip]=iproute2 [flock]=util-linux [rsyslogd]=rsyslog)
  local missing=() cmd
  for cmd in "${!need[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}")
  done
  if [ ! -e /usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so ] \
      && [ ! -e /usr/lib/kamailio/modules/tls.so ]; then
    missing+=(kamailio-tls-modules)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    lab_log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
}

# --- namespaces and links ---------------------------------------------------

lab_ns() { echo "$LAB_PREFIX-$1"; }

lab_netns_add() {
  local ns; ns=$(lab_ns "$1")
  ip netns del "$ns" 2>/dev/null || true
  ip netns add "$ns"
  LAB_NAMESPACES+=("$ns")
  ip -n "$ns" link set lo up
}

# lab_in NAME CMD... runs CMD inside namespace NAME.
lab_in() { local ns; ns=$(lab_ns "$1"); shift; ip netns exec "$ns" "$@"; }

# lab_link A IFA B IFB: a veth pair between namespaces A and B.
lab_link() {
  local a b tmpa tmpb
  a=$(lab_ns "$1"); b=$(lab_ns "$3")
  tmpa="vdl$RANDOM$RANDOM"; tmpa=${tmpa:0:14}; tmpb="vdm$RANDOM$RANDOM"; tmpb=${tmpb:0:14}
  ip link add "$tmpa" type veth peer name "$tmpb"
  ip link set "$tmpa" netns "$a"; ip -n "$a" link set "$tmpa" name "$2" up
  ip link set "$tmpb" netns "$b"; ip -n "$b" link set "$tmpb" name "$4" up
}

# lab_host NAME BRIDGE_NS BRIDGE ADDR/LEN GATEWAY: a host attached to a bridge.
lab_host() {
  local name=$1 bns=$2 br=$3 addr=$4 gw=$5
  lab_netns_add "$name"
  lab_link "$name" eth0 "$bns" "p-$name"
  ip -n "$(lab_ns "$bns")" link set "p-$name" master "$br"
  ip -n "$(lab_ns "$name")" addr add "$addr" dev eth0
  ip -n "$(lab_ns "$name")" route add default via "$gw"
}

# lab_nat_router NAME WAN_ADDR: a home router whose WAN sits on the public
# bridge and that masquerades its LAN (RFC 1918) behind WAN_ADDR.
lab_nat_router() {
  local name=$1 wan=$2
  lab_netns_add "$name"
  lab_link "$name" wan inet "p-$name"
  ip -n "$(lab_ns inet)" link set "p-$name" master br-pub
  ip -n "$(lab_ns "$name")" addr add "$wan/24" dev wan
  ip -n "$(lab_ns "$name")" route add default via 203.0.113.1
  lab_in "$name" sysctl -qw net.ipv4.ip_forward=1
  # Port-preserving source NAT, as most home routers do; filtering is by
  # connection tracking, so only replies to what the LAN sent come back.
  lab_in "$name" nft -f - <<EOF
table ip lab_nat {
  chain postrouting { type nat hook postrouting priority 100; oifname "wan" masquerade; }
}
table ip lab_filter {
  chain forward { type filter hook forward priority 0; policy accept; }
  chain input {
    type filter hook input priority 0; policy accept;
    # Unsolicited packets from the internet are dropped silently, as home
    # routers do. This also keeps them from leaving a conntrack entry that
    # would make the NAT pick another port for the LAN's own packets to the
    # same peer (ICE hole punching depends on the port being kept).
    iifname "wan" ct state new drop
  }
}
EOF
}

# lab_lan_host NAME ROUTER ADDR: a phone on the LAN of ROUTER (a point-to-point
# veth is enough: the LAN has one host).
lab_lan_host() {
  local name=$1 router=$2 addr=$3
  lab_netns_add "$name"
  lab_link "$router" lan "$name" eth0
  local pfx=${addr%.*}
  ip -n "$(lab_ns "$router")" addr add "$pfx.1/24" dev lan
  ip -n "$(lab_ns "$name")" addr add "$addr/24" dev eth0
  ip -n "$(lab_ns "$name")" route add default via "$pfx.1"
}

# The standard topology:
#
#   alice 192.168.1.10 -- nat1 (203.0.113.11) --+
#   carol 192.168.2.10 -- nat2 (203.0.113.12) --+-- br-pub 203.0.113.1/24 [inet] br-prov 198.51.100.1/24 --+-- pbx  198.51.100.10
#   bob   203.0.113.20 -------------------------+                                                         +-- turn 198.51.100.20
#   dave  203.0.113.30 -------------------------+
lab_topology() {
  lab_netns_add inet
  lab_in inet sysctl -qw net.ipv4.ip_forward=1
  lab_in inet ip link add br-pub type bridge
  lab_in inet ip link add br-prov type bridge
  lab_in inet ip addr add 203.0.113.1/24 dev br-pub
  lab_in inet ip addr add 198.51.100.1/24 dev br-prov
  lab_in inet ip link set br-pub up
  lab_in inet ip link set br-prov up
  lab_in inet nft -f - <<EOF
table ip lab_filter {
  chain forward { type filter hook forward priority 0; policy accept; }
}
EOF
  lab_host pbx inet br-prov "$PBX_IP/24" 198.51.100.1
  lab_host turn inet br-prov "$TURN_IP/24" 198.51.100.1
  lab_host bob inet br-pub "$BOB_IP/24" 203.0.113.1
  lab_host dave inet br-pub "$DAVE_IP/24" 203.0.113.1
  lab_nat_router nat1 "$NAT1_WAN"
  lab_lan_host alice nat1 "$ALICE_IP"
  lab_nat_router nat2 "$NAT2_WAN"
  lab_lan_host carol nat2 "$CAROL_IP"
  # A packet for a private address reaching the internet router has nowhere
  # to go: say so with ICMP, as a real upstream router does.
  lab_in inet ip route add unreachable 192.168.0.0/16
}

# lab_nft NS RULE...: add a rule to the forward chain of NS's lab_filter table.
lab_nft_forward() { local ns=$1; shift; lab_in "$ns" nft add rule ip lab_filter forward "$@"; }
lab_nft_input() { local ns=$1; shift; lab_in "$ns" nft add rule ip lab_filter input "$@"; }

# --- processes ---------------------------------------------------------------

# lab_start LOGNAME NS CMD...: start CMD in NS under a hard timeout; the PID is
# remembered for lab_stop and cleanup.
lab_start() {
  local log=$1 ns=$2; shift 2
  ip netns exec "$(lab_ns "$ns")" timeout --kill-after=5 "$LAB_PROCESS_LIMIT" "$@" \
    >"$LAB_RUN/$log.log" 2>&1 &
  local pid=$!
  LAB_PIDS+=("$pid")
  LAB_PID[$log]=$pid
}

# lab_stop LOGNAME: stop the process started under that log name and wait.
lab_stop() {
  local pid=${LAB_PID[$1]:-}
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# lab_wait LOGNAME: wait for a process to end by itself.
lab_wait() { wait "${LAB_PID[$1]}" 2>/dev/null || true; }

# lab_wait_log LOGNAME REGEX SECONDS: wait until a log shows REGEX.
lab_wait_log() {
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    grep -Eq "$2" "$LAB_RUN/$1.log" 2>/dev/null && return 0
    kill -0 "${LAB_PID[$1]}" 2>/dev/null || lab_die "$1 exited: $(tail -n 3 "$LAB_RUN/$1.log")"
    sleep 0.1
  done
  lab_die "$1 did not log /$2/ within $3 s (see $LAB_RUN/$1.log)"
}

# --- captures ----------------------------------------------------------------

# lab_capture NAME NS IFACE: tcpdump on IFACE of NS into NAME.pcapng.
lab_capture() {
  local name=$1 ns=$2 ifc=$3
  lab_start "tcpdump-$name" "$ns" tcpdump -Z root -n -s 0 -U -i "$ifc" -w "$LAB_RUN/$name.pcap" \
    "not (ip6 or arp)"
  LAB_CAPTURES+=("$name")
  lab_wait_log "tcpdump-$name" 'listening on' 10
}

# lab_captures_finish: stop every capture and write NAME.pcapng into LAB_OUT.
lab_captures_finish() {
  local name
  sleep 0.5
  for name in "${LAB_CAPTURES[@]}"; do
    lab_stop "tcpdump-$name"
  done
  for name in "${LAB_CAPTURES[@]}"; do
    editcap -F pcapng "$LAB_RUN/$name.pcap" "$LAB_OUT/$name.pcapng"
    local size; size=$(stat -c %s "$LAB_OUT/$name.pcapng")
    [ "$size" -lt 2000000 ] || lab_die "$name.pcapng is $size bytes, over the 2 MB budget"
  done
}

# --- config files --------------------------------------------------------------

# lab_kamailio DEFINE...: start kamailio in the pbx namespace with the lab
# configuration and the given preprocessor defines (WITH_AUTH, WITH_NAT,
# WITH_ACL, WITH_TLS, WITH_SYSLOG). With WITH_SYSLOG kamailio logs through
# syslog(3) to the rsyslogd of lab_syslog (start that first) instead of
# standard error.
lab_kamailio() {
  local defs=() d wrap=() stderr=(-E)
  for d in "$@"; do
    defs+=(-A "$d")
    if [ "$d" = WITH_SYSLOG ]; then
      # syslog(3) writes to /dev/log. ip netns exec gives kamailio its own
      # mount namespace: there /dev is replaced by lab_syslog's folder (the
      # rsyslogd socket and bind mounts of the few devices kamailio opens);
      # the host's /dev is not touched.
      stderr=()
      wrap=(sh -c 'for n in null zero random urandom; do : >"$0/$n"; mount --bind "/dev/$n" "$0/$n"; done
        mount --rbind "$0" /dev && exec "$@"' "$LAB_RUN/syslog/dev")
    fi
  done
  mkdir -p "$LAB_RUN/kamailio"
  cp "$LAB_DIR/conf/acl/"* "$LAB_RUN/kamailio/"
  lab_start kamailio pbx "${wrap[@]}" kamailio -f "$LAB_DIR/conf/kamailio.cfg" -DD "${stderr[@]}" -n 1 \
    -Y "$LAB_RUN/kamailio" -w "$LAB_RUN/kamailio" \
    -A "TLS_CFG=\"$LAB_RUN/tls/tls.cfg\"" -A "ACL_DB=\"text://$LAB_RUN/kamailio\"" "${defs[@]}"
  lab_wait_log kamailio 'INFO: <core> \[main.c|ready to|Listening on|main\.c' 15
  sleep 1
}

# lab_syslog: rsyslogd in the pbx namespace as the host's syslog daemon for
# kamailio (lab_kamailio WITH_SYSLOG). It listens on its own socket
# ($LAB_RUN/syslog/dev/log, never the host's /dev/log), stamps each message
# with the time it arrives (microseconds) and writes kamailio's lines to
# $LAB_RUN/syslog/kamailio.log in rsyslog's high-precision file format:
#   2026-11-25T12:50:01.123456+00:00 pbx kamailio[812]: ERROR: ...
lab_syslog() {
  local d="$LAB_RUN/syslog"
  mkdir -p "$d/dev" "$d/work"
  cat >"$d/rsyslog.conf" <<EOF
global(workDirectory="$d/work" localHostname="pbx")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$d/dev/log" UseSysTimeStamp="on")
if \$programname == "kamailio" then {
  action(type="omfile" file="$d/kamailio.log" template="RSYSLOG_FileFormat")
}
EOF
  lab_start rsyslogd pbx rsyslogd -n -f "$d/rsyslog.conf" -i "$d/rsyslogd.pid"
  local i
  for ((i = 0; i < 50; i++)); do
    [ -S "$d/dev/log" ] && return 0
    sleep 0.1
  done
  lab_die "rsyslogd did not open $d/dev/log (see $LAB_RUN/rsyslogd.log)"
}

# lab_baresip NAME NS ACCOUNT_LINE [CONFIG_LINES] -- writes a config folder for a
# baresip user agent in NS; start it with lab_baresip_start.
lab_baresip_config() {
  local name=$1 ip=$2 account=$3 extra=${4:-}
  local dir="$LAB_RUN/baresip-$name"
  mkdir -p "$dir"
  cat >"$dir/config" <<EOF
poll_method		epoll
sip_listen		$ip:5060
call_local_timeout	20
audio_player		aufile,$LAB_RUN/baresip-$name/heard.wav
audio_source		ausine,$([ "$name" = bob ] && echo 660 || echo 440)
audio_alert		aufile,$LAB_RUN/baresip-$name/alert.wav
ausrc_srate		48000
ausrc_channels		2
rtp_tos			184
rtp_ports		10000-20000
jitter_buffer_delay	5-10
rtcp_mux		no
module_path		/usr/lib/baresip/modules
module			g711.so
module			g722.so
module			opus.so
module			aufile.so
module			ausine.so
module			stun.so
module			turn.so
module			ice.so
module			srtp.so
module_app		account.so
module_app		menu.so
module_app		ctrl_tcp.so
ctrl_tcp_listen		127.0.0.1:4444
$extra
EOF
  printf '%s\n' "$account" >"$dir/accounts"
  : >"$dir/contacts"
}

# lab_baresip_start NAME NS [SECONDS] [COMMAND]: run a configured user agent
# for SECONDS (default 20), executing COMMAND (e.g. "/dial sip:...") at start.
lab_baresip_start() {
  local name=$1 ns=$2 secs=${3:-20} cmd=${4:-}
  local args=(-f "$LAB_RUN/baresip-$name" -t "$secs" -4)
  [ -n "$cmd" ] && args+=(-e "$cmd")
  lab_start "baresip-$name" "$ns" baresip "${args[@]}"
  lab_wait_log "baresip-$name" 'baresip is ready|ready\.' 10
}

# lab_ctrl NS COMMAND [PARAMS]: send a command to baresip's ctrl_tcp in NS
# (netstring-framed JSON, see baresip's ctrl_tcp module).
lab_ctrl() {
  local ns=$1 cmd=$2 params=${3:-}
  local json="{\"command\":\"$cmd\",\"params\":\"$params\",\"token\":\"lab\"}"
  lab_in "$ns" timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/4444; printf '%d:%s,' ${#json} '$json' >&3; sleep 0.5" || true
}

# --- checks: tshark proofs that also feed README and expected.yaml ----------

LAB_PROOF=""
LAB_FINDINGS=""

# lab_tshark FILE FILTER FIELD...: run tshark on a capture of the scenario, keep
# command and output for the README, and leave the output in LAB_RESULT.
lab_tshark() {
  local file=$1 filter=$2; shift 2
  local fields=() f
  for f in "$@"; do fields+=(-e "$f"); done
  LAB_RESULT=$(cd "$LAB_OUT" && tshark -r "$file" -o rtp.heuristic_rtp:TRUE -Y "$filter" \
    -T fields "${fields[@]}" 2>"$LAB_RUN/tshark.err") \
    || lab_die "tshark on $file: $(grep -v 'Running as user' "$LAB_RUN/tshark.err" | head -n 3)"
  local shown
  shown=$(printf '%s\n' "$LAB_RESULT" | head -n 12 || true) # head closes the pipe early on long output
  local total; total=$(printf '%s' "$LAB_RESULT" | grep -c '' || true)
  [ "$total" -gt 12 ] && shown+=$'\n'"... ($total lines)"
  [ "$total" -gt 0 ] || shown="(no matching packets)"
  LAB_PROOF+=$'\n```\n$ tshark -r '"$file -o rtp.heuristic_rtp:TRUE -Y '$filter' -T fields"
  for f in "$@"; do LAB_PROOF+=" -e $f"; done
  LAB_PROOF+=$'\n'"$shown"$'\n```\n'
}

# lab_note TEXT: a sentence of the proof, between tshark outputs.
lab_note() { LAB_PROOF+=$'\n'"$*"$'\n'; }

# lab_assert CONDITION MESSAGE: fail the scenario when the capture does not
# show what the scenario claims.
lab_assert() {
  if ! eval "$1"; then lab_die "check failed: $2 [$1]"; fi
  lab_log "ok: $2"
}

# lab_count: number of lines in LAB_RESULT.
lab_count() { printf '%s' "$LAB_RESULT" | grep -c '' || true; }
# lab_first [COLUMN]: first line's column (default 1) of LAB_RESULT.
lab_first() { printf '%s\n' "$LAB_RESULT" | head -n1 | cut -f"${1:-1}"; }

# lab_finding ID COUNT INPUT FRAME [INPUT FRAME]...: one finding a correct diagnosis must
# report, citing every frame given (several when the finding shows a packet at several
# capture points; then evidence is a list).
lab_finding() {
  local id=$1 count=$2; shift 2
  local evidence="{ input: $1, frame: $2 }"; shift 2
  if [ $# -gt 0 ]; then
    evidence="[$evidence"
    while [ $# -ge 2 ]; do evidence+=", { input: $1, frame: $2 }"; shift 2; done
    evidence+="]"
  fi
  LAB_FINDINGS+="  - id: $id"$'\n'"    count: $count"$'\n'"    evidence: $evidence"$'\n'
}

LAB_INPUT_LOGS=""
LAB_INPUT_ACL=""

# lab_input_log FILE: a log kept beside the captures that analyze reads with --log.
lab_input_log() { LAB_INPUT_LOGS+="${LAB_INPUT_LOGS:+, }$1"; }
# lab_input_acl FILE: the access list, in voipdoc's format, that analyze reads with --acl.
lab_input_acl() { LAB_INPUT_ACL=$1; }
# lab_finding_line LOG LINE: the log line that the finding added last must cite.
lab_finding_line() { LAB_FINDINGS+="    line: { log: $1, line: $2 }"$'\n'; }

# lab_write_results: expected.yaml and the generated part of README.md.
lab_write_results() {
  local caps="" name
  for name in "${LAB_CAPTURES[@]}"; do caps+="${caps:+, }$name.pcapng"; done
  {
    echo "captures: [$caps]"
    [ -z "$LAB_INPUT_LOGS" ] || echo "logs: [$LAB_INPUT_LOGS]"
    [ -z "$LAB_INPUT_ACL" ] || echo "acl: $LAB_INPUT_ACL"
    if [ -z "$LAB_FINDINGS" ]; then echo "findings: []"; else echo "findings:"; printf '%s' "$LAB_FINDINGS"; fi
    echo "nothing-else-at-or-above: warning"
  } >"$LAB_OUT/expected.yaml"
  local readme="$LAB_SCENARIO_DIR/README.md"
  [ "$LAB_OUT" = "$LAB_SCENARIO_DIR" ] || readme="$LAB_OUT/README.md"
  [ -f "$LAB_SCENARIO_DIR/README.md" ] || return 0
  awk -v proof="$LAB_PROOF" '
    /<!-- proof:begin -->/ { print; print proof; skip = 1; next }
    /<!-- proof:end -->/ { skip = 0 }
    !skip { print }' "$LAB_SCENARIO_DIR/README.md" >"$LAB_RUN/README.new"
  cp "$LAB_RUN/README.new" "$readme"
}

# --- cleanup -------------------------------------------------------------------

lab_cleanup() {
  local pid ns
  for pid in "${LAB_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${LAB_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for ns in "${LAB_NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  LAB_PIDS=(); LAB_NAMESPACES=()
}

# lab_coturn: coturn as STUN and TURN server in the turn namespace
# (198.51.100.20:3478 UDP), long-term credentials carol/carol-secret and
# alice/alice-secret, relay ports 49160-49200.
# LAB_COTURN_NS/LAB_COTURN_IP/LAB_COTURN_LOG run another one elsewhere (e.g. a
# STUN server inside a LAN).
lab_coturn() {
  local ns=${LAB_COTURN_NS:-turn} ip=${LAB_COTURN_IP:-$TURN_IP} log=${LAB_COTURN_LOG:-coturn}
  lab_start "$log" "$ns" turnserver -n --no-cli --no-tls --no-dtls --log-file=stdout \
    --listening-ip="$ip" --relay-ip="$ip" --listening-port=3478 \
    --min-port=49160 --max-port=49200 --realm=lab.example --lt-cred-mech \
    --user=carol:carol-secret --user=alice:alice-secret --fingerprint \
    --no-multicast-peers --allow-loopback-peers "$@"
  lab_wait_log "$log" 'Total (UDP|General) servers|IPv4. UDP listener opened|listener opened on' 10
}

# lab_tls_certs: a lab CA, a server certificate for the provider
# (pbx.lab.example, 198.51.100.10) signed by it, a self-signed "default"
# certificate for localhost (the wrong one), a phone certificate
# (phone.pem, certificate and key) signed by the CA, and kamailio's tls.cfg using
# $1 = right|wrong as server certificate. Files go to $LAB_RUN/tls.
lab_tls_certs() {
  local which=${1:-right} d="$LAB_RUN/tls"
  mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=voipdoc lab CA" \
    -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=pbx.lab.example" \
    -keyout "$d/right.key" -out "$d/right.csr" 2>/dev/null
  printf 'subjectAltName=DNS:pbx.lab.example,IP:%s\n' "$PBX_IP" >"$d/san.ext"
  openssl x509 -req -in "$d/right.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
    -days 30 -extfile "$d/san.ext" -out "$d/right.crt" 2>/dev/null
  # Phones also accept TLS (the proxy opens connections to their contacts).
  openssl req -newkey rsa:2048 -nodes -subj "/CN=phone.lab.example" \
    -keyout "$d/phone.key" -out "$d/phone.csr" 2>/dev/null
  openssl x509 -req -in "$d/phone.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
    -days 30 -out "$d/phone.crt" 2>/dev/null
  cat "$d/phone.crt" "$d/phone.key" >"$d/phone.pem"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
    -keyout "$d/wrong.key" -out "$d/wrong.crt" 2>/dev/null
  cat >"$d/tls.cfg" <<EOT
[server:default]
method = TLSv1.2
verify_certificate = no
require_certificate = no
private_key = $d/$which.key
certificate = $d/$which.crt

[client:default]
method = TLSv1.2
verify_certificate = yes
require_certificate = yes
ca_list = $d/ca.crt
EOT
}

# --- linphone (liblinphone 5.1, linphone-daemon) -----------------------------
# A second user agent, for what baresip 1.0 does not do: attended transfer
# (REFER with Replaces) and session timers (RFC 4028). Commands go to the
# daemon's standard input through a FIFO; see `linphone-daemon
# --dump-commands-help`.

# lab_linphone_config NAME ADDR USER [CONFIG_LINES]: a linphonerc for a phone at
# ADDR that registers USER with kamailio (no digest) and sends every request
# through it (outbound proxy); CONFIG_LINES go into the [sip] section.
lab_linphone_config() {
  local name=$1 ip=$2 user=$3 extra=${4:-}
  local dir="$LAB_RUN/linphone-$name"
  mkdir -p "$dir"
  cat >"$dir/linphonerc" <<EOF2
[sip]
sip_port=5060
sip_tcp_port=0
sip_tls_port=0
use_ipv6=0
default_proxy=0
# no GRUU or outbound: the lab's kamailio routes by the phone's own Contact
supported=replaces
$extra

[rtp]
audio_rtp_port=10000
# No sound device in a namespace: audio comes from lab_linphone_audio, and
# before it starts the phone must not end the call for want of RTP.
nortp_timeout=300

[sound]
echocancellation=0

[storage]
uri=$dir/linphone.db

[proxy_0]
reg_proxy=<sip:$PBX_IP;transport=udp>
reg_route=<sip:$PBX_IP;lr>
reg_identity=sip:$user@$PBX_IP
reg_expires=600
reg_sendregister=1
EOF2
}

# lab_linphone_start NAME NS [--auto-answer]: run linphone-daemon with its
# config; its home (databases) is its config folder.
lab_linphone_start() {
  local name=$1 ns=$2; shift 2
  local dir="$LAB_RUN/linphone-$name"
  mkfifo "$dir/in"
  lab_start "linphone-$name" "$ns" env HOME="$dir" bash -c \
    'exec linphone-daemon --config "$1/linphonerc" "${@:2}" <"$1/in"' _ "$dir" "$@"
  # Holds the FIFO open so that the daemon never reads end-of-file.
  lab_start "linphone-$name-input" "$ns" bash -c 'exec sleep 1000 >"$1/in"' _ "$dir"
  lab_wait_log "linphone-$name" 'daemon-linphone>' 15
}

# lab_linphone NAME COMMAND: one command to the daemon.
lab_linphone() { printf '%s\n' "$2" >"$LAB_RUN/linphone-$1/in"; }

# lab_linphone_audio NAME CALL_ID: send a 440 Hz tone (a 60 s WAV file made
# on first use) into call CALL_ID of NAME's phone, in place of a microphone.
lab_linphone_audio() {
  local wav="$LAB_RUN/tone.wav"
  [ -f "$wav" ] || python3 - "$wav" <<'EOF2'
import math, struct, sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 8000)))
                           for i in range(8000 * 60)))
EOF2
  lab_linphone "$1" "incall-player-start $wav $2"
}
