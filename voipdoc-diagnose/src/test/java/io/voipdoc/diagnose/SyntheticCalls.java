package io.voipdoc.diagnose;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Test support: a recipe for synthetic captures of SIP calls over UDP with their RTP, for patterns
 * the lab cannot make. Packets are collected with their capture time and written in time order,
 * so calls may overlap.
 */
public final class SyntheticCalls {
  /** Capture start, ns since the epoch. */
  public static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;

  private final List<Timed> packets = new ArrayList<>();
  private long order;

  private record Timed(long nanos, long order, byte[] frame, boolean sip) {}

  /** One side of a call: name, SIP address and RTP port. */
  public record Party(String user, String address, int rtpPort) {}

  /** Adds a SIP message over UDP 5060 at {@code atMs} after {@link #T0}. */
  public SyntheticCalls sip(long atMs, String src, String dst, String message) {
    packets.add(new Timed(T0 + atMs * MS, order++, Packets.ethernet(
        Packets.ipv4(src, dst, 17, Packets.udp(5060, 5060, Packets.text(message)))), true));
    return this;
  }

  /** Adds any Ethernet frame at {@code nanos} after {@link #T0}. */
  public SyntheticCalls frame(long nanos, byte[] frame) {
    packets.add(new Timed(T0 + nanos, order++, frame, false));
    return this;
  }

  /**
   * An answered call: INVITE with {@code offer}, 200 OK with {@code answer} after {@code answerMs},
   * ACK, then {@code talkMs} of RTP both ways ({@code payloadType}, {@code ptimeMs} packets of
   * {@code payloadBytes}; none when {@code ptimeMs} is 0), then BYE from the caller and its 200 OK. {@code lose} decides which
   * packets are dropped: (direction 0 = caller to callee, 1 = back; packet index, its time in ms).
   */
  public SyntheticCalls answeredCall(
      String callId, long atMs, Party caller, Party callee, String offer, String answer,
      long talkMs, int payloadType, int ptimeMs, int payloadBytes, Loss lose) {
    sip(atMs, caller.address, callee.address, invite(callId, caller, callee, offer));
    long answered = atMs + 100;
    sip(answered, callee.address, caller.address,
        response(callId, caller, callee, "200 OK", "INVITE", 1, answer));
    sip(answered + 10, caller.address, callee.address, request("ACK", callId, caller, callee, 1));
    long first = answered + 20;
    int count = ptimeMs == 0 ? 0 : (int) (talkMs / ptimeMs);
    int clock = payloadType == 9 || payloadType == 0 || payloadType == 8 || payloadType == 18 ? 8 : 48;
    long ssrc = (callId.hashCode() & 0xffffffL) << 4;
    for (int i = 0; i < count; i++) {
      long t = first + (long) i * ptimeMs;
      for (int dir = 0; dir < 2; dir++) {
        if (lose.dropped(dir, i, t)) {
          continue;
        }
        Party from = dir == 0 ? caller : callee;
        Party to = dir == 0 ? callee : caller;
        byte[] rtp = Packets.rtp(payloadType, i == 0, 1000 + i, 8000L + (long) clock * ptimeMs * i,
            ssrc + dir, new byte[payloadBytes]);
        frame(t * MS + dir * 100_000L, Packets.ethernet(Packets.ipv4(from.address, to.address, 17,
            Packets.udp(from.rtpPort, to.rtpPort, rtp))));
      }
    }
    long bye = first + talkMs;
    sip(bye, caller.address, callee.address, request("BYE", callId, caller, callee, 2));
    sip(bye + 10, callee.address, caller.address,
        response(callId, caller, callee, "200 OK", "BYE", 2, ""));
    return this;
  }

  /** An answered call of {@code talkMs} without RTP, G.711 announced. */
  public SyntheticCalls answeredCall(String callId, long atMs, Party caller, Party callee, long talkMs) {
    return answeredCall(callId, atMs, caller, callee, sdp(caller.address, caller.rtpPort, "0"),
        sdp(callee.address, callee.rtpPort, "0"), talkMs, 0, 0, 0, Loss.NONE);
  }

