#!/usr/bin/env bash
# Makes accepted-future-certificate.pcap (README.md beside it) with real software: an OpenSSL
# TLS 1.2 server on port 5061 presents a self-signed certificate that keytool made valid only from
# 2030 and for the name default.invalid; an OpenSSL client asks for pbx.example.org (SNI), does not
# stop at the verification errors, sends one line and gets it back reversed. tcpdump captures the
# loopback interface of a network namespace made here (vdtls-cert), so nothing else is in it.
#
# Run as root:  sudo ./make-capture.sh
HERE=$(cd "$(dirname "$0")" && pwd)
NS=vdtls-cert
source "$(git -C "$HERE" rev-parse --show-toplevel)/testdata/loopback-capture.sh"

# the certificate: self-signed, not valid before 2030-01-01, naming only default.invalid
keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=default.invalid \
  -ext san=dns:default.invalid -startdate 2030/01/01 -validity 365 \
  -keystore "$WORK/server.p12" -storetype pkcs12 -storepass changeit >/dev/null 2>&1
openssl pkcs12 -in "$WORK/server.p12" -passin pass:changeit -nodes -out "$WORK/server.pem" 2>/dev/null

start_capture 'tcp port 5061'
in_ns timeout 30 openssl s_server -accept 127.0.0.1:5061 -tls1_2 -rev \
  -cert "$WORK/server.pem" -key "$WORK/server.pem" >"$WORK/server.log" 2>&1 &
PIDS+=($!)
wait_for "$WORK/server.log" ACCEPT
(printf 'OPTIONS sip:pbx.example.org SIP/2.0\n'; sleep 1) |
  in_ns timeout 10 openssl s_client -connect 127.0.0.1:5061 -servername pbx.example.org \
    -tls1_2 -ign_eof >"$WORK/client.log" 2>&1 || true
grep -E 'verify error|0.2/PIS' "$WORK/client.log" >&2
finish_capture "$HERE/accepted-future-certificate.pcap"
