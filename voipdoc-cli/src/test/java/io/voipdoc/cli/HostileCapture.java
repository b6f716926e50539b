package io.voipdoc.cli;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A capture of a call refused with 488 whose SIP and SDP were written by an attacker: terminal
 * escape sequences, a right-to-left override, HTML and Markdown, attribute breakers, invalid
 * UTF-8 and 10 kB values in the Request-URI, From, User-Agent, reason phrase and SDP. No real
 * phone sends this (and the lab's tools refuse to), so it is built here byte by byte.
 */
final class HostileCapture {
  /** Bytes that switch a terminal to red, set its window title and clear the screen. */
  static final String ESC = "\u001b[31m\u001b]0;owned\u0007\u001b[2J";
  /** The right-to-left override, which makes a terminal show what follows backwards. */
  static final String RLO = "\u202e";
  /** HTML that would run a script, and a breaker out of an HTML attribute. */
  static final String HTML = "<script>alert(1)</script><img\"src=x\"onerror=alert(2)>";
  /** Markdown that would make a link, a heading, a table cell and a code span. */
  static final String MARKDOWN = "[click](http://evil.example)|#x`y`";
  /** Bytes that are not valid UTF-8. */
  static final byte[] INVALID_UTF8 = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3};
  /** A value far longer than any real header. */
  static final String LONG = "A".repeat(10_000);

  private HostileCapture() {}

  /** Writes the capture (pcap, Ethernet) to {@code file}. */
  static Path write(Path file) throws IOException {
    // control characters make the request line unreadable as SIP, so the Request-URI has none
    String target = "evil" + RLO + HTML + MARKDOWN;
    byte[] invite =
        sip(
            "INVITE sip:" + target + "@192.0.2.20 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-hostile1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"" + ESC + RLO + "Mallory\" <sip:mallory" + ESC + RLO + "@192.0.2.10>;tag=a1\r\n"
                + "To: <sip:" + target + "@192.0.2.20>\r\n"
                + "Call-ID: hostile-" + RLO + "call\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:mallory@192.0.2.10:5060>\r\n"
                + "User-Agent: " + HTML + ESC + RLO,
            INVALID_UTF8,
            LONG + "\r\n"
                + "Content-Type: application/sdp\r\n",
            "v=0\r\n"
                + "o=- 1 1 IN IP4 192.0.2.10\r\n"
                + "s=" + HTML + ESC + LONG + "\r\n"
                + "c=IN IP4 192.0.2.10\r\n"
                + "t=0 0\r\n"
                + "m=audio 40000 RTP/AVP 96\r\n"
                + "a=rtpmap:96 " + ("X" + ESC + RLO + "<b>" + MARKDOWN).replace(" ", "").replace("/", "") + "/8000\r\n");
    byte[] rejected =
        sip(
            "SIP/2.0 488 " + HTML + " " + ESC + RLO + MARKDOWN + " ",
            INVALID_UTF8,
            " " + "B".repeat(2_000) + "\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-hostile1\r\n"
                + "From: \"" + ESC + RLO + "Mallory\" <sip:mallory" + ESC + RLO + "@192.0.2.10>;tag=a1\r\n"
                + "To: <sip:" + target + "@192.0.2.20>;tag=b2\r\n"
                + "Call-ID: hostile-" + RLO + "call\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "User-Agent: " + ESC + LONG + "\r\n",
            "");
    long t0 = 1_764_000_000_000_000_000L;
    return CaptureBuilder.toFile(
        file,
        out ->
            CaptureBuilder.pcap(out, 1)
                .packet(t0, udp("192.0.2.10", "192.0.2.20", invite))
                .packet(t0 + 2_000_000L, udp("192.0.2.20", "192.0.2.10", rejected)));
  }

  private static byte[] udp(String src, String dst, byte[] payload) {
    return Packets.ethernet(Packets.ipv4(src, dst, 17, Packets.udp(5060, 5060, payload)));
  }

  /** A SIP message: head, raw bytes, rest of the headers, then the body with its length. */
  private static byte[] sip(String head, byte[] raw, String headers, String body)
      throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(head.getBytes(StandardCharsets.UTF_8));
    b.write(raw);
    b.write(headers.getBytes(StandardCharsets.UTF_8));
    b.write(("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    b.write(content);
    return b.toByteArray();
  }
}
