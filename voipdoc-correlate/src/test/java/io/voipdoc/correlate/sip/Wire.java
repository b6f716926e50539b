package io.voipdoc.correlate.sip;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.sip.SipDecoder;
import io.voipdoc.decode.sip.SipMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Feeds hand-written SIP messages to a correlator, as if captured between two hosts over UDP. */
final class Wire {
  final List<Call> calls = new ArrayList<>();
  final List<Registration> registrations = new ArrayList<>();
  final List<SdpSeen> sdp = new ArrayList<>();
  final SipCorrelator correlator;
  private final Packet packet = new Packet();
  private long frame;

  Wire() {
    this(SipCorrelatorConfig.DEFAULTS);
  }

  Wire(SipCorrelatorConfig config) {
    correlator = new SipCorrelator(config, sdp::add, calls::add, registrations::add);
    packet.frame.input = "wire";
  }

  /** Sends {@code text} (lines joined with CRLF) from one address:port to another at a time. */
  Wire send(long millis, String from, String to, String... lines) {
    String text = String.join("\r\n", lines);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    SipMessage m = SipDecoder.decode(bytes, 0, bytes.length);
    if (m == null) {
      throw new IllegalArgumentException("not SIP: " + text);
    }
    deliver(m, millis, from, to);
    return this;
  }

  void deliver(SipMessage m, long millis, String from, String to) {
    fill(packet.src, from);
    fill(packet.dst, to);
    packet.addressLength = 4;
    packet.ipVersion = 4;
    packet.protocol = 17;
    packet.srcPort = port(from);
    packet.dstPort = port(to);
    packet.timestampNanos = millis * 1_000_000L;
    packet.frame.number = ++frame;
    packet.frame.timestampNanos = packet.timestampNanos;
    correlator.onSip(m, packet);
  }

  private static void fill(byte[] into, String hostPort) {
    try {
      byte[] a = InetAddress.getByName(hostPort.substring(0, hostPort.indexOf(':'))).getAddress();
      System.arraycopy(a, 0, into, 0, 4);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(hostPort, e);
    }
  }

  private static int port(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
  }

  Wire finish() {
    correlator.finish();
    calls.sort(java.util.Comparator.comparingInt(Call::index));
    return this;
  }

  /** An SDP body with one audio stream. */
  static String sdp(String address, int port, String direction) {
    return String.join(
        "\r\n",
        "v=0",
        "o=- 1 1 IN IP4 " + address,
        "s=-",
        "c=IN IP4 " + address,
        "t=0 0",
        "m=audio " + port + " RTP/AVP 0 8 101",
        "a=rtpmap:101 telephone-event/8000",
        "a=" + direction,
        "");
  }

  /** A request with the usual headers; {@code extra} lines go before the body. */
  static String[] request(
      String method, String callId, long cseq, String fromTag, String toTag, String branch,
      String body, String... extra) {
    List<String> l = new ArrayList<>();
    l.add(method + " sip:bob@192.0.2.2 SIP/2.0");
    l.add("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK" + branch);
    l.add("From: <sip:alice@example.com>;tag=" + fromTag);
    l.add("To: <sip:bob@example.com>" + (toTag.isEmpty() ? "" : ";tag=" + toTag));
    l.add("Call-ID: " + callId);
    l.add("CSeq: " + cseq + " " + method);
    l.add("Max-Forwards: 70");
    l.add("Contact: <sip:alice@192.0.2.1>");
    l.addAll(List.of(extra));
    if (!body.isEmpty() && List.of(extra).stream().noneMatch(x -> x.startsWith("Content-Type"))) {
      l.add("Content-Type: application/sdp");
    }
    l.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
    l.add("");
    l.add(body);
    return l.toArray(String[]::new);
  }

  /** A response to a request built by {@link #request}. */
  static String[] response(
      int status, String reason, String method, String callId, long cseq, String fromTag,
      String toTag, String branch, String body, String... extra) {
    List<String> l = new ArrayList<>();
    l.add("SIP/2.0 " + status + " " + reason);
    l.add("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK" + branch);
    l.add("From: <sip:alice@example.com>;tag=" + fromTag);
    l.add("To: <sip:bob@example.com>" + (toTag.isEmpty() ? "" : ";tag=" + toTag));
    l.add("Call-ID: " + callId);
    l.add("CSeq: " + cseq + " " + method);
    l.addAll(List.of(extra));
    if (!body.isEmpty() && List.of(extra).stream().noneMatch(x -> x.startsWith("Content-Type"))) {
      l.add("Content-Type: application/sdp");
    }
    l.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
    l.add("");
    l.add(body);
    return l.toArray(String[]::new);
  }
}
