package io.voipdoc.diagnose.rules.signalling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RegistrationFailedTest {
  private final RegistrationFailed rule = new RegistrationFailed();

  @Test
  void fires_when_credentials_are_challenged_again() {
    List<Finding> found = Incidents.findings(rule, Incidents.lab("registration-failed", "pbx.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("sip:bob@198.51.100.10", f.subject());
    assertEquals(List.of("sip:bob@198.51.100.10", "401", "Unauthorized"), f.titleArgs());
    // the REGISTER with credentials (frame 3) and the 401 that refused it (frame 4)
    assertEquals(List.of(3L, 4L), f.evidence().stream().map(e -> e.frame().number()).toList());
    Evidence loop = f.evidence().get(1);
    assertEquals("challenge_loop", loop.key());
    assertTrue(loop.displayFilter().startsWith("sip.Call-ID == \""), loop.displayFilter());
    assertEquals("check_credentials", f.advice().get(0).key());
    assertEquals(List.of("bob"), f.advice().get(0).args());
    String en = new FindingText(Locale.ENGLISH).title(f);
    assertEquals("The phone sip:bob@198.51.100.10 is not registered: the registrar answered 401 Unauthorized", en);
    assertTrue(new FindingText(Locale.GERMAN).evidence(f, loop).contains("„SIP/2.0 401 Unauthorized“"));
  }

  @Test
  void fires_when_registrar_answers_403_after_the_challenge() {
    List<Finding> found =
        Incidents.findings(rule, Incidents.corpus("sip/sipnab-sip-auth-failure.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("403", f.titleArgs().get(1));
    assertEquals("Forbidden", f.titleArgs().get(2));
    assertEquals(List.of(3L, 4L), f.evidence().stream().map(e -> e.frame().number()).toList());
    assertEquals("rejected", f.evidence().get(1).key());
    assertEquals("forbidden", f.advice().get(0).key());
  }

  @Test
  void silent_when_the_registrar_never_answers() {
    // nobody answering at all is SIGNALLING_UNREACHABLE, not a refused registration
    assertEquals(
        List.of(), Incidents.findings(rule, Incidents.lab("signalling-unreachable-drop", "bob.pcapng")));
    assertEquals(
        List.of(), Incidents.findings(rule, Incidents.lab("signalling-unreachable-down", "bob.pcapng")));
  }

  @ParameterizedTest
  @MethodSource("io.voipdoc.diagnose.rules.signalling.LabCaptures#healthy")
  void silent_on_healthy_scenarios(String scenario) {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of(scenario)));
  }

  @Test
  void silent_when_a_scanner_is_refused() {
    assertEquals(List.of(), Incidents.findings(rule, LabCaptures.of("toll-fraud-scan")));
  }

  @Test
  void silent_when_the_phone_registers_again_with_a_new_call_id() {
    // Call-ID 578222729-… ends on "401 nonce has changed" (frame 52), then 29858147-… gets 200 OK
    // for the same account (frame 57); a 403 "Wrong password" at frame 5 was also recovered from
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/zeek-sip-wireshark.pcap")));
  }

  @Test
  void silent_on_corpus_registrations_that_succeed() {
    assertEquals(List.of(), Incidents.findings(rule, Incidents.corpus("sip/sipnab-sip-register.pcap")));
    assertEquals(
        List.of(),
        Incidents.findings(rule, Incidents.corpus("sip/sipnab-register-invite-reinvite-bye.pcap")));
  }
}
