package io.voipdoc.correlate.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.FrameRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capture points compared on lab scenarios captured at two or three points by real software: the
 * LAN and WAN side of a NAT router, the PBX, the peer phone.
 */
class LabCapturePointsTest {

  private static CapturePoints points(String scenario, String... files) throws Exception {
    return MergedCaptures.run(MergedCaptures.lab(scenario), files).capturePoints();
  }

  private static String at(FrameRef f) {
    return Path.of(f.input()).getFileName() + "#" + f.number();
  }

  private static String name(String input) {
    return Path.of(input).getFileName().toString();
  }

  private static PointPair pair(CapturePoints cp, String a, String b) {
    return cp.pairs().stream()
        .filter(p -> name(p.first()).equals(a) && name(p.second()).equals(b))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pair " + a + " " + b + " in " + cp.pairs()));
  }

  @Test
  void rtpDroppedAtTheNatVanishesBetweenWanAndLan() throws Exception {
    CapturePoints cp = points("one-way-audio", "nat1-lan.pcapng", "nat1-wan.pcapng", "pbx.pcapng");
    assertEquals(List.of("nat1-lan.pcapng", "nat1-wan.pcapng", "pbx.pcapng"),
        cp.points().stream().map(p -> name(p.input())).toList());
    // every pair saw some of the same packets: all three watched the same incident
    PointPair lanWan = pair(cp, "nat1-lan.pcapng", "nat1-wan.pcapng");
    assertEquals(10, lanWan.sip());
    assertEquals(4, lanWan.stun());
    assertEquals(326, lanWan.rtp());
    assertTrue(lanWan.bothDirections());
    // one machine's clock: offsets are within the transit time through the router, under 0.1 ms
    assertTrue(Math.abs(lanWan.clockOffsetNanos()) < 100_000, lanWan.toString());
    assertTrue(lanWan.transitNanos() > 0 && lanWan.transitNanos() < 100_000, lanWan.toString());
    assertEquals(10, pair(cp, "nat1-wan.pcapng", "pbx.pcapng").sip());
    assertEquals(0, pair(cp, "nat1-wan.pcapng", "pbx.pcapng").rtp());
    // only bob's RTP vanished, and between the WAN and the LAN side, not towards the PBX
    assertEquals(1, cp.vanished().size(), cp.vanished().toString());
    Vanished v = cp.vanished().get(0);
    assertEquals(PacketKind.RTP, v.kind());
    assertEquals("nat1-wan.pcapng", name(v.from()));
    assertEquals("nat1-lan.pcapng", name(v.to()));
    assertEquals("203.0.113.20:19520", v.source().hostPort());
    assertEquals("203.0.113.11:14972", v.destination().hostPort());
    assertEquals(326, v.packets());
    assertEquals("nat1-wan.pcapng#15", at(v.firstAtFrom()));
    assertEquals("nat1-wan.pcapng#667", at(v.lastAtFrom()));
    // the router keeps ports: alice's RTP only changes address
    AddressRewrite rtp = cp.rewrites().stream()
        .filter(r -> r.kind() == PacketKind.RTP && name(r.to()).equals("nat1-wan.pcapng"))
        .findFirst().orElseThrow();
    assertEquals("nat1-lan.pcapng#13", at(rtp.firstAtFrom()));
    assertEquals("nat1-wan.pcapng#14", at(rtp.firstAtTo()));
    assertEquals("192.168.1.10:14972", rtp.sourceAtFrom().hostPort());
    assertEquals("203.0.113.11:14972", rtp.sourceAtTo().hostPort());
    assertFalse(rtp.sourcePortChanged());
    assertEquals(326, rtp.packets());
    assertTrue(cp.sipChanges().isEmpty(), cp.sipChanges().toString());
    assertTrue(cp.gaps().isEmpty(), cp.gaps().toString());
  }

  @Test
  void aPortChangingNatShowsAsARewriteOfTheSourcePort() throws Exception {
    CapturePoints cp =
        points("nat-port-remapped", "bob.pcapng", "nat1-lan.pcapng", "nat1-wan.pcapng");
    List<AddressRewrite> remapped = cp.rewrites().stream()
        .filter(r -> r.kind() == PacketKind.RTP && r.sourcePortChanged())
        .toList();
    assertEquals(2, remapped.size(), remapped.toString()); // LAN to WAN, and LAN to bob
    AddressRewrite r = remapped.get(0);
    assertEquals("nat1-lan.pcapng#13", at(r.firstAtFrom()));
    assertEquals("nat1-wan.pcapng#14", at(r.firstAtTo()));
    assertEquals("192.168.1.10:12032", r.sourceAtFrom().hostPort());
    assertEquals("203.0.113.11:13414", r.sourceAtTo().hostPort());
    // STUN from the same LAN port was mapped to another public port: 43111
    assertTrue(cp.rewrites().stream().anyMatch(x -> x.kind() == PacketKind.STUN
        && x.sourceAtFrom().hostPort().equals("192.168.1.10:12032")
        && x.sourceAtTo().hostPort().equals("203.0.113.11:43111")));
    // bob's RTP to the announced port 43111 passed the WAN side and vanished in the router
    assertEquals(1, cp.vanished().size(), cp.vanished().toString());
    Vanished v = cp.vanished().get(0);
    assertEquals("nat1-wan.pcapng#15", at(v.firstAtFrom()));
    assertEquals("nat1-lan.pcapng", name(v.to()));
    assertEquals("203.0.113.11:43111", v.destination().hostPort());
    assertEquals(326, v.packets());
    // bob and the WAN side saw bob's RTP: matched, not vanished
    assertEquals(652, pair(cp, "nat1-wan.pcapng", "bob.pcapng").rtp());
  }

