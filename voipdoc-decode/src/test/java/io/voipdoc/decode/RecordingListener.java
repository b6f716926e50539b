package io.voipdoc.decode;

import io.voipdoc.decode.tcp.TcpStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Remembers what a {@link PacketDecoder} delivered, as plain text, for assertions. */
final class RecordingListener implements PacketListener {
  /** One line per delivery: "udp|tcp|icmp frame src sport dst dport". */
  final List<String> events = new ArrayList<>();
  /** Innermost "src sport dst dport" per frame number (last delivery wins). */
  final Map<Long, String> innermost = new LinkedHashMap<>();
  final List<IcmpError> icmpErrors = new ArrayList<>();
  final List<String> payloads = new ArrayList<>();
  final List<String> hep = new ArrayList<>();
  final StringBuilder streamData = new StringBuilder();
  long gaps;
  int streamEnds;

  @Override
  public void onDatagram(Packet p) {
    record("udp", p, Integer.toString(p.srcPort), Integer.toString(p.dstPort));
    payloads.add(new String(p.payload, p.payloadOffset, p.payloadLength, StandardCharsets.ISO_8859_1));
    if (p.encapsulation == Packet.Encapsulation.HEP) {
      hep.add(
          address(p.outerSrc, p.outerAddressLength) + ">" + address(p.outerDst, p.outerAddressLength)
              + " id=" + p.hepCaptureId + " type=" + p.hepPayloadType + " proto=" + p.protocol
              + " t=" + p.timestampNanos);
    }
  }

  @Override
  public void onTcpSegment(Packet p, TcpStream stream, int flags) {
    record("tcp", p, Integer.toString(p.srcPort), Integer.toString(p.dstPort));
  }

  @Override
  public void onStreamData(TcpStream stream, Packet packet, byte[] data, int offset, int length) {
    streamData.append(new String(data, offset, length, StandardCharsets.ISO_8859_1));
  }

  @Override
  public void onStreamGap(TcpStream stream, Packet packet, long missingBytes) {
    gaps += missingBytes;
  }

  @Override
  public void onStreamEnd(TcpStream stream) {
    streamEnds++;
  }

  @Override
  public void onIcmpError(Packet p, IcmpError error) {
    icmpErrors.add(error);
    record("icmp", p, "-", "-");
  }

  private void record(String kind, Packet p, String sport, String dport) {
    String where =
        address(p.src, p.addressLength) + " " + sport + " " + address(p.dst, p.addressLength) + " "
            + dport;
    events.add(kind + " " + p.frame.number + " " + where);
    innermost.put(p.frame.number, where);
  }

  static String address(byte[] bytes, int length) {
    if (length == 0) {
      return "none";
    }
    return Packet.address(bytes, length).getHostAddress();
  }

  static String text(InetAddress a) {
    return address(a.getAddress(), a.getAddress().length);
  }
}
