package io.voipdoc.correlate.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.rtp.RtpDecoder;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.sdp.Direction;
import io.voipdoc.decode.sdp.SdpDecoder;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The correlator with hand-made packets and SDP. */
class MediaCorrelatorTest {
  private static final long MS = 1_000_000L;

  private final RtpDecoder decoder = new RtpDecoder();
  private final RtpPacket rtp = new RtpPacket();
  private final Packet packet = new Packet();
  private long frame;

  private void send(MediaCorrelator m, String src, int sport, String dst, int dport, int pt,
      boolean marker, int seq, long ts, long ssrc, long nanos) throws Exception {
    byte[] b = new byte[12 + 160];
    b[0] = (byte) 0x80;
    b[1] = (byte) ((marker ? 0x80 : 0) | pt);
    b[2] = (byte) (seq >> 8);
    b[3] = (byte) seq;
    for (int i = 0; i < 4; i++) {
      b[4 + i] = (byte) (ts >> (24 - 8 * i));
      b[8 + i] = (byte) (ssrc >> (24 - 8 * i));
    }
    assertTrue(decoder.decode(b, 0, b.length, rtp));
    packet.ipVersion = 4;
    packet.addressLength = 4;
    System.arraycopy(InetAddress.getByName(src).getAddress(), 0, packet.src, 0, 4);
    System.arraycopy(InetAddress.getByName(dst).getAddress(), 0, packet.dst, 0, 4);
    packet.protocol = 17;
    packet.srcPort = sport;
    packet.dstPort = dport;
    packet.dscp = 46;
    packet.timestampNanos = nanos;
    packet.frame.number = ++frame;
    packet.frame.timestampNanos = nanos;
    packet.frame.input = "test";
    m.onRtp(rtp, packet);
  }

  private static SdpSeen sdp(String callId, boolean fromCaller, String text) throws Exception {
    byte[] b = text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    Endpoint any = new Endpoint(InetAddress.getByName("192.0.2.1"), 5060, "UDP");
    return new SdpSeen(callId, "from", null, fromCaller, fromCaller,
        SdpDecoder.decode(b, 0, b.length), new FrameRef("test", 1, 0, 0), any, any);
  }

  private static final String OFFER =
      "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\n"
          + "m=audio 4000 RTP/AVP 111 0\na=rtpmap:111 opus/48000/2\na=sendonly\n"
          + "a=ice-ufrag:aaaa\na=ice-pwd:passwordpasswordpassword\n"
          + "a=candidate:1 1 UDP 2130706431 10.0.0.1 4000 typ host\n"
          + "a=candidate:2 1 UDP 1694498815 198.51.100.7 14000 typ srflx raddr 10.0.0.1 rport 4000\n";

  @Test
  void streamToSdpEndpointBelongsToTheCallAtOnce() throws Exception {
    MediaCorrelator m = new MediaCorrelator(MediaCorrelatorConfig.DEFAULTS);
    m.onSdp(sdp("call-1", true, OFFER));
    send(m, "203.0.113.9", 30000, "10.0.0.1", 4000, 111, true, 1, 0, 0xABCDL, 0);
    m.finish();
    RtpStream s = m.streams().get(0);
    assertEquals("call-1", s.callId());
    assertEquals("opus", s.codec());
    assertEquals(Boolean.FALSE, s.fromCaller(), "sent to the caller's address");
    assertEquals(Direction.SENDONLY, s.receiverDirection(), "the caller holds");
    assertEquals(1, s.packets());
    assertEquals(java.util.List.of(46), s.dscpValues());
  }

  @Test
  void streamToSrflxCandidateBehindNatIsLinked() throws Exception {
    MediaCorrelator m = new MediaCorrelator(MediaCorrelatorConfig.DEFAULTS);
    m.onSdp(sdp("call-2", true, OFFER));
    send(m, "203.0.113.9", 30000, "198.51.100.7", 14000, 0, false, 7, 0, 1, 0);
    m.finish();
    assertEquals("call-2", m.streams().get(0).callId());
    assertEquals("PCMU", m.streams().get(0).codec());
  }

  @Test
  void unannouncedStreamNeedsPacketsInSequence() throws Exception {
    MediaCorrelator m = new MediaCorrelator(MediaCorrelatorConfig.DEFAULTS);
    send(m, "10.1.1.1", 20000, "10.2.2.2", 20002, 8, false, 100, 0, 5, 0);
    send(m, "10.1.1.1", 20000, "10.2.2.2", 20002, 8, false, 5000, 160, 5, 20 * MS);
    assertTrue(m.streams().isEmpty(), "two unrelated numbers are no stream");
    send(m, "10.1.1.1", 20000, "10.2.2.2", 20002, 8, false, 5001, 320, 5, 40 * MS);
    send(m, "10.1.1.1", 20000, "10.2.2.2", 20002, 8, false, 5002, 480, 5, 60 * MS);
    m.finish();
    RtpStream s = m.streams().get(0);
    assertNull(s.callId());
    assertEquals(4, s.packets());
    assertEquals("PCMA", s.codec());
    assertFalse(s.announced());
  }

