package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.media.OneWayAudio;
import io.voipdoc.diagnose.rules.signalling.LabCaptures;
import io.voipdoc.diagnose.rules.signalling.SignallingUnreachable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CaptureOneDirectionTest {
  private static final CaptureOneDirection RULE = new CaptureOneDirection();

  @Test
  void fires_when_only_the_phones_own_packets_were_captured() {
    List<Finding> found = Fixtures.findings(RULE, Fixtures.of("one-direction.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(List.of("203.0.113.20", "198.51.100.10"), f.titleArgs().subList(1, 3));
    // the INVITE, then (after bob's first RTP packet) the ACK that proves the 200 OK arrived
    assertEquals("one-direction.pcapng#3", at(f.evidence().get(0)));
    assertEquals("one-direction.pcapng#5", at(f.evidence().get(1)));
    assertEquals(List.of("ACK", "198.51.100.10"), f.evidence().get(1).args());
    assertNull(f.evidence().get(2).frame());
    assertEquals("ip.src == 198.51.100.10 && ip.dst == 203.0.113.20", f.evidence().get(2).displayFilter());
  }

  @Test
  void other_rules_do_not_read_the_missing_direction_as_a_failure() {
    assertTrue(Fixtures.findings(new SignallingUnreachable(), Fixtures.of("one-direction.pcapng")).isEmpty());
    assertTrue(Fixtures.findings(new OneWayAudio(), Fixtures.of("one-direction.pcapng")).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"one-way-audio", "signalling-unreachable-drop", "signalling-unreachable-down", "direct-call"})
  void silent_when_sip_of_both_directions_was_captured_or_nothing_came_back(String scenario) {
    // one-way audio: SIP both ways at the same point; unreachable: no ACK, since nothing came back
    assertTrue(Fixtures.findings(RULE, LabCaptures.of(scenario)).isEmpty());
  }

  @Test
  void one_way_audio_stays_one_way_audio() {
    assertEquals(1, Fixtures.findings(new OneWayAudio(), LabCaptures.of("one-way-audio")).size());
  }
}
