package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.PcapngWriter;
import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A capture started late or stopped early, next to one that ran the whole time. Real software
 * made both captures (lab/one-way-audio, both sides of alice's router); the partial one is the
 * LAN capture with its first or last seconds cut off, as if tcpdump had been started late or
 * stopped early, because the lab starts every capture before the call on purpose.
 */
class CapturePointPartialTest {
  private static final CapturePointPartial RULE = new CapturePointPartial();

  @TempDir Path tmp;

  /** The LAN capture with only the frames in [from, to) nanoseconds after its first frame. */
  private Path cut(String name, long fromNanos, long toNanos) throws Exception {
    Path lan = Incidents.lab("one-way-audio", "nat1-lan.pcapng");
    Path out = tmp.resolve(name);
    AnomalyLog anomalies = new AnomalyLog();
    try (CaptureReader reader = Captures.open(new CaptureInput(lan.toString(), lan), anomalies);
        OutputStream file = Files.newOutputStream(out);
        PcapngWriter writer = new PcapngWriter(file)) {
      Frame frame = new Frame();
      long start = -1;
      while (reader.next(frame)) {
        start = start < 0 ? frame.timestampNanos : start;
        long t = frame.timestampNanos - start;
        if (t >= fromNanos && t < toNanos) {
          writer.write(frame);
        }
      }
    }
    return out;
  }

  @Test
  void fires_when_one_side_started_late() throws Exception {
    // the call starts about 2.2 s into the LAN capture; cut the first 4 s away
    Path late = cut("nat1-lan-late.pcapng", 4_000_000_000L, Long.MAX_VALUE);
    Path wan = Incidents.lab("one-way-audio", "nat1-wan.pcapng");
    List<Finding> found = Incidents.findingsMerged(RULE, wan, late);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("capture nat1-lan-late.pcapng", f.subject());
    assertEquals("nat1-lan-late.pcapng", f.titleArgs().get(0));
    assertEquals("nat1-wan.pcapng", f.titleArgs().get(1));
    assertEquals(1, f.evidence().size(), f.evidence().toString());
    assertEquals("before_start", f.evidence().get(0).key());
    // the first packet the LAN side missed is the first REGISTER leaving the router (WAN frame 1)
    assertEquals("nat1-wan.pcapng#1", at(f.evidence().get(0)));
    // alice's REGISTER exchange, the call set-up, STUN and 1.8 s of her RTP (50 packets a second)
    assertEquals("99", f.titleArgs().get(2));
    assertEquals("99", f.evidence().get(0).args().get(2));
  }

  @Test
  void said_before_the_findings_it_qualifies() throws Exception {
    // cut after the call set-up: the LAN side still shows alice's RTP without an answer
    Path late = cut("nat1-lan-late.pcapng", 4_000_000_000L, Long.MAX_VALUE);
    Path wan = Incidents.lab("one-way-audio", "nat1-wan.pcapng");
    List<Finding> all = Diagnoser.diagnose(Incidents.merged(wan, late));
    assertEquals(List.of("CAPTURE_POINT_PARTIAL", "ONE_WAY_AUDIO"),
        all.stream().map(Finding::id).toList());
    assertEquals(Severity.WARNING, all.get(0).severity());
    assertEquals(Severity.ERROR, all.get(1).severity());
  }

  @Test
  void fires_when_one_side_stopped_early() throws Exception {
    Path early = cut("nat1-lan-early.pcapng", 0, 5_000_000_000L);
    Path wan = Incidents.lab("one-way-audio", "nat1-wan.pcapng");
    List<Finding> found = Incidents.findingsMerged(RULE, early, wan);
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(1, f.evidence().size(), f.evidence().toString());
    assertEquals("after_end", f.evidence().get(0).key());
    // the last packet it missed: alice's 200 OK to the BYE, leaving the router
    assertEquals("nat1-wan.pcapng#669", at(f.evidence().get(0)));
    // 3.7 s of RTP both ways (50 packets a second each) and the BYE exchange
    assertEquals("374", f.titleArgs().get(2));
  }

  @ParameterizedTest
  @CsvSource({
    "one-way-audio, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "nat-port-remapped, bob.pcapng, nat1-lan.pcapng, nat1-wan.pcapng",
    "sip-alg-tampering, nat1-lan.pcapng, nat1-wan.pcapng, nat1-wan.pcapng",
    "nat-binding-expired, nat1-lan.pcapng, nat1-wan.pcapng, pbx.pcapng",
    "ice-call, nat1-wan.pcapng, nat2-wan.pcapng, pbx.pcapng",
  })
  void silent_when_every_capture_ran_the_whole_time(String scenario, String a, String b, String c) {
    assertTrue(Incidents.findingsMerged(RULE, Incidents.lab(scenario, a), Incidents.lab(scenario, b),
        Incidents.lab(scenario, c)).isEmpty());
  }
}
