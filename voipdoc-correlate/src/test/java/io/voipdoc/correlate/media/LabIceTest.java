package io.voipdoc.correlate.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.correlate.incident.Incident;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ICE outcomes on calls between two baresip agents behind NAT routers (the lab's ice-call and
 * ice-no-binding-success scenarios, captured on the caller's router's WAN side): which pairs
 * succeeded, which side's checks were never answered, and the nominated pair.
 */
class LabIceTest {
  private static IceSession ice(String scenario) throws Exception {
    Path capture =
        Path.of(System.getProperty("voipdoc.root", ".."))
            .resolve("lab")
            .resolve(scenario)
            .resolve("nat1-wan.pcapng");
    Incident incident = CapturedMedia.run(capture);
    assertEquals(1, incident.iceSessions().size());
    return incident.iceSessions().get(0);
  }

  private static String pair(CandidatePair p) {
    return p.local().hostPort() + ">" + p.remote().hostPort() + " " + p.outcome();
  }

  @Test
  void healthyCallNominatesTheServerReflexivePair() throws Exception {
    IceSession ice = ice("ice-call");
    CandidatePair selected = ice.selectedPair();
    assertNotNull(selected);
    assertEquals("203.0.113.11:11974>203.0.113.12:13662 SUCCEEDED", pair(selected));
    assertTrue(selected.nominated());
    // both sides got answers; only the checks to the peer's private host candidates went unanswered
    assertEquals(4, ice.checksAnswered(true));
    assertEquals(4, ice.checksAnswered(false));
    assertFalse(ice.neverAnswered(true));
    assertFalse(ice.neverAnswered(false));
    List<String> unanswered =
        ice.pairs().stream()
            .filter(p -> p.outcome() == StunTransaction.Outcome.NO_ANSWER)
            .map(LabIceTest::pair)
            .toList();
    assertEquals(
        List.of(
            "203.0.113.11:11974>192.168.2.10:13662 NO_ANSWER",
            "203.0.113.11:11975>192.168.2.10:13663 NO_ANSWER"),
        unanswered);
  }

  @Test
  void blockedChecksAreNeverAnsweredAndNothingIsNominated() throws Exception {
    IceSession ice = ice("ice-no-binding-success");
    assertTrue(ice.neverAnswered(true), "the caller's checks were dropped");
    assertEquals(4, ice.checksSent(true));
    assertEquals(2, ice.checksAnswered(false), "the callee's checks were answered");
    assertNull(ice.selectedPair());
  }
}
