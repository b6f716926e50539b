package io.voipdoc.decode;

import static io.voipdoc.testkit.Packets.ethernet;
import static io.voipdoc.testkit.Packets.ethernetTagged;
import static io.voipdoc.testkit.Packets.gre;
import static io.voipdoc.testkit.Packets.hep2;
import static io.voipdoc.testkit.Packets.hep3;
import static io.voipdoc.testkit.Packets.ipv4;
import static io.voipdoc.testkit.Packets.ipv6;
import static io.voipdoc.testkit.Packets.sll;
import static io.voipdoc.testkit.Packets.sll2;
import static io.voipdoc.testkit.Packets.tcp;
import static io.voipdoc.testkit.Packets.text;
import static io.voipdoc.testkit.Packets.udp;
import static io.voipdoc.testkit.Packets.vxlan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.LinkType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
  private static final byte[] SIP = text("OPTIONS sip:a@b SIP/2.0\r\n\r\n");
  private static final byte[] UDP_SIP = ipv4("10.0.0.1", "10.0.0.2", 17, udp(5060, 5062, SIP));

  private final RecordingListener listener = new RecordingListener();
  private final AnomalyLog anomalies = new AnomalyLog();
  private final PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, listener, anomalies);
  private long number;

  private void decode(int linkType, byte[] bytes) {
    decode(linkType, bytes, bytes.length, 1_700_000_000_000_000_000L + number * 1000);
  }

  private void decode(int linkType, byte[] bytes, int captured, long time) {
    Frame f = new Frame();
    f.input = "test";
    f.number = ++number;
    f.timestampNanos = time;
    f.linkType = linkType;
    // data at an offset, to catch code that forgets frame.offset
    f.data = new byte[captured + 7];
    System.arraycopy(bytes, 0, f.data, 7, captured);
    f.offset = 7;
    f.capturedLength = captured;
    f.originalLength = bytes.length;
    decoder.decode(f);
  }

  private long count(String key) {
    return decoder.stats().counts().get(key);
  }

  @Test
  void udpOverEthernet() {
    decode(LinkType.ETHERNET, ethernet(UDP_SIP));
    assertEquals(List.of("udp 1 10.0.0.1 5060 10.0.0.2 5062"), listener.events);
    assertEquals(new String(SIP, java.nio.charset.StandardCharsets.ISO_8859_1), listener.payloads.get(0));
    assertEquals(0, anomalies.total());
  }

  @Test
  void stackedVlanTagsOfEveryKind() {
    decode(LinkType.ETHERNET, ethernetTagged(new int[] {0x88A8, 10, 0x9100, 20, 0x8100, 30}, 0x0800, UDP_SIP));
    assertEquals(List.of("udp 1 10.0.0.1 5060 10.0.0.2 5062"), listener.events);
    assertEquals(1, count("vlan"));
  }

  @Test
  void tooManyTagsIsAnAnomaly() {
    int[] tags = new int[2 * 17];
    for (int i = 0; i < tags.length; i += 2) {
      tags[i] = 0x8100;
    }
    decode(LinkType.ETHERNET, ethernetTagged(tags, 0x0800, UDP_SIP));
    assertEquals(List.of(), listener.events);
    assertEquals(1L, anomalies.counts().get("link.too_many_tags"));
  }

  @Test
  void linuxCookedV1AndV2() {
    decode(LinkType.LINUX_SLL, sll(0x0800, UDP_SIP));
    decode(LinkType.LINUX_SLL2, sll2(0x86DD, ipv6("2001:db8::1", "2001:db8::2", 17, udp(1, 2, SIP))));
    decode(LinkType.LINUX_SLL, sll(0x0806, new byte[28]));
    assertEquals(
        List.of("udp 1 10.0.0.1 5060 10.0.0.2 5062", "udp 2 2001:db8:0:0:0:0:0:1 1 2001:db8:0:0:0:0:0:2 2"),
        listener.events);
    assertEquals(1, count("nonIp"));
  }

  @Test
  void rawNullAndLoop() {
    decode(LinkType.RAW, UDP_SIP);
    decode(LinkType.IPV4, UDP_SIP);
    decode(LinkType.NULL, concat(new byte[] {2, 0, 0, 0}, UDP_SIP)); // little-endian host
    decode(LinkType.NULL, concat(new byte[] {0, 0, 0, 2}, UDP_SIP)); // big-endian host
    decode(LinkType.LOOP, concat(new byte[] {0, 0, 0, 30}, ipv6("::1", "::1", 17, udp(1, 2, SIP))));
    assertEquals(5, listener.events.size());
    assertEquals(4, count("ipv4"));
    assertEquals(1, count("ipv6"));
  }

  @Test
  void nflogPayloadTlv() {
    // header: AF_INET, version 0, resource 1; TLV prefix (type 1, 8 bytes); payload TLV (type 9)
    ByteBuffer b = ByteBuffer.allocate(4 + 8 + 4 + UDP_SIP.length + 3);
    b.put((byte) 2).put((byte) 0).putShort((short) 1);
    b.put(new byte[] {8, 0, 1, 0, 0, 0, 0, 0});
    int len = 4 + UDP_SIP.length;
    b.put((byte) len).put((byte) (len >> 8)).put((byte) 9).put((byte) 0).put(UDP_SIP);
    decode(LinkType.NFLOG, b.array());
    assertEquals(List.of("udp 1 10.0.0.1 5060 10.0.0.2 5062"), listener.events);
  }

  @Test
  void pppoeAndMplsWithPseudowire() {
    ByteBuffer pppoe = ByteBuffer.allocate(8 + UDP_SIP.length);
    pppoe.put((byte) 0x11).put((byte) 0).putShort((short) 7).putShort((short) (2 + UDP_SIP.length));
    pppoe.putShort((short) 0x0021).put(UDP_SIP);
    decode(LinkType.ETHERNET, ethernet(0x8864, pppoe.array()));
    // two labels, bottom of stack on the second, control word, then an Ethernet frame
    byte[] labels = {0, 1, 0, 64, 0, 2, 1, 64, 0, 0, 0, 0};
    decode(LinkType.ETHERNET, ethernet(0x8847, concat(labels, ethernet(UDP_SIP))));
    byte[] ipLabel = {0, 3, 1, 64};
    decode(LinkType.ETHERNET, ethernet(0x8847, concat(ipLabel, UDP_SIP)));
    assertEquals(3, listener.events.size());
    assertEquals(1, count("pppoe"));
    assertEquals(2, count("mpls"));
  }

  @Test
  void greWithKeyAndSequenceKeepsOuterAddresses() {
    byte[] inner = gre(0x0800, true, 42L, 7L, UDP_SIP);
    decode(LinkType.ETHERNET, ethernet(ipv4("192.0.2.1", "192.0.2.2", 47, inner)));
    assertEquals(List.of("udp 1 10.0.0.1 5060 10.0.0.2 5062"), listener.events);
    assertEquals(1, count("gre"));
    assertEquals(2, count("ipv4"));
  }

  @Test
  void vxlanCarriesEthernet() {
    byte[] outer = ipv4("192.0.2.1", "192.0.2.2", 17, udp(40000, 4789, vxlan(5000, ethernet(UDP_SIP))));
    decode(LinkType.ETHERNET, ethernet(outer));
    assertEquals(List.of("udp 1 10.0.0.1 5060 10.0.0.2 5062"), listener.events);
    assertEquals(1, count("vxlan"));
  }

  @Test
  void ipInIpAndDepthLimit() {
    byte[] nested = UDP_SIP;
    for (int i = 0; i < DecodeConfig.DEFAULT_MAX_TUNNEL_DEPTH + 1; i++) {
      nested = ipv4("192.0.2.1", "192.0.2.2", 4, nested);
    }
    decode(LinkType.RAW, nested);
    assertEquals(List.of(), listener.events);
    assertEquals(1L, anomalies.counts().get("tunnel.depth_exceeded"));
    decode(LinkType.RAW, ipv4("192.0.2.1", "192.0.2.2", 41, ipv6("::1", "::2", 17, udp(1, 2, SIP))));
    assertEquals(1, listener.events.size());
  }

  @Test
  void hep3OverUdpOnAnyPort() {
    byte[] hep = hep3("10.1.1.1", "10.1.1.2", 17, 5060, 5080, 1_700_000_000L, 250_000, 1, 2001, SIP);
    decode(LinkType.ETHERNET, ethernet(ipv4("192.0.2.9", "192.0.2.10", 17, udp(33333, 12345, hep))));
    assertEquals(List.of("udp 1 10.1.1.1 5060 10.1.1.2 5080"), listener.events);
    assertEquals(
        List.of("192.0.2.9>192.0.2.10 id=2001 type=1 proto=17 t=1700000000250000000"), listener.hep);
    assertEquals(1, count("hep"));
  }

  @Test
  void hep2OnTheHepPort() {
    byte[] hep = hep2("2001:db8::5", "2001:db8::6", 17, 5060, 5060, 1_600_000_000L, 5, 77, SIP);
    decode(LinkType.ETHERNET, ethernet(ipv4("192.0.2.9", "192.0.2.10", 17, udp(40000, 9060, hep))));
    assertEquals(List.of("udp 1 2001:db8:0:0:0:0:0:5 5060 2001:db8:0:0:0:0:0:6 5060"), listener.events);
    assertEquals(List.of("192.0.2.9>192.0.2.10 id=77 type=-1 proto=17 t=1600000000000005000"), listener.hep);
  }

  @Test
  void hep3OverTcpSplitAcrossSegments() {
    byte[] m1 = hep3("10.1.1.1", "10.1.1.2", 17, 5060, 5080, 1L, 0, 1, 1, SIP);
    byte[] m2 = hep3("10.1.1.3", "10.1.1.4", 6, 5061, 5081, 2L, 0, 1, 1, SIP);
    byte[] stream = concat(m1, m2);
    int cut = m1.length + 10;
    decode(LinkType.RAW, ipv4("192.0.2.9", "192.0.2.10", 6, tcp(40000, 9060, 1000, 0, 0x02, new byte[0])));
    decode(LinkType.RAW, ipv4("192.0.2.10", "192.0.2.9", 6, tcp(9060, 40000, 5000, 1001, 0x12, new byte[0])));
    decode(LinkType.RAW, ipv4("192.0.2.9", "192.0.2.10", 6,
        tcp(40000, 9060, 1001, 5001, 0x18, Arrays.copyOfRange(stream, 0, cut))));
    decode(LinkType.RAW, ipv4("192.0.2.9", "192.0.2.10", 6,
        tcp(40000, 9060, 1001 + cut, 5001, 0x18, Arrays.copyOfRange(stream, cut, stream.length))));
    decoder.finish();
    assertEquals(2, listener.hep.size(), listener.events.toString());
    assertTrue(listener.events.contains("udp 3 10.1.1.1 5060 10.1.1.2 5080"), listener.events.toString());
    assertTrue(listener.events.contains("udp 4 10.1.1.3 5061 10.1.1.4 5081"), listener.events.toString());
    assertEquals(4, count("tcp"));
    assertEquals(2, count("hep"));
  }

  @Test
  void icmpPortUnreachableQuotesTheDatagram() {
    byte[] quote = Arrays.copyOf(UDP_SIP, 28);
    ByteBuffer icmp = ByteBuffer.allocate(8 + quote.length);
    icmp.put((byte) 3).put((byte) 3).putShort((short) 0).putInt(0).put(quote);
    decode(LinkType.RAW, ipv4("10.0.0.2", "10.0.0.1", 1, icmp.array()));
    IcmpError e = listener.icmpErrors.get(0);
    assertTrue(e.portUnreachable());
    assertEquals(5062, e.quotedDstPort());
    assertEquals("10.0.0.2", RecordingListener.text(e.quotedDst()));
  }

  @Test
  void unsupportedLinkTypeReportedOncePerType() {
    decode(147, new byte[10]);
    decode(147, new byte[10]);
    decode(148, new byte[10]);
    assertEquals(3, count("unsupportedLinkType"));
    assertEquals(2L, anomalies.counts().get("link.unsupported_type"));
    assertEquals(java.util.Map.of(147, 2L, 148, 1L), decoder.stats().unsupportedLinkTypes());
  }

  @Test
  void udpLengthBeyondIpPayloadIsAnAnomaly() {
    byte[] bad = ipv4("10.0.0.1", "10.0.0.2", 17, udp(1, 2, SIP));
    bad[20 + 4] = (byte) 0x7f; // UDP length 0x7fxx
    decode(LinkType.RAW, bad);
    assertEquals(1L, anomalies.counts().get("udp.length_exceeds_ip"));
    assertEquals(SIP.length, listener.payloads.get(0).length());
  }

  @Test
  void ipTotalLengthBeyondCaptureReportedOnlyWithoutSnaplen() {
    byte[] frame = ethernet(UDP_SIP);
    decode(LinkType.ETHERNET, frame, frame.length - 5, 1L); // cut by snaplen: no anomaly
    assertEquals(0, anomalies.total());
    byte[] lying = ethernet(UDP_SIP);
    lying[14 + 2] = 0x10; // total length 4096+
    decode(LinkType.ETHERNET, lying);
    assertEquals(1L, anomalies.counts().get("ip.length_exceeds_capture"));
  }

  /** Frames of every kind above, for the truncation test and the fuzzer's seeds. */
  static List<Object[]> samples() {
    byte[] hep = hep3("10.1.1.1", "10.1.1.2", 17, 5060, 5080, 1L, 0, 1, 2, SIP);
    byte[] labels = {0, 1, 0, 64, 0, 2, 1, 64, 0, 0, 0, 0};
    return List.of(
        new Object[] {LinkType.ETHERNET, ethernetTagged(new int[] {0x88A8, 1, 0x8100, 2}, 0x0800, UDP_SIP)},
        new Object[] {LinkType.ETHERNET, ethernet(0x8847, concat(labels, ethernet(UDP_SIP)))},
        new Object[] {LinkType.ETHERNET, ethernet(ipv4("192.0.2.1", "192.0.2.2", 47, gre(0x0800, true, 1L, 2L, UDP_SIP)))},
        new Object[] {LinkType.ETHERNET, ethernet(ipv4("192.0.2.1", "192.0.2.2", 17, udp(1, 4789, vxlan(1, ethernet(UDP_SIP)))))},
        new Object[] {LinkType.ETHERNET, ethernet(ipv4("192.0.2.1", "192.0.2.2", 17, udp(1, 9060, hep)))},
        new Object[] {LinkType.LINUX_SLL, sll(0x0800, ipv4("10.0.0.1", "10.0.0.2", 6, tcp(1, 2, 3, 4, 0x18, SIP)))},
        new Object[] {LinkType.LINUX_SLL2, sll2(0x86DD, ipv6("::1", "::2", 17, udp(1, 2, SIP)))},
        new Object[] {LinkType.NULL, concat(new byte[] {2, 0, 0, 0}, UDP_SIP)},
        new Object[] {LinkType.RAW, ipv4("10.0.0.2", "10.0.0.1", 1, concat(new byte[] {3, 3, 0, 0, 0, 0, 0, 0}, Arrays.copyOf(UDP_SIP, 28)))});
  }

  @Test
  void truncated() {
    for (Object[] sample : samples()) {
      int linkType = (int) sample[0];
      byte[] bytes = (byte[]) sample[1];
      for (int n = 0; n < bytes.length; n++) {
        // as if the header lengths were true but the frame ended early (not snaplen)
        Frame f = new Frame();
        f.number = 1;
        f.linkType = linkType;
        f.data = Arrays.copyOf(bytes, n);
        f.capturedLength = n;
        f.originalLength = n;
        new PacketDecoder(DecodeConfig.DEFAULTS, listener, anomalies).decode(f);
      }
    }
    assertTrue(anomalies.total() > 100, "anomalies: " + anomalies.counts());
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
