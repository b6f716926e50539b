"""A SIP-over-WebSocket server and client (RFC 7118 over RFC 6455) for make-capture.sh.

server PORT: accepts one connection, answers the opening handshake with 101, reads one text
frame (a SIP request) and answers it with a SIP 200 OK in one unmasked text frame.
client PORT: sends the upgrading GET in two TCP segments (request line and Host first, the
WebSocket headers 200 ms later), reads the 101, sends an OPTIONS in one masked text frame and
reads the answer.
"""
import base64
import hashlib
import os
import socket
import struct
import sys
import time

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def read_headers(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise SystemExit("closed during the handshake")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head.decode("ascii"), rest


def read_frame(sock, rest):
    data = rest
    while len(data) < 2:
        data += sock.recv(4096)
    length = data[1] & 0x7F
    masked = data[1] & 0x80
    header = 2
    if length == 126:
        while len(data) < 4:
            data += sock.recv(4096)
        length = struct.unpack("!H", data[2:4])[0]
        header = 4
    need = header + (4 if masked else 0) + length
    while len(data) < need:
        data += sock.recv(4096)
    payload = bytearray(data[header + (4 if masked else 0):need])
    if masked:
        key = data[header:header + 4]
        for i in range(len(payload)):
            payload[i] ^= key[i % 4]
    return bytes(payload)


def frame(payload, mask):
    head = bytes([0x81])
    n = len(payload)
    length = bytes([n | (0x80 if mask else 0)]) if n < 126 else bytes([126 | (0x80 if mask else 0)]) + struct.pack("!H", n)
    if not mask:
        return head + length + payload
    key = os.urandom(4)
    return head + length + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


def server(port):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(1)
    print("ready", flush=True)
    conn, _ = listener.accept()
    head, rest = read_headers(conn)
    key = [l.split(":", 1)[1].strip() for l in head.split("\r\n") if l.lower().startswith("sec-websocket-key:")][0]
    accept = base64.b64encode(hashlib.sha1(key.encode("ascii") + GUID).digest()).decode("ascii")
    conn.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: sip\r\n\r\n").encode("ascii"))
    request = read_frame(conn, rest).decode("utf-8")
    lines = request.split("\r\n")
    keep = [l for l in lines if l.split(":", 1)[0] in ("Via", "From", "To", "Call-ID", "CSeq")]
    answer = "SIP/2.0 200 OK\r\n" + "\r\n".join(l + (";tag=srv1" if l.startswith("To:") else "") for l in keep) + "\r\nContent-Length: 0\r\n\r\n"
    conn.sendall(frame(answer.encode("utf-8"), mask=False))
    time.sleep(0.3)
    conn.close()


def client(port):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    key = base64.b64encode(os.urandom(16)).decode("ascii")
    sock.sendall(b"GET / HTTP/1.1\r\nHost: pbx.example.org\r\n")
    time.sleep(0.2)
    sock.sendall(("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
                  "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: sip\r\n\r\n").encode("ascii"))
    head, rest = read_headers(sock)
    assert head.startswith("HTTP/1.1 101"), head
    options = ("OPTIONS sip:pbx.example.org SIP/2.0\r\n"
               "Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKsplitget1\r\n"
               "Max-Forwards: 70\r\n"
               "From: <sip:alice@example.org>;tag=cli1\r\n"
               "To: <sip:pbx.example.org>\r\n"
               "Call-ID: split-get-1@example.org\r\n"
               "CSeq: 1 OPTIONS\r\n"
               "Content-Length: 0\r\n\r\n")
    sock.sendall(frame(options.encode("utf-8"), mask=True))
    print(read_frame(sock, rest).decode("utf-8").split("\r\n")[0])
    sock.close()


if __name__ == "__main__":
    {"server": server, "client": client}[sys.argv[1]](int(sys.argv[2]))
