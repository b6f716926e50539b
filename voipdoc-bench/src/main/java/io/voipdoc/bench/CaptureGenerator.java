package io.voipdoc.bench;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a large, deterministic pcap that looks like a busy VoIP link: many concurrent calls, each
 * with SIP over UDP or TCP and 20 ms G.711 RTP both ways, a share of IPv6, and some fragmented
 * SIP. The same arguments always give the same bytes.
 *
 * <p>With {@code signalling}, the capture holds only SIP: complete calls (INVITE with SDP, 100,
 * 180, 200 with SDP, ACK, BYE, 200) one after another, as a capture filtered to port 5060 would.
 *
 * <p>Usage: {@code CaptureGenerator OUTPUT SIZE_MB [media|signalling]}
 */
public final class CaptureGenerator {
  private static final long BASE_TIME = 1_700_000_000_000_000_000L;
  private static final int CONCURRENT_CALLS = 200;

  private CaptureGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: CaptureGenerator OUTPUT SIZE_MB [media|signalling]");
    }
    Path out = Path.of(args[0]);
    long target = Long.parseLong(args[1]) * 1024 * 1024;
    boolean signalling = args.length > 2 && args[2].equals("signalling");
    long written = signalling ? generateSignalling(out, target) : generate(out, target);
    System.out.printf(Locale.ROOT, "wrote %s: %d bytes%n", out, written);
  }

  /** Writes at least {@code targetBytes} to {@code out} and returns the size. */
  static long generate(Path out, long targetBytes) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      CaptureBuilder pcap = CaptureBuilder.pcap(os, 1);
      byte[] rtpPayload = new byte[12 + 160];
      rtpPayload[0] = (byte) 0x80;
      long time = BASE_TIME;
      long size = 24;
      long tick = 0;
      while (size < targetBytes) {
        // One 20 ms tick: every call sends one RTP packet each way; every 250th tick a call
        // exchanges SIP (a new INVITE transaction), alternating UDP, TCP and IPv6.
        for (int call = 0; call < CONCURRENT_CALLS && size < targetBytes; call++) {
          String a = "10.1." + (call / 250) + "." + (call % 250 + 1);
          String b = "198.51.100." + (call % 250 + 1);
          int port = 30000 + 2 * call;
          rtpPayload[3] = (byte) tick;
          rtpPayload[2] = (byte) (tick >> 8);
          byte[] fwd = Packets.ethernet(Packets.ipv4(a, b, 17, Packets.udp(port, port, rtpPayload)));
          byte[] rev = Packets.ethernet(Packets.ipv4(b, a, 17, Packets.udp(port, port, rtpPayload)));
          pcap.packet(time, fwd);
          pcap.packet(time + 1000, rev);
          size += 32 + fwd.length + rev.length;
          if ((tick + call) % 250 == 0) {
            byte[] sip = sipPacket(call, tick, a, b);
            pcap.packet(time + 2000, sip);
            size += 16 + sip.length;
          }
        }
        time += 20_000_000L;
        tick++;
      }
      return size;
    }
  }

  /** Writes complete SIP calls until the file has at least {@code targetBytes}. */
  static long generateSignalling(Path out, long targetBytes) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      CaptureBuilder pcap = CaptureBuilder.pcap(os, 1);
      long time = BASE_TIME;
      long size = 24;
      String a = "192.0.2.10";
      String b = "198.51.100.20";
      for (long call = 0; size < targetBytes; call++) {
        String id = "call-" + call + "@bench";
        String sdpA = sdp(a, 30000 + (int) (call % 1000) * 2);
        String sdpB = sdp(b, 40000 + (int) (call % 1000) * 2);
        String[][] flow = {
          {a, b, request("INVITE", call, id, 1, null, sdpA)},
          {b, a, response("100 Trying", call, id, 1, "INVITE", null, "")},
          {b, a, response("180 Ringing", call, id, 1, "INVITE", "b" + call, "")},
          {b, a, response("200 OK", call, id, 1, "INVITE", "b" + call, sdpB)},
          {a, b, request("ACK", call, id, 1, "b" + call, "")},
          {a, b, request("BYE", call, id, 2, "b" + call, "")},
          {b, a, response("200 OK", call, id, 2, "BYE", "b" + call, "")}
        };
        for (String[] m : flow) {
          byte[] frame = Packets.ethernet(Packets.ipv4(m[0], m[1], 17, Packets.udp(5060, 5060, Packets.text(m[2]))));
          pcap.packet(time, frame);
          size += 16 + frame.length;
          time += 50_000_000L;
        }
      }
      return size;
    }
  }

  private static String sdp(String host, int port) {
    return "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
        + "m=audio " + port + " RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
  }

  private static String request(String method, long call, String id, int cseq, String toTag, String body) {
    return method + " sip:bob@198.51.100.20 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + call + method + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: \"Alice\" <sip:alice@example.com>;tag=a" + call + "\r\n"
        + "To: <sip:bob@example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
        + "Call-ID: " + id + "\r\nCSeq: " + cseq + " " + method + "\r\n"
        + "Contact: <sip:alice@192.0.2.10:5060>\r\nUser-Agent: bench\r\n"
        + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
        + "Content-Length: " + body.length() + "\r\n\r\n" + body;
  }

  private static String response(
      String status, long call, String id, int cseq, String method, String toTag, String body) {
    return "SIP/2.0 " + status + "\r\n"
        + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK" + call + method + "\r\n"
        + "From: \"Alice\" <sip:alice@example.com>;tag=a" + call + "\r\n"
        + "To: <sip:bob@example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
        + "Call-ID: " + id + "\r\nCSeq: " + cseq + " " + method + "\r\n"
        + "Contact: <sip:bob@198.51.100.20:5060>\r\nServer: bench\r\n"
        + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
        + "Content-Length: " + body.length() + "\r\n\r\n" + body;
  }

  private static byte[] sipPacket(int call, long tick, String a, String b) {
    byte[] msg =
        Packets.text(
            "INVITE sip:" + call + "@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + a + ":5060;branch=z9hG4bK" + tick + "x" + call + "\r\n"
                + "From: <sip:caller@example.com>;tag=" + call + "\r\n"
                + "To: <sip:" + call + "@example.com>\r\n"
                + "Call-ID: " + tick + "-" + call + "@bench\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n");
    return switch ((int) (tick % 3)) {
      case 0 -> Packets.ethernet(Packets.ipv4(a, b, 17, Packets.udp(5060, 5060, msg)));
      case 1 -> Packets.ethernet(Packets.ipv4(a, b, 6, Packets.tcp(5060, 5060, tick * 1000, 1, 0x18, msg)));
      default -> Packets.ethernet(Packets.ipv6("2001:db8::" + Integer.toHexString(call + 1), "2001:db8::ffff", 17, Packets.udp(5060, 5060, msg)));
    };
  }
}
