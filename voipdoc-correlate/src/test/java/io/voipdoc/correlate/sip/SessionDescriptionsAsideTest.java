package io.voipdoc.correlate.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With SDP left aside ({@link SipCorrelatorConfig#withoutSessionDescriptions()}, as the calls
 * table runs), every capture of the corpus and the lab gives the same calls as with SDP: the same
 * legs, links, states, statuses, parties, times and frames. Only the SDP facts are missing.
 */
class SessionDescriptionsAsideTest {

  static Stream<Path> captures() throws IOException {
    Path corpus = Replay.corpus();
    Stream<Path> lab = Files.isDirectory(Path.of("../lab")) ? Files.walk(Path.of("../lab")) : Stream.empty();
    return Stream.concat(Files.walk(corpus.resolve("sip")), lab)
        .filter(p -> p.toString().matches(".*\\.(pcap|pcapng)$"))
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void callsAreTheSameWithoutSdp(Path capture) throws Exception {
    Replay full = Replay.of(SipCorrelatorConfig.DEFAULTS, capture);
    Replay aside = Replay.of(SipCorrelatorConfig.DEFAULTS.withoutSessionDescriptions(), capture);
    assertEquals(table(full), table(aside));
    for (Call c : aside.calls) {
      for (CallLeg l : c.legs()) {
        for (SipEvent e : l.events()) {
          assertNull(e.sdp(), "summary of frame " + e.frame().number());
        }
        for (Dialog d : l.dialogs()) {
          assertTrue(d.holds().isEmpty());
        }
      }
    }
  }

  /** What the calls table shows of each call, one line per call and per leg. */
  private static String table(Replay r) {
    return r.calls.stream()
        .map(c -> c.index() + " " + c.callIds() + " " + c.state() + " " + c.finalStatus() + " "
            + c.from() + " " + c.to() + " " + c.startNanos() + " " + c.durationNanos() + " "
            + c.postDialDelayNanos() + " " + c.hungUpBy() + " " + c.messages() + " "
            + c.transfers().size() + " " + c.subscriptions().size()
            + c.legs().stream()
                .map(l -> "\n  " + l.callId() + " " + l.link() + " " + l.state() + " " + l.finalStatus()
                    + " " + l.caller() + " " + l.callee() + " " + l.frames())
                .collect(Collectors.joining()))
        .collect(Collectors.joining("\n"));
  }
}
