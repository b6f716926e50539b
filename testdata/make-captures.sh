#!/usr/bin/env bash
# Regenerates every capture in testdata/captures from scratch with real software: the Linux
# network stack (iproute2 network namespaces, a veth pair, a tun device), SIP endpoints in
# python3, tcpdump and dumpcap for capturing, text2pcap and small python3 rewrites for the
# files Linux cannot capture. Then recomputes captures/facts.tsv with tshark.
# captures/README.md describes every file.
#
# Run as root on Debian 12 or similar:  sudo testdata/make-captures.sh
# Traffic stays inside two network namespaces made here (vdfx-a, vdfx-b) and uses the
# documentation ranges 192.0.2.0/24, 198.51.100.0/24 and 2001:db8::/32. Every background
# process is started under `timeout`, its PID recorded and stopped by that PID; the
# namespaces and the scratch folder are removed on exit.
set -euo pipefail
export LC_ALL=C TZ=UTC

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/captures
NS_A=vdfx-a
NS_B=vdfx-b
MAC_A=02:00:00:00:0a:01
MAC_B=02:00:00:00:0b:01
FILTER='udp or tcp or ip6 proto 44'
WORK=$(mktemp -d /tmp/vdfx.XXXXXX)
PIDS=()

log() { printf '== %s\n' "$*" >&2; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  ip netns del "$NS_A" 2>/dev/null || true
  ip netns del "$NS_B" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    timeout 300 apt-get update -q
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q "${missing[@]}"
  fi
}

# Starts "$@" in the background under a 60 s bound and records its PID in $BG.
bg() {
  timeout -s TERM 60 "$@" &
  BG=$!
  PIDS+=("$BG")
}

# Stops one background process by PID and waits (bounded) for it to finish writing.
stop() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Waits until the file $1 contains the pattern $2 (a capture or peer saying it is ready).
await() {
  local i
  for i in $(seq 100); do
    grep -qE "$2" "$1" 2>/dev/null && { sleep 0.3; return 0; }
    sleep 0.1
  done
  echo "not ready: $1" >&2
  cat "$1" >&2
  return 1
}

CAPS=()
# capture NAME NS ARGS...: tcpdump in namespace NS writing $WORK/NAME.
capture() {
  local name=$1 ns=$2
  shift 2
  bg ip netns exec "$ns" tcpdump -Z root -U -n --immediate-mode "$@" -w "$WORK/$name" 2>"$WORK/$name.err"
  CAPS+=("$BG")
  await "$WORK/$name.err" 'listening on'
}
# dumpcap_capture NAME NS ARGS...: dumpcap (pcapng) in namespace NS writing $WORK/NAME.
dumpcap_capture() {
  local name=$1 ns=$2
  shift 2
  bg ip netns exec "$ns" dumpcap -q "$@" -w "$WORK/$name" 2>"$WORK/$name.err"
  CAPS+=("$BG")
  await "$WORK/$name.err" 'Capturing on|File:'
}
stop_captures() {
  local pid
  # Longer than libpcap's buffer timeout, so every packet has reached the writer.
  sleep 1.5
  for pid in "${CAPS[@]}"; do stop "$pid"; done
  CAPS=()
}

in_a() { timeout 20 ip netns exec "$NS_A" "$@"; }
in_b() { timeout 20 ip netns exec "$NS_B" "$@"; }
kit() { python3 "$WORK/capkit.py" "$@"; }

# Two namespaces joined by a veth pair (MTU 1500), fixed MACs and static neighbours so no
# ARP or neighbour discovery appears, IPv6 addresses without duplicate address detection.
make_pair() {
  ip netns del "$NS_A" 2>/dev/null || true
  ip netns del "$NS_B" 2>/dev/null || true
  ip netns add "$NS_A"
  ip netns add "$NS_B"
  ip link add vdfx-va netns "$NS_A" address "$MAC_A" mtu 1500 type veth \
    peer name vdfx-vb netns "$NS_B" address "$MAC_B" mtu 1500
  local ns dev me peer mac
  for ns in "$NS_A" "$NS_B"; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.router_solicitations=0
    ip -n "$ns" link set lo up
  done
  for side in a b; do
    if [ $side = a ]; then ns=$NS_A dev=vdfx-va me=1 peer=2 mac=$MAC_B
    else ns=$NS_B dev=vdfx-vb me=2 peer=1 mac=$MAC_A; fi
    ip -n "$ns" addr add 192.0.2.$me/24 dev $dev
    ip -n "$ns" addr add 2001:db8:1::$me/64 dev $dev nodad
    ip -n "$ns" link set $dev up
    ip -n "$ns" neigh replace 192.0.2.$peer lladdr $mac dev $dev nud permanent
    ip -n "$ns" neigh replace 2001:db8:1::$peer lladdr $mac dev $dev nud permanent
  done
  sleep 1
}