  @Test
  void aSipAlgShowsAsChangedHeadersAndSdpInTheSameMessage() throws Exception {
    CapturePoints cp = points("sip-alg-tampering", "nat1-lan.pcapng", "nat1-wan.pcapng");
    List<SipChange> invite = cp.sipChanges().stream()
        .filter(c -> c.method().equals("INVITE") && c.isRequest())
        .toList();
    assertEquals(List.of("Via", "Contact", "SDP o=", "SDP c="),
        invite.stream().map(SipChange::field).toList());
    for (SipChange c : invite) {
      assertEquals("nat1-lan.pcapng#5", at(c.atFrom()));
      assertEquals("nat1-wan.pcapng#5", at(c.atTo()));
      assertEquals("z9hG4bKe6c69445cf9e80cd", c.viaBranch());
    }
    assertEquals("c=IN IP4 192.168.1.10", invite.get(3).before());
    assertEquals("c=IN IP4 203.0.113.11", invite.get(3).after());
    // the responses are rewritten back on the way in: WAN first, then LAN
    SipChange ok = cp.sipChanges().stream()
        .filter(c -> c.status() == 200 && c.method().equals("INVITE"))
        .findFirst().orElseThrow();
    assertEquals("nat1-wan.pcapng", name(ok.from()));
    assertEquals("203.0.113.11:5060", ok.before());
    assertEquals("192.168.1.10:5060", ok.after());
    // the m= line and its port are left alone
    assertTrue(cp.sipChanges().stream().noneMatch(c -> c.field().equals("SDP m=")));
  }

  @Test
  void aSingleInputIsOnePointWithNothingToCompare() throws Exception {
    CapturePoints cp = points("one-way-audio", "nat1-wan.pcapng");
    assertEquals(1, cp.points().size());
    assertEquals(652, cp.points().get(0).rtp());
    assertEquals(2, cp.points().get(0).rtpStreams().size());
    assertTrue(cp.pairs().isEmpty());
    assertTrue(cp.vanished().isEmpty());
    assertTrue(cp.rewrites().isEmpty());
    assertTrue(cp.gaps().isEmpty());
  }

  @Test
  void aHealthyCallThroughANatLosesOnlyThePacketBeforeTheWayIsOpen() throws Exception {
    CapturePoints cp = points("nat-call-stun", "nat1-lan.pcapng", "nat1-wan.pcapng", "pbx.pcapng");
    // bob's very first RTP packet reaches the router before alice's first one has opened the
    // way back through it (her STUN mapping only lets the STUN server's answers in): dropped
    assertEquals(1, cp.vanished().size(), cp.vanished().toString());
    Vanished v = cp.vanished().get(0);
    assertEquals(1, v.packets());
    assertEquals("nat1-wan.pcapng#14", at(v.firstAtFrom()));
    assertEquals("203.0.113.20:16778", v.source().hostPort());
    assertTrue(cp.sipChanges().isEmpty(), cp.sipChanges().toString());
    assertTrue(pair(cp, "nat1-lan.pcapng", "nat1-wan.pcapng").rtp() > 300);
  }

  @Test
  void limitsBoundWhatIsKept() throws Exception {
    // one flow per kind of fact and a tiny waiting room: still a result, never more than kept
    PointMatcher matcher = new PointMatcher(new PointMatcherConfig(5_000_000_000L, 2, 1, 32));
    MergedCaptures.feed(matcher, MergedCaptures.lab("one-way-audio"), "nat1-lan.pcapng",
        "nat1-wan.pcapng");
    CapturePoints cp = matcher.finish();
    assertEquals(1, cp.rewrites().size());
    assertTrue(cp.vanished().size() <= 1);
    for (CapturePoint p : cp.points()) {
      assertTrue(p.rtpStreams().size() <= 1);
    }
    // with only two packets waiting, copies still meet: the router forwards within microseconds
    assertTrue(pair(cp, "nat1-lan.pcapng", "nat1-wan.pcapng").matched() > 0);
    assertNull(cp.point("other.pcapng"));
  }
}
