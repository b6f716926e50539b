package io.voipdoc.decode.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.decode.CorpusPackets;
import io.voipdoc.decode.CorpusPackets.Datagram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * RTP and RTCP in corpus captures, compared with tshark 4.0: {@code tshark -r F -q -z rtp,streams}
 * for RTP (tshark finds these streams through SDP) and {@code tshark -r F --enable-heuristic
 * rtcp_udp -Y rtcp -T fields -e rtcp.pt -e rtcp.senderssrc -e rtcp.ssrc.high_seq ...} for RTCP.
 * voipdoc finds the same RTP by the version-2 heuristic alone.
 */
class RtpCorpusTest {
  private final RtpDecoder rtp = new RtpDecoder();
  private final RtcpDecoder rtcp = new RtcpDecoder();

  /** Packets per "src:port>dst:port ssrc" for every UDP datagram the RTP heuristic accepts. */
  private Map<String, Integer> rtpStreams(String name) throws IOException {
    Map<String, Integer> streams = new TreeMap<>();
    RtpPacket p = new RtpPacket();
    for (Datagram t : CorpusPackets.read(name).datagrams()) {
      byte[] b = t.payload();
      if (RtpDecoder.accepts(b, 0, b.length)) {
        assertTrue(rtp.decode(b, 0, b.length, p));
        assertNull(p.problem(), t.frame() + " " + p);
        streams.merge(t.direction() + " " + Long.toHexString(p.ssrc()), 1, Integer::sum);
      }
    }
    return streams;
  }

  /** Clean RTCP compounds; datagrams the heuristic accepts but that decode with damage go to
   * {@code damagedFrames}. */
  private List<RtcpCompound> rtcpCompounds(String name, List<Long> damagedFrames)
      throws IOException {
    List<RtcpCompound> out = new ArrayList<>();
    for (Datagram t : CorpusPackets.read(name).datagrams()) {
      byte[] b = t.payload();
      if (RtcpDecoder.accepts(b, 0, b.length)) {
        RtcpCompound c = rtcp.decode(b, 0, b.length);
        assertNotNull(c);
        if (c.problems().isEmpty()) {
          out.add(c);
        } else {
          damagedFrames.add(t.frame());
        }
      }
    }
    return out;
  }

  @Test
  void pktsSipRtpStream() throws IOException {
    assertEquals(
        Map.of("127.0.0.1:6001>127.0.0.1:6000 febd6340", 501), rtpStreams("sip/pkts-sip_rtp.pcap"));
  }

  @Test
  void sipnabG711Streams() throws IOException {
    assertEquals(
        Map.of(
            "10.0.2.15:27942>10.0.2.20:6000 343da99b", 425,
            "10.0.2.15:28102>10.0.2.20:6000 343ffa34", 414),
        rtpStreams("sip/sipnab-sip-rtp-g711.pcap"));
  }

  /**
   * tshark lists three SDP-announced streams; the 6 + 4 ZRTP packets (version 0) on the same ports
   * are rejected by the heuristic, as tshark does not count them either.
   */
  @Test
  void zfoneStreamsWithZrtpAlongside() throws IOException {
    assertEquals(
        Map.of(
            "192.168.10.40:49848>192.168.10.41:64508 b72a7104", 790,
            "192.168.10.41:64508>192.168.10.40:49848 bee0f2ed", 205,
            "192.168.10.41:64508>192.168.10.2:18874 bee0f2ed", 2),
        rtpStreams("sip/sipnab-Asterisk_ZFONE_XLITE.pcap"));
  }

  /** Frames 14 and 17: SR + SDES, as tshark decodes them. */
  @Test
  void senderReportsOverSipOverTcpCall() throws IOException {
    List<Long> damaged = new ArrayList<>();
    List<RtcpCompound> compounds = rtcpCompounds("sip/sipnab-sip-over-tcp.pcap", damaged);
    assertEquals(2, compounds.size());
    assertEquals(List.of(), damaged);
    RtcpPacket.SenderReport first =
        assertInstanceOf(RtcpPacket.SenderReport.class, compounds.get(0).packets().get(0));
    assertEquals(0x42f433d4L, first.ssrc());
    assertEquals(List.of(), first.reports());
    RtcpPacket.SenderReport second =
        assertInstanceOf(RtcpPacket.SenderReport.class, compounds.get(1).packets().get(0));
    assertEquals(0x5a3361b3L, second.ssrc());
    ReportBlock block = second.reports().get(0);
    assertEquals(0, block.fractionLost());
    assertEquals(0, block.cumulativeLost());
    assertEquals(54340, block.highestSequence());
    assertEquals(0, block.jitter());
    assertEquals(153432162L, block.lastSr());
    assertEquals(1048, block.delaySinceLastSr());
    RtcpPacket.SourceDescription sdes =
        assertInstanceOf(RtcpPacket.SourceDescription.class, compounds.get(1).packets().get(1));
    // the sender counts a terminating NUL in the item length; tshark displays "c0"
    assertEquals("c0\u0000", sdes.chunks().get(0).cname());
  }

  /**
   * Frames 21 and 25: RR + SDES with the CNAMEs tshark shows. Once ZRTP has keyed the call, RTCP
   * becomes SRTCP (tshark: frames 252, 399, 556, 676, 901): only its first 8 bytes are clear, so
   * the heuristic accepts it and decoding then reports damage, which is the expected outcome for
   * encrypted RTCP read as plain RTCP.
   */
  @Test
  void receiverReportsWithCnames() throws IOException {
    List<Long> damaged = new ArrayList<>();
    List<RtcpCompound> compounds =
        rtcpCompounds("sip/sipnab-Asterisk_ZFONE_XLITE.pcap", damaged);
    assertEquals(2, compounds.size());
    assertEquals(List.of(252L, 399L, 556L, 676L, 901L), damaged);
    RtcpPacket.ReceiverReport rr =
        assertInstanceOf(RtcpPacket.ReceiverReport.class, compounds.get(0).packets().get(0));
    assertEquals(0xb72a7104L, rr.ssrc());
    RtcpPacket.SourceDescription sdes =
        assertInstanceOf(RtcpPacket.SourceDescription.class, compounds.get(0).packets().get(1));
    assertEquals(
        "D7FBE51F946A40B695DD1760D6E5A40A@unique.zA0CDEDD81B9B4F0D.org",
        sdes.chunks().get(0).cname());
    RtcpPacket.ReceiverReport rr2 =
        assertInstanceOf(RtcpPacket.ReceiverReport.class, compounds.get(1).packets().get(0));
    assertEquals(0xbee0f2edL, rr2.ssrc());
  }
}