write_kit() {
  cat >"$WORK/capkit.py" <<'PY'
"""Traffic and file tools for make-captures.sh: SIP endpoints, a tun peer, a VLAN frame
speaker, and pcap/pcapng rewriting. Every network wait is bounded by a timeout."""
import os, select, socket, struct, sys, time, fcntl

# ---------------------------------------------------------------- SIP text

def sip_request(method, uri, cseq, transport, host, port, callid, from_tag, to_tag=None,
                body=b'', branch='z9hG4bK-vdfx-1'):
    hdr = [f'{method} {uri} SIP/2.0',
           f'Via: SIP/2.0/{transport} {host}:{port};branch={branch}',
           'Max-Forwards: 70',
           f'From: <sip:alice@example.com>;tag={from_tag}',
           'To: <sip:bob@example.com>' + (f';tag={to_tag}' if to_tag else ''),
           f'Call-ID: {callid}',
           f'CSeq: {cseq} {method}',
           f'Contact: <sip:alice@{host}:{port};transport={transport.lower()}>',
           'User-Agent: voipdoc-fixtures']
    if body:
        hdr.append('Content-Type: application/sdp')
    hdr.append(f'Content-Length: {len(body)}')
    return ('\r\n'.join(hdr) + '\r\n\r\n').encode() + body


def sdp(addr, port, family, pad=0):
    ip = 'IP6' if family == socket.AF_INET6 else 'IP4'
    lines = ['v=0', f'o=- 1000 1000 IN {ip} {addr}', 's=-', f'c=IN {ip} {addr}', 't=0 0',
             f'm=audio {port} RTP/AVP 0 8 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:8 PCMA/8000',
             'a=rtpmap:101 telephone-event/8000', 'a=sendrecv']
    body = '\r\n'.join(lines) + '\r\n'
    i = 0
    # Padding attribute lines make the INVITE larger than one MTU so the kernel fragments it.
    while len(body) < pad:
        body += f'a=x-pad:{i:04d} ' + 'p' * 60 + '\r\n'
        i += 1
    return body.encode()


def parse(msg):
    head, _, body = msg.partition(b'\r\n\r\n')
    lines = head.decode('latin-1').split('\r\n')
    hdrs = {}
    for l in lines[1:]:
        k, _, v = l.partition(':')
        hdrs.setdefault(k.strip().lower(), v.strip())
    return lines[0], hdrs, body


def response(req, code, reason, to_tag='uas-1', body=b''):
    start, h, _ = parse(req)
    out = [f'SIP/2.0 {code} {reason}', 'Via: ' + h['via'], 'From: ' + h['from'],
           'To: ' + h['to'] + ('' if code == 100 or 'tag=' in h['to'] else f';tag={to_tag}'),
           'Call-ID: ' + h['call-id'], 'CSeq: ' + h['cseq'], 'Server: voipdoc-fixtures']
    if body:
        out.append('Content-Type: application/sdp')
    out.append(f'Content-Length: {len(body)}')
    return ('\r\n'.join(out) + '\r\n\r\n').encode() + body


def answers(req, family, addr):
    """The responses a UAS sends for one request, in order."""
    start = parse(req)[0]
    method = start.split(' ', 1)[0]
    if method == 'INVITE':
        return [response(req, 100, 'Trying'), response(req, 180, 'Ringing'),
                response(req, 200, 'OK', body=sdp(addr, 30000, family))]
    if method == 'ACK':
        return []
    return [response(req, 200, 'OK')]


def family_of(addr):
    return socket.AF_INET6 if ':' in addr else socket.AF_INET

# ---------------------------------------------------------------- UDP and TCP endpoints

def udp_uas(lifetime, *binds):
    """Answers SIP requests on every addr:port given until `lifetime` seconds pass."""
    socks = []
    for b in binds:
        addr, port = b.rsplit(':', 1)
        s = socket.socket(family_of(addr), socket.SOCK_DGRAM)
        s.bind((addr, int(port)))
        socks.append((s, addr))
    end = time.time() + float(lifetime)
    while time.time() < end:
        r, _, _ = select.select([s for s, _ in socks], [], [], 0.2)
        for s in r:
            data, peer = s.recvfrom(65535)
            addr = dict(socks)[s]
            for a in answers(data, s.family, addr):
                s.sendto(a, peer)


def udp_recv(s, timeout=2.0):
    s.settimeout(timeout)
    return s.recvfrom(65535)[0]


def udp_uac(scenario, local, remote, pad='0'):
    """Plays `invite` (INVITE, ACK, BYE) or `options` against a UAS, waiting for each answer."""
    laddr, lport = local.rsplit(':', 1)
    raddr, rport = remote.rsplit(':', 1)
    fam = family_of(laddr)
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.bind((laddr, int(lport)))
    dst = (raddr, int(rport))
    uri_host = f'[{raddr}]' if fam == socket.AF_INET6 else raddr
    via_host = f'[{laddr}]' if fam == socket.AF_INET6 else laddr
    callid = f'{scenario}-{lport}-{"v6" if fam == socket.AF_INET6 else "v4"}@voipdoc.test'
    uri = f'sip:bob@{uri_host}:{rport}'
    if scenario == 'options':
        s.sendto(sip_request('OPTIONS', uri, 1, 'UDP', via_host, lport, callid, 'uac-1'), dst)
        udp_recv(s)
        return
    s.sendto(sip_request('INVITE', uri, 1, 'UDP', via_host, lport, callid, 'uac-1',
                         body=sdp(laddr, 20000, fam, int(pad)), branch='z9hG4bK-vdfx-1'), dst)
    while True:
        start = parse(udp_recv(s))[0]
        if start.startswith('SIP/2.0 200'):
            break
    s.sendto(sip_request('ACK', uri, 1, 'UDP', via_host, lport, callid, 'uac-1', 'uas-1',
                         branch='z9hG4bK-vdfx-2'), dst)
    time.sleep(0.05)
    s.sendto(sip_request('BYE', uri, 2, 'UDP', via_host, lport, callid, 'uac-1', 'uas-1',
                         branch='z9hG4bK-vdfx-3'), dst)
    udp_recv(s)


def split_messages(buf):
    """Cuts complete SIP messages off a TCP byte stream (RFC 3261 §18.3: Content-Length)."""
    out = []
    while True:
        end = buf.find(b'\r\n\r\n')
        if end < 0:
            return out, buf
        _, h, _ = parse(buf[:end + 4])
        total = end + 4 + int(h.get('content-length', '0'))
        if len(buf) < total:
            return out, buf
        out.append(buf[:total])
        buf = buf[total:]


def tcp_uas(lifetime, bind):
    """Accepts one TCP connection; answers each request with all its responses in one write."""
    addr, port = bind.rsplit(':', 1)
    ls = socket.socket(family_of(addr), socket.SOCK_STREAM)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((addr, int(port)))
    ls.listen(1)
    ls.settimeout(float(lifetime))
    c, _ = ls.accept()
    c.settimeout(float(lifetime))
    buf = b''
    while True:
        data = c.recv(65535)
        if not data:
            break
        msgs, buf = split_messages(buf + data)
        for m in msgs:
            out = b''.join(answers(m, c.family, addr))
            if out:
                c.sendall(out)
    c.close()


def tcp_uac(local, remote):
    """Sends an INVITE in three writes with TCP_NODELAY (three segments), then ACK and BYE
    in one write (two messages in one segment)."""
    laddr, lport = local.rsplit(':', 1)
    raddr, rport = remote.rsplit(':', 1)
    s = socket.socket(family_of(laddr), socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.bind((laddr, int(lport)))
    s.settimeout(3)
    s.connect((raddr, int(rport)))
    uri = f'sip:bob@{raddr}:{rport};transport=tcp'
    callid = 'tcp-invite@voipdoc.test'
    inv = sip_request('INVITE', uri, 1, 'TCP', laddr, lport, callid, 'uac-1',
                      body=sdp(laddr, 20000, socket.AF_INET))
    head_end = inv.index(b'\r\n\r\n') + 4
    for part in (inv[:60], inv[60:head_end], inv[head_end:]):
        s.sendall(part)
        time.sleep(0.1)
    buf = b''
    while True:
        data = s.recv(65535)
        if not data:
            raise SystemExit('connection closed before 200 OK')
        msgs, buf = split_messages(buf + data)
        if any(m.startswith(b'SIP/2.0 200') for m in msgs):
            break
    ack = sip_request('ACK', uri, 1, 'TCP', laddr, lport, callid, 'uac-1', 'uas-1',
                      branch='z9hG4bK-vdfx-2')
    bye = sip_request('BYE', uri, 2, 'TCP', laddr, lport, callid, 'uac-1', 'uas-1',
                      branch='z9hG4bK-vdfx-3')
    s.sendall(ack + bye)
    buf = b''
    while not split_messages(buf)[0]:
        data = s.recv(65535)
        if not data:
            break
        buf += data
    time.sleep(0.1)
    s.close()

# ---------------------------------------------------------------- raw IP/UDP building

def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ip_udp(src, dst, sport, dport, payload):
    """An IPv4 or IPv6 packet carrying one UDP datagram, checksums filled in."""
    ulen = 8 + len(payload)
    if ':' in src:
        s6, d6 = socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)
        pseudo = s6 + d6 + struct.pack('!IxxxB', ulen, 17)
        udp = struct.pack('!HHHH', sport, dport, ulen, 0) + payload
        c = csum(pseudo + udp) or 0xffff
        udp = udp[:6] + struct.pack('!H', c) + udp[8:]
        return struct.pack('!IHBB', 6 << 28, ulen, 17, 64) + s6 + d6 + udp
    s4, d4 = socket.inet_aton(src), socket.inet_aton(dst)
    pseudo = s4 + d4 + struct.pack('!xBH', 17, ulen)
    udp = struct.pack('!HHHH', sport, dport, ulen, 0) + payload
    c = csum(pseudo + udp) or 0xffff
    udp = udp[:6] + struct.pack('!H', c) + udp[8:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + ulen, 0x1234, 0x4000, 64, 17, 0, s4, d4)
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    return ip + udp


def parse_ip_udp(pkt):
    """(src, dst, sport, dport, payload) of an unfragmented IPv4/IPv6 UDP packet, else None."""
    if not pkt:
        return None
    v = pkt[0] >> 4
    if v == 4 and len(pkt) >= 28 and pkt[9] == 17:
        ihl = (pkt[0] & 15) * 4
        src, dst = socket.inet_ntoa(pkt[12:16]), socket.inet_ntoa(pkt[16:20])
        u = pkt[ihl:]
    elif v == 6 and len(pkt) >= 48 and pkt[6] == 17:
        src = socket.inet_ntop(socket.AF_INET6, pkt[8:24])
        dst = socket.inet_ntop(socket.AF_INET6, pkt[24:40])
        u = pkt[40:]
    else:
        return None
    sport, dport, ulen = struct.unpack('!HHH', u[:6])
    return src, dst, sport, dport, u[8:ulen]


def answer_packet(pkt):
    """The IP packets a UAS behind a raw interface sends back for one captured request."""
    p = parse_ip_udp(pkt)
    if p is None or p[3] != 5060:
        return []
    src, dst, sport, dport, payload = p
    return [ip_udp(dst, src, dport, sport, a)
            for a in answers(payload, family_of(dst), dst)]


def tun_peer(name, lifetime):
    """Holds tun device `name` open and plays a SIP UAS for every address routed into it."""
    fd = os.open('/dev/net/tun', os.O_RDWR)
    TUNSETIFF, IFF_TUN, IFF_NO_PI = 0x400454ca, 0x0001, 0x1000
    fcntl.ioctl(fd, TUNSETIFF, struct.pack('16sH', name.encode(), IFF_TUN | IFF_NO_PI))
    print('ready', flush=True)
    end = time.time() + float(lifetime)
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            for a in answer_packet(os.read(fd, 65535)):
                os.write(fd, a)

# ---------------------------------------------------------------- tagged Ethernet frames

ETH_P_ALL, PACKET_OUTGOING = 0x0003, 4


def mac(s):
    return bytes.fromhex(s.replace(':', ''))


def tags(spec):
    """'88a8:100,8100:20' -> the tag bytes, outermost first."""
    out = b''
    for t in filter(None, spec.split(',')):
        tpid, vid = t.split(':')
        out += struct.pack('!HH', int(tpid, 16), int(vid))
    return out


def frame(dst, src, tagspec, pkt):
    etype = 0x86dd if pkt[0] >> 4 == 6 else 0x0800
    return mac(dst) + mac(src) + tags(tagspec) + struct.pack('!H', etype) + pkt


def untag(fr):
    """The IP packet in a frame, skipping any 802.1Q/802.1ad tags still inline."""
    off = 12
    while off + 4 <= len(fr) and struct.unpack_from('!H', fr, off)[0] in (0x8100, 0x88a8):
        off += 4
    return fr[off + 2:]


def l2_peer(iface, own_mac, tagspec, lifetime):
    """Answers SIP requests arriving in tagged frames with equally tagged frames."""
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((iface, 0))
    print('ready', flush=True)
    end = time.time() + float(lifetime)
    while time.time() < end:
        r, _, _ = select.select([s], [], [], 0.2)
        if not r:
            continue
        fr, addr = s.recvfrom(65535)
        if addr[2] == PACKET_OUTGOING or fr[0:6] != mac(own_mac):
            continue
        peer = fr[6:12].hex(':')
        for a in answer_packet(untag(fr)):
            s.send(frame(peer, own_mac, tagspec, a))


def l2_options(iface, own_mac, peer_mac, tagspec, src, dst):
    """Sends one SIP OPTIONS in a tagged frame and waits (bounded) for the answer."""
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((iface, 0))
    fam = family_of(src)
    host = f'[{src}]' if fam == socket.AF_INET6 else src
    dhost = f'[{dst}]' if fam == socket.AF_INET6 else dst
    req = sip_request('OPTIONS', f'sip:bob@{dhost}:5060', 1, 'UDP', host, 5070,
                      f'vlan-{tagspec.replace(":", "-").replace(",", "-")}@voipdoc.test', 'uac-1')
    s.send(frame(peer_mac, own_mac, tagspec, ip_udp(src, dst, 5070, 5060, req)))
    end = time.time() + 2
    while time.time() < end:
        r, _, _ = select.select([s], [], [], 0.2)
        if r:
            fr, addr = s.recvfrom(65535)
            if addr[2] != PACKET_OUTGOING and fr[0:6] == mac(own_mac):
                return

# ---------------------------------------------------------------- capture file rewriting

def pcap_records(d):
    """Header fields and (ts_sec, ts_frac, data, orig_len) of a little-endian pcap."""
    magic, vmaj, vmin, zone, sigfigs, snap, network = struct.unpack_from('<IHHiIII', d, 0)
    assert magic in (0xa1b2c3d4, 0xa1b23c4d), 'expects a little-endian pcap'
    recs, off = [], 24
    while off + 16 <= len(d):
        sec, frac, incl, orig = struct.unpack_from('<IIII', d, off)
        recs.append((sec, frac, d[off + 16:off + 16 + incl], orig))
        off += 16 + incl
    return (magic, vmaj, vmin, zone, sigfigs, snap, network), recs


def to_big_endian(src, dst):
    """Rewrites a little-endian pcap with every header field big-endian (as written by a
    big-endian host); packet bytes are unchanged."""
    (magic, vmaj, vmin, zone, sigfigs, snap, network), recs = pcap_records(open(src, 'rb').read())
    out = [struct.pack('>IHHiIII', magic, vmaj, vmin, zone, sigfigs, snap, network)]
    for sec, frac, data, orig in recs:
        out.append(struct.pack('>IIII', sec, frac, len(data), orig) + data)
    open(dst, 'wb').write(b''.join(out))


def af_hexdump(src, dst, order):
    """text2pcap input from a raw-IP pcap with a 4-byte BSD address family header in front
    of each packet: AF_INET = 2, AF_INET6 = 24 (NetBSD/OpenBSD value), in `order` ('<' host
    order of a little-endian BSD host for DLT_NULL, '>' for DLT_LOOP)."""
    (magic, *_), recs = pcap_records(open(src, 'rb').read())
    div = 1000 if magic == 0xa1b23c4d else 1
    lines = []
    for sec, frac, data, orig in recs:
        af = 24 if data[0] >> 4 == 6 else 2
        pkt = struct.pack(order + 'I', af) + data
        lines.append(f'{sec}.{frac // div:06d}')
        for i in range(0, len(pkt), 16):
            lines.append(f'{i:06x} ' + ' '.join(f'{b:02x}' for b in pkt[i:i + 16]))
        lines.append('')
    open(dst, 'w').write('\n'.join(lines) + '\n')


def swap_records(src, dst, a, b):
    """Swaps the packet bytes of records a and b (1-based), keeping each record's timestamp,
    so the file reads as if the two packets had arrived in the other order."""
    hdr, recs = pcap_records(open(src, 'rb').read())
    a, b = int(a), int(b)
    recs[a - 1], recs[b - 1] = ((recs[a - 1][0], recs[a - 1][1]) + recs[b - 1][2:],
                                (recs[b - 1][0], recs[b - 1][1]) + recs[a - 1][2:])
    out = [struct.pack('<IHHiIII', *hdr)]
    for sec, frac, data, orig in recs:
        out.append(struct.pack('<IIII', sec, frac, len(data), orig) + data)
    open(dst, 'wb').write(b''.join(out))


def pcapng_blocks(d):
    """(offset, type, length) of each block of a little-endian pcapng file."""
    off, out = 0, []
    while off + 12 <= len(d):
        btype, blen = struct.unpack_from('<II', d, off)
        out.append((off, btype, blen))
        off += blen
    return out


def record_offset(src, n):
    """Byte offset of record n (1-based) of a little-endian pcap."""
    d, off = open(src, 'rb').read(), 24
    for _ in range(int(n) - 1):
        off += 16 + struct.unpack_from('<I', d, off + 8)[0]
    print(off)


def corrupt_epb(src, dst, n, value):
    """Overwrites the leading Block Total Length of the n-th Enhanced Packet Block."""
    d = bytearray(open(src, 'rb').read())
    epbs = [b for b in pcapng_blocks(d) if b[1] == 6]
    off = epbs[int(n) - 1][0]
    struct.pack_into('<I', d, off + 4, int(value, 0))
    open(dst, 'wb').write(bytes(d))
    print(off)


def header_walk(path):
    """format and link types (IDB order, no repeats) from the file headers alone."""
    names = {0: 'NULL', 1: 'ETHERNET', 12: 'RAW', 14: 'RAW', 101: 'RAW', 228: 'RAW',
             229: 'RAW', 108: 'LOOP', 113: 'LINUX_SLL', 276: 'LINUX_SLL2'}
    import gzip
    d = open(path, 'rb').read()
    if d[:2] == b'\x1f\x8b':
        d = gzip.decompress(d)
    types, fmt = [], '-'
    if d[:4] in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        fmt, types = 'pcap', [struct.unpack_from('<I', d, 20)[0]]
    elif d[:4] in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        fmt, types = 'pcap', [struct.unpack_from('>I', d, 20)[0]]
    elif d[:4] == b'\x0a\x0d\x0d\x0a':
        fmt, off, e = 'pcapng', 0, '<'
        while off + 12 <= len(d):
            btype = struct.unpack_from(e + 'I', d, off)[0]
            if btype == 0x0A0D0D0A:
                e = '<' if d[off + 8:off + 12] == b'\x4d\x3c\x2b\x1a' else '>'
            blen = struct.unpack_from(e + 'I', d, off + 4)[0]
            if btype == 1 and off + 10 <= len(d):
                types.append(struct.unpack_from(e + 'H', d, off + 8)[0])
            if blen < 12:
                break
            off += blen
    seen = []
    for t in types:
        n = names.get(t, 'LINKTYPE_%d' % (t & 0x0fffffff))
        if n not in seen:
            seen.append(n)
    print(fmt, ','.join(seen) or '-')


if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    globals()[cmd.replace('-', '_')](*args)
PY
}

