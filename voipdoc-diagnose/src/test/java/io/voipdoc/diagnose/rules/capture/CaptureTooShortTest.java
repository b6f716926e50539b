package io.voipdoc.diagnose.rules.capture;

import static io.voipdoc.diagnose.Incidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureTooShortTest {
  private static final CaptureTooShort RULE = new CaptureTooShort();

  @Test
  void fires_when_the_capture_ends_seconds_after_the_answer() {
    List<Finding> found = Fixtures.findings(RULE, Fixtures.of("too-short.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertEquals(List.of("bob", "dave", "2"), f.titleArgs());
    assertEquals("too-short.pcapng#9", at(f.evidence().get(0)));
    assertEquals("too-short.pcapng#250", at(f.evidence().get(1)));
    assertEquals("35", f.advice().get(0).args().get(0));
  }

  @Test
  void silent_when_the_call_was_hung_up_in_the_capture() {
    assertTrue(Fixtures.findings(RULE, Incidents.lab("direct-call", "bob.pcapng")).isEmpty());
    // the call drops 32 s after the answer: the BYE is in the capture
    assertTrue(Fixtures.findings(RULE, Incidents.lab("ack-lost-private-contact", "pbx.pcapng")).isEmpty());
  }

  @Test
  void fires_when_the_capture_ends_just_before_a_timer_h_drop(@TempDir Path tmp) throws Exception {
    // the ack-lost call without its BYE: the capture ends about 32 s after the answer, when the
    // drop was about to show, below the 35 s a capture should go on
    Path cut = Fixtures.without(Incidents.lab("ack-lost-private-contact", "pbx.pcapng"), " BYE", tmp.resolve("no-bye.pcapng"));
    List<Finding> found = Fixtures.findings(RULE, cut);
    assertEquals(1, found.size(), found.toString());
    long seconds = Long.parseLong(found.get(0).titleArgs().get(2));
    assertTrue(seconds >= 31 && seconds < 35, "seconds watched: " + seconds);
  }

  @Test
  void fires_on_a_ringing_call_cut_off() {
    // the Metasploit INVITE spoof: 180 Ringing, then the capture ends
    List<Finding> found = Fixtures.findings(RULE, Incidents.corpus("sip/sipnab-metasploit-sip-invite-spoof.pcap"));
    assertEquals(1, found.size(), found.toString());
    assertEquals("ringing", found.get(0).evidence().get(0).key());
    // From <sip:10.0.1.199>, Request-URI sip:10.0.1.45: no numbers, so the addresses name the parties
    assertEquals(List.of("10.0.1.199", "10.0.1.45"), found.get(0).titleArgs().subList(0, 2));
  }

  @Test
  void names_a_caller_without_a_number_by_the_address_it_called_from() {
    // the first INVITE's From is <sip:200.57.7.195:55061;user=phone>, without a user part
    List<Finding> found = Fixtures.findings(RULE, Incidents.corpus("sip/sipnab-SIP_CALL_RTP_G711"));
    assertEquals(2, found.size(), found.toString());
    assertEquals(List.of("200.57.7.195", "francisco"), found.get(0).titleArgs().subList(0, 2));
  }
}