  @Test
  void lossJitterAndWrapAround() throws Exception {
    MediaCorrelator m = new MediaCorrelator(MediaCorrelatorConfig.DEFAULTS);
    int seq = 65530;
    long t = 0;
    for (int i = 0; i < 20; i++) {
      // packet 10 is lost; packet 15 arrives 10 ms late
      if (i != 10) {
        long late = i == 15 ? 10 * MS : 0;
        send(m, "10.1.1.1", 20000, "10.2.2.2", 20002, 0, false, (seq + i) & 0xFFFF, t + 160L * i,
            7, 20 * MS * i + late);
      }
    }
    m.finish();
    RtpStream s = m.streams().get(0);
    assertEquals(19, s.packets());
    assertEquals(20, s.expected());
    assertEquals(1, s.lost());
    assertEquals(1, s.sequenceWraps());
    assertEquals(8000, s.clockRate());
    // RFC 3550 A.8: the late packet gives |D| = 10 ms, J = 10/16; the next one, on time, is 10 ms
    // after it instead of 20: |D| = 10 again, J = (15 * 0.625 + 10) / 16
    assertEquals((15 * 0.625 + 10) / 16, s.maxJitterMs(), 1e-9);
    assertEquals(40, s.maxDeltaMs(), 1e-9);
  }

  @Test
  void dynamicPayloadWithoutSdpHasNoJitterButNoFailure() throws Exception {
    MediaCorrelator m = new MediaCorrelator(MediaCorrelatorConfig.DEFAULTS);
    for (int i = 0; i < 5; i++) {
      send(m, "10.1.1.1", 20000, "10.2.2.2", 20002, 101, false, i, 160L * i, 9, 20 * MS * i + i * MS);
    }
    m.finish();
    RtpStream s = m.streams().get(0);
    assertEquals(0, s.clockRate());
    assertEquals(0, s.maxJitterMs());
    assertNull(s.codec());
  }

  @Test
  void sameSsrcOnTwoFlowsIsTwoStreams() throws Exception {
    MediaCorrelator m = new MediaCorrelator(MediaCorrelatorConfig.DEFAULTS);
    for (int i = 0; i < 4; i++) {
      send(m, "10.1.1.1", 20000, "10.2.2.2", 20002, 0, false, i, 160L * i, 42, 20 * MS * i);
      send(m, "10.3.3.3", 20000, "10.2.2.2", 20002, 0, false, 900 + i, 160L * i, 42, 20 * MS * i);
    }
    m.finish();
    assertEquals(2, m.streams().size());
  }

  @Test
  void randomHeadersNeverThrow() throws Exception {
    Random random = new Random(7);
    MediaCorrelator m =
        new MediaCorrelator(
            new MediaCorrelatorConfig(16, 64, 16, 16, 4, 3, 1_000 * MS, 1_000 * MS, 1_000 * MS));
    for (int i = 0; i < 5_000; i++) {
      send(m, "10.1.1." + random.nextInt(4), 20000 + random.nextInt(8), "10.2.2.2", 20002,
          random.nextInt(128), random.nextBoolean(), random.nextInt(65536),
          random.nextLong() & 0xFFFFFFFFL, random.nextInt(3), (long) i * random.nextInt(100) * MS);
      if (i % 100 == 0) {
        m.onTimer((long) i * 50 * MS);
      }
    }
    m.finish();
    assertTrue(m.streams().size() <= 64);
    for (RtpStream s : m.streams()) {
      assertTrue(Double.isFinite(s.maxJitterMs()) && Double.isFinite(s.meanJitterMs()));
      assertTrue(s.series().size() <= 4);
      assertTrue(s.mosEstimate().mos() >= 1 && s.mosEstimate().mos() <= 4.5);
    }
  }

  @Test
  void idleStreamExpiresIntoFinished() throws Exception {
    MediaCorrelator m = new MediaCorrelator(MediaCorrelatorConfig.DEFAULTS);
    m.onSdp(sdp("call-3", true, OFFER));
    send(m, "203.0.113.9", 30000, "10.0.0.1", 4000, 0, false, 1, 0, 3, 0);
    m.onTimer(MediaCorrelatorConfig.DEFAULT_STREAM_IDLE_NANOS + 1);
    send(m, "203.0.113.9", 30000, "10.0.0.1", 4000, 0, false, 2, 160, 3,
        MediaCorrelatorConfig.DEFAULT_STREAM_IDLE_NANOS + 2);
    m.finish();
    assertEquals(2, m.streams().size(), "a new stream after the idle timeout");
  }

  @Test
  void emodelFigures() {
    MosEstimate clean = EModel.estimate("PCMU", 0, -1, 0);
    assertEquals(93.2 - 0.024 * 50, clean.rFactor(), 1e-9);
    assertTrue(clean.mos() > 4.3 && clean.mos() < 4.5, String.valueOf(clean.mos()));
    MosEstimate lossy = EModel.estimate("G729", 5, 300, 10);
    assertTrue(lossy.mos() < 3.5, String.valueOf(lossy.mos()));
    assertTrue(lossy.delayFromRtcp());
    assertEquals(170, lossy.oneWayDelayMs(), 1e-9);
  }
}