  /** Writes the capture to a file. */
  public java.nio.file.Path writeTo(java.nio.file.Path file) throws IOException {
    try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
      writeTo(out);
    }
    return file;
  }

  /** Which RTP packets a recipe drops. */
  @FunctionalInterface
  public interface Loss {
    boolean dropped(int direction, int index, long atMs);

    /** Nothing lost. */
    Loss NONE = (d, i, t) -> false;
  }

  /** Writes every packet in time order to a classic pcap (Ethernet). */
  public void writeTo(OutputStream out) throws IOException {
    write(out, false);
  }

  /** Writes the SIP messages only, as a capture on a proxy that relays no media would show. */
  public java.nio.file.Path writeSipTo(java.nio.file.Path file) throws IOException {
    try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
      write(out, true);
    }
    return file;
  }

  private void write(OutputStream out, boolean sipOnly) throws IOException {
    CaptureBuilder c = CaptureBuilder.pcap(out, 1);
    packets.sort(Comparator.comparingLong(Timed::nanos).thenComparingLong(Timed::order));
    for (Timed p : packets) {
      if (p.sip || !sipOnly) {
        c.packet(p.nanos, p.frame);
      }
    }
  }

  /** An SDP with one audio stream; {@code mediaLines} follow the m= line (rtpmap, candidates). */
  public static String sdp(String host, int port, String formats, String... mediaLines) {
    StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 "
        + host + "\r\nt=0 0\r\nm=audio " + port + " RTP/AVP " + formats + "\r\n");
    for (String l : mediaLines) {
      b.append(l).append("\r\n");
    }
    return b.toString();
  }

  /** An INVITE from the caller to the callee with an SDP offer. */
  public static String invite(String callId, Party caller, Party callee, String body) {
    return "INVITE sip:" + callee.user + "@" + callee.address + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP " + caller.address + ":5060;branch=z9hG4bK" + callId + "inv\r\n"
        + "From: <sip:" + caller.user + "@" + caller.address + ">;tag=a-" + callId + "\r\n"
        + "To: <sip:" + callee.user + "@" + callee.address + ">\r\n"
        + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
        + "Contact: <sip:" + caller.user + "@" + caller.address + ":5060>\r\n"
        + "Max-Forwards: 70\r\nContent-Type: application/sdp\r\n"
        + "Content-Length: " + length(body) + "\r\n\r\n" + body;
  }

  /** An in-dialog request from the caller without body. */
  public static String request(String method, String callId, Party caller, Party callee, int cseq) {
    return method + " sip:" + callee.user + "@" + callee.address + ":5060 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP " + caller.address + ":5060;branch=z9hG4bK" + callId
        + method.toLowerCase(java.util.Locale.ROOT) + "\r\n"
        + "From: <sip:" + caller.user + "@" + caller.address + ">;tag=a-" + callId + "\r\n"
        + "To: <sip:" + callee.user + "@" + callee.address + ">;tag=b-" + callId + "\r\n"
        + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /** A response of the callee to a request of the caller. */
  public static String response(
      String callId, Party caller, Party callee, String status, String method, int cseq,
      String body) {
    String branch = method.equals("INVITE") ? "inv" : method.toLowerCase(java.util.Locale.ROOT);
    return "SIP/2.0 " + status + "\r\n"
        + "Via: SIP/2.0/UDP " + caller.address + ":5060;branch=z9hG4bK" + callId + branch + "\r\n"
        + "From: <sip:" + caller.user + "@" + caller.address + ">;tag=a-" + callId + "\r\n"
        + "To: <sip:" + callee.user + "@" + callee.address + ">;tag=b-" + callId + "\r\n"
        + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " " + method + "\r\n"
        + "Contact: <sip:" + callee.user + "@" + callee.address + ":5060>\r\n"
        + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
        + "Content-Length: " + length(body) + "\r\n\r\n" + body;
  }

  /**
   * A STUN Binding Request (RFC 8489 §5) with a USERNAME attribute (§14.3), or its success
   * response when {@code response}; the 12-byte transaction ID is derived from {@code id}.
   */
  public static byte[] stun(boolean response, int id, String username) {
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    int padded = (user.length + 3) & ~3;
    int attrs = response ? 0 : 4 + padded;
    ByteBuffer b = ByteBuffer.allocate(20 + attrs);
    // type (0x0001 request, 0x0101 success), length, magic cookie, transaction ID
    b.putShort((short) (response ? 0x0101 : 0x0001)).putShort((short) attrs).putInt(0x2112A442);
    b.putInt(0x5eed0000).putInt(id).putInt(0x7e570000 ^ id);
    if (!response) {
      b.putShort((short) 0x0006).putShort((short) user.length).put(user);
    }
    return b.array();
  }

  private static int length(String body) {
    return body.getBytes(StandardCharsets.UTF_8).length;
  }
}
