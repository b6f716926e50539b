// A minimal SIP user agent over WebSocket (RFC 7118), as a browser phone does it, built on
// the `ws` package: it registers with digest authentication, then either waits for a call
// (answers with 180 and 200, answers BYE) or places one (INVITE, ACK, BYE after a few
// seconds). The WebSocket is closed with status 1000 at the end.
//
//   node ws-phone.js URL USER PASSWORD LOCAL_IP [CALL_TARGET]
'use strict';
const crypto = require('crypto');
const WebSocket = require('ws');

const [url, user, password, localIp, target] = process.argv.slice(2);
const domain = new URL(url).hostname;
const ws = new WebSocket(url, 'sip', { localAddress: localIp });
const rand = () => crypto.randomBytes(6).toString('hex');
const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');
const log = (s) => process.stdout.write(`[${user}] ${s}\n`);

let localPort = 0;
let cseq = 1;
const callId = `${rand()}@${localIp}`;
const fromTag = rand();
let dialog = null; // { callId, localTag, remoteTag, remoteTarget, routes, remote, cseq }

function via() {
  return `SIP/2.0/WS ${localIp}:${localPort};branch=z9hG4bK${rand()};rport`;
}

function contact() {
  return `<sip:${user}@${localIp}:${localPort};transport=ws>`;
}

function send(text) {
  ws.send(text);
  log(`sent ${text.split('\r\n')[0]}`);
}

function message(startLine, headers, body = '') {
  const lines = [startLine, ...headers, `Content-Length: ${Buffer.byteLength(body)}`, '', body];
  return lines.join('\r\n');
}

function parse(text) {
  const [head, body = ''] = text.split('\r\n\r\n');
  const [startLine, ...lines] = head.split('\r\n');
  const headers = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    const name = l.slice(0, i).trim().toLowerCase();
    (headers[name] = headers[name] || []).push(l.slice(i + 1).trim());
  }
  const status = /^SIP\/2\.0 (\d{3})/.exec(startLine);
  return { startLine, status: status ? +status[1] : 0, method: status ? null : startLine.split(' ')[0], headers, body };
}

const h = (m, name) => (m.headers[name] || [])[0] || '';

function sdp(port) {
  return [
    'v=0', `o=${user} 1 1 IN IP4 ${localIp}`, 's=-', `c=IN IP4 ${localIp}`, 't=0 0',
    `m=audio ${port} RTP/AVP 0`, 'a=rtpmap:0 PCMU/8000', 'a=sendrecv', '',
  ].join('\r\n');
}

function register(auth) {
  const headers = [
    `Via: ${via()}`, 'Max-Forwards: 70', `To: <sip:${user}@${domain}>`,
    `From: <sip:${user}@${domain}>;tag=${fromTag}`, `Call-ID: ${callId}`, `CSeq: ${cseq++} REGISTER`,
    `Contact: ${contact()};expires=600`, 'Expires: 600', 'User-Agent: voipdoc-lab ws-phone',
  ];
  if (auth) headers.push(auth);
  send(message(`REGISTER sip:${domain} SIP/2.0`, headers));
}

function digest(challenge, method, uri) {
  const realm = /realm="([^"]*)"/.exec(challenge)[1];
  const nonce = /nonce="([^"]*)"/.exec(challenge)[1];
  const response = md5(`${md5(`${user}:${realm}:${password}`)}:${nonce}:${md5(`${method}:${uri}`)}`);
  return `Authorization: Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5`;
}

function invite() {
  const uri = `sip:${target}@${domain}`;
  dialog = { callId: `${rand()}@${localIp}`, localTag: rand(), remoteTag: '', remoteTarget: uri, routes: [], remote: uri, cseq: cseq++ };
  send(message(`INVITE ${uri} SIP/2.0`, [
    `Via: ${via()}`, 'Max-Forwards: 70', `To: <${uri}>`, `From: <sip:${user}@${domain}>;tag=${dialog.localTag}`,
    `Call-ID: ${dialog.callId}`, `CSeq: ${dialog.cseq} INVITE`, `Contact: ${contact()}`,
    'Content-Type: application/sdp', 'User-Agent: voipdoc-lab ws-phone',
  ], sdp(16000)));
}

function inDialog(method, cseqNumber) {
  const headers = [
    `Via: ${via()}`, 'Max-Forwards: 70', `To: <${dialog.remote}>;tag=${dialog.remoteTag}`,
    `From: <sip:${user}@${domain}>;tag=${dialog.localTag}`, `Call-ID: ${dialog.callId}`,
    `CSeq: ${cseqNumber} ${method}`,
  ];
  for (const r of dialog.routes) headers.push(`Route: ${r}`);
  send(message(`${method} ${dialog.remoteTarget} SIP/2.0`, headers));
}

function reply(req, status, reason, extra = [], body = '') {
  const headers = [];
  for (const v of req.headers.via) headers.push(`Via: ${v}`);
  for (const r of req.headers['record-route'] || []) headers.push(`Record-Route: ${r}`);
  let to = h(req, 'to');
  if (!/;tag=/.test(to)) to += `;tag=${fromTag}`;
  headers.push(`From: ${h(req, 'from')}`, `To: ${to}`, `Call-ID: ${h(req, 'call-id')}`, `CSeq: ${h(req, 'cseq')}`, ...extra);
  send(message(`SIP/2.0 ${status} ${reason}`, headers, body));
}

function onResponse(m) {
  const method = h(m, 'cseq').split(' ')[1];
  if (method === 'REGISTER') {
    if (m.status === 401) register(digest(h(m, 'www-authenticate'), 'REGISTER', `sip:${domain}`));
    else if (m.status === 200) {
      log('registered');
      if (target) setTimeout(invite, 1500);
    }
  } else if (method === 'INVITE' && m.status === 200) {
    dialog.remoteTag = /;tag=([^;>\s]+)/.exec(h(m, 'to'))[1];
    dialog.remoteTarget = /<([^>]+)>/.exec(h(m, 'contact'))[1];
    dialog.routes = (m.headers['record-route'] || []).flatMap((v) => v.split(',')).map((v) => v.trim()).reverse();
    inDialog('ACK', dialog.cseq);
    setTimeout(() => inDialog('BYE', cseq++), 3000);
  } else if (method === 'BYE') {
    log('call ended');
    setTimeout(() => ws.close(1000, 'done'), 500);
  }
}

function onRequest(m) {
  if (m.method === 'INVITE') {
    reply(m, 180, 'Ringing', [`Contact: ${contact()}`]);
    setTimeout(() => reply(m, 200, 'OK', [`Contact: ${contact()}`, 'Content-Type: application/sdp'], sdp(18000)), 500);
  } else if (m.method === 'BYE') {
    reply(m, 200, 'OK');
    setTimeout(() => ws.close(1000, 'done'), 500);
  } else if (m.method !== 'ACK') {
    reply(m, 405, 'Method Not Allowed');
  }
}

ws.on('open', () => {
  localPort = ws._socket.localPort;
  log(`connected from ${localIp}:${localPort}`);
  register(null);
});
ws.on('message', (data) => {
  const m = parse(data.toString());
  log(`received ${m.startLine}`);
  if (m.status) onResponse(m);
  else onRequest(m);
});
ws.on('close', (code) => {
  log(`closed ${code}`);
  process.exit(0);
});
ws.on('error', (e) => {
  log(`error ${e.message}`);
  process.exit(1);
});