main() {
  [ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
  need tcpdump tshark wireshark-common iproute2 python3 gzip coreutils
  write_kit
  mkdir -p "$OUT"
  rm -f "$OUT"/*.pcap "$OUT"/*.pcapng "$OUT"/*.gz

  make_pair

  log "UDP SIP over veth and tun: Ethernet, SLL, SLL2, raw IP, ns pcap, multi-interface pcapng"
  # A tun device in namespace A stands for an L3 link; the process holding it answers SIP.
  bg ip netns exec "$NS_A" python3 "$WORK/capkit.py" tun-peer vdfx-tun 50 >"$WORK/tun.log"
  local tun=$BG
  await "$WORK/tun.log" ready
  in_a sysctl -qw net.ipv6.conf.vdfx-tun.router_solicitations=0
  ip -n "$NS_A" link set vdfx-tun up
  ip -n "$NS_A" addr add 198.51.100.1/24 dev vdfx-tun
  ip -n "$NS_A" addr add 2001:db8:2::1/64 dev vdfx-tun nodad
  bg ip netns exec "$NS_B" python3 "$WORK/capkit.py" udp-uas 30 192.0.2.2:5060 2001:db8:1::2:5060
  local uas=$BG
  sleep 1
  capture linktype-ethernet.pcap "$NS_A" -i vdfx-va "$FILTER"
  capture pcap-le-nsec.pcap "$NS_A" -i vdfx-va --time-stamp-precision=nano "$FILTER"
  capture linktype-linux-sll.pcap "$NS_A" -i any -y LINUX_SLL "$FILTER"
  capture linktype-linux-sll2.pcap "$NS_A" -i any -y LINUX_SLL2 "$FILTER"
  capture linktype-raw.pcap "$NS_A" -i vdfx-tun "$FILTER"
  dumpcap_capture pcapng-multi-interface.pcapng "$NS_A" \
    -i vdfx-va -f "$FILTER" -i any -f "$FILTER" -i vdfx-tun -f "$FILTER"
  dumpcap_capture section-ethernet.pcapng "$NS_A" -i vdfx-va -f "$FILTER"
  in_a python3 "$WORK/capkit.py" udp-uac invite 192.0.2.1:5070 192.0.2.2:5060
  in_a python3 "$WORK/capkit.py" udp-uac options 2001:db8:1::1:5070 2001:db8:1::2:5060
  in_a python3 "$WORK/capkit.py" udp-uac options 198.51.100.1:5070 198.51.100.2:5060
  in_a python3 "$WORK/capkit.py" udp-uac options 2001:db8:2::1:5070 2001:db8:2::2:5060
  stop_captures
  stop "$tun"

  log "IPv4 and IPv6 fragments: a 4000-byte INVITE over MTU 1500"
  capture ipv4-fragments.pcap "$NS_A" -i vdfx-va "$FILTER"
  in_a python3 "$WORK/capkit.py" udp-uac invite 192.0.2.1:5072 192.0.2.2:5060 3900
  stop_captures
  capture ipv6-fragments.pcap "$NS_A" -i vdfx-va "$FILTER"
  in_a python3 "$WORK/capkit.py" udp-uac invite 2001:db8:1::1:5072 2001:db8:1::2:5060 3900
  stop_captures
  stop "$uas"

  log "SIP over TCP: one INVITE in three segments, ACK and BYE in one segment"
  bg ip netns exec "$NS_B" python3 "$WORK/capkit.py" tcp-uas 20 192.0.2.2:5060
  uas=$BG
  sleep 0.5
  capture sip-tcp-segments.pcap "$NS_A" -i vdfx-va "$FILTER"
  dumpcap_capture section-sll.pcapng "$NS_A" -i any -f "$FILTER"
  in_a python3 "$WORK/capkit.py" tcp-uac 192.0.2.1:5071 192.0.2.2:5060
  stop_captures
  stop "$uas"

  log "802.1Q and 802.1ad tags: frames written by AF_PACKET sockets on the veth"
  # The kernel here has no 8021q module, so the tags are put on by the sender and answered
  # by an AF_PACKET responder; the veth and libpcap carry them as any NIC would.
  local spec name
  for spec in 8100:10 88a8:100,8100:20; do
    name=linktype-vlan-8021q.pcap
    [ "$spec" = 8100:10 ] || name=linktype-vlan-qinq.pcap
    bg ip netns exec "$NS_B" python3 "$WORK/capkit.py" l2-peer vdfx-vb "$MAC_B" "$spec" 15 \
      >"$WORK/l2.log"
    uas=$BG
    await "$WORK/l2.log" ready
    capture "$name" "$NS_A" -i vdfx-va vlan
    in_a python3 "$WORK/capkit.py" l2-options vdfx-va "$MAC_A" "$MAC_B" "$spec" 192.0.2.1 192.0.2.2
    in_a python3 "$WORK/capkit.py" l2-options vdfx-va "$MAC_A" "$MAC_B" "$spec" 2001:db8:1::1 2001:db8:1::2
    stop_captures
    stop "$uas"
  done

  log "derived files"
  cp "$WORK"/{linktype-ethernet,pcap-le-nsec,linktype-linux-sll,linktype-linux-sll2,linktype-raw}.pcap "$OUT/"
  cp "$WORK"/{ipv4-fragments,ipv6-fragments,sip-tcp-segments,linktype-vlan-8021q,linktype-vlan-qinq}.pcap "$OUT/"
  cp "$WORK/pcapng-multi-interface.pcapng" "$OUT/"
  chmod 644 "$OUT/pcapng-multi-interface.pcapng"
  # No tool writes big-endian pcap on a little-endian host: rewrite the headers.
  kit to-big-endian "$OUT/linktype-ethernet.pcap" "$OUT/pcap-be-usec.pcap"
  kit to-big-endian "$OUT/pcap-le-nsec.pcap" "$OUT/pcap-be-nsec.pcap"
  # Linux cannot capture DLT_NULL / DLT_LOOP: the raw-IP packets get a BSD AF header.
  kit af-hexdump "$OUT/linktype-raw.pcap" "$WORK/null.txt" '<'
  text2pcap -q -F pcap -l 0 -t '%s.%f' "$WORK/null.txt" "$OUT/linktype-null.pcap"
  kit af-hexdump "$OUT/linktype-raw.pcap" "$WORK/loop.txt" '>'
  text2pcap -q -F pcap -l 108 -t '%s.%f' "$WORK/loop.txt" "$OUT/linktype-loop.pcap"
  # Two sections in one file: concatenating pcapng files is legal (draft-ietf-opsawg-pcapng §4.1, Section Header Block).
  cat "$WORK/section-ethernet.pcapng" "$WORK/section-sll.pcapng" >"$OUT/pcapng-two-sections.pcapng"
  gzip -n -9 -c "$OUT/linktype-ethernet.pcap" >"$OUT/linktype-ethernet.pcap.gz"
  # Fragment 3 (last) of the INVITE read before fragment 1, timestamps kept in order.
  kit swap-records "$OUT/ipv4-fragments.pcap" "$OUT/ipv4-fragments-reordered.pcap" 1 3

  log "damaged files"
  local off
  off=$(kit record-offset "$OUT/linktype-ethernet.pcap" 4)
  head -c $((off + 16 + 40)) "$OUT/linktype-ethernet.pcap" >"$OUT/damaged-truncated.pcap"
  kit corrupt-epb "$WORK/section-ethernet.pcapng" "$OUT/damaged-epb-length.pcapng" 3 0x7ffffffc \
    >"$WORK/epb-offset"
  : >"$OUT/damaged-empty.pcap"
  echo "$off" >"$WORK/truncated-offset"

  log "facts"
  facts >"$OUT/facts.tsv"
  log "truncated at record 4 (offset $off); corrupt EPB at offset $(cat "$WORK/epb-offset")"
  du -ch "$OUT"/* | tail -1 >&2
}

# One row per capture tshark can read: format and link types from a header walk, counts
# from tshark with the SIP heuristics on.
facts() {
  local H='--enable-heuristic sip_udp --enable-heuristic sip_tcp' f meta fmt lt
  printf 'file\tformat\tlinktypes\tpackets\tipv4\tipv6\tudp\ttcp\tip_reassembled\tsip_requests\tsip_responses\tfirst_ts\tlast_ts\n'
  for f in $(cd "$OUT" && ls | grep -E '\.(pcap|pcapng|gz)$' | sort); do
    meta=$(kit header-walk "$OUT/$f")
    fmt=${meta%% *} lt=${meta#* }
    [ "$fmt" != - ] || continue
    # tshark exits non-zero on the damaged files after printing what it could read.
    count() { { tshark -r "$OUT/$f" $H -Y "$1" -T fields -e frame.number 2>/dev/null || true; } | wc -l; }
    # Values of a field over all frames, one per occurrence.
    occurrences() {
      { tshark -r "$OUT/$f" $H -Y "$1" -T fields -E occurrence=a -E aggregator='|' -e "$1" 2>/dev/null || true; } \
        | tr '|' '\n' | sed '/^$/d'
    }
    local pk v4 v6 udp tcp re req resp ts first last
    pk=$(count frame)
    v4=$(count ip) v6=$(count ipv6) udp=$(count udp) tcp=$(count tcp)
    # reassembled_in is only filled in on a second pass (-2).
    re=$({ tshark -2 -r "$OUT/$f" -T fields -e ip.reassembled_in -e ipv6.reassembled.in 2>/dev/null || true; } \
      | awk -F'\t' '$1 != "" { print "4:" $1 } $2 != "" { print "6:" $2 }' | sort -u | wc -l)
    req=$(occurrences sip.Request-Line | wc -l)
    resp=$(occurrences sip.Status-Line | wc -l)
    ts=$(tshark -r "$OUT/$f" -T fields -e frame.time_epoch 2>/dev/null || true)
    first=$(printf '%s\n' "$ts" | head -1) last=$(printf '%s\n' "$ts" | tail -1)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
      "$f" "$fmt" "$lt" "$pk" "$v4" "$v6" "$udp" "$tcp" "$re" "$req" "$resp" "$first" "$last"
  done
}

main "$@"
