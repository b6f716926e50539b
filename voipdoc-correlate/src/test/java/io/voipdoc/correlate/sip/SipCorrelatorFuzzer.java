package io.voipdoc.correlate.sip;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voipdoc.decode.sip.SipDecoder;
import io.voipdoc.decode.sip.SipMessage;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target for {@link SipCorrelator}: any sequence of SIP messages, at any times and between any
 * of a few addresses, must be correlated without throwing, and every call handed out must answer
 * its model questions. Plain {@code mvn test} runs the committed seeds in {@code
 * SipCorrelatorFuzzerInputs/correlate}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class SipCorrelatorFuzzer {
  private static final String[] HOSTS = {"192.0.2.1:5060", "192.0.2.2:5060", "192.0.2.3:5080"};

  @FuzzTest(maxDuration = "30s")
  void correlate(FuzzedDataProvider data) {
    SipCorrelatorConfig config =
        new SipCorrelatorConfig(
            32_000_000_000L, 5_000_000_000L, 64_000_000_000L, 600_000_000_000L, 600_000_000_000L,
            2_000_000_000L, 3, 3, 8, 4, java.util.List.of("X-Call-ID"), true);
    Wire wire = new Wire(config);
    long millis = 0;
    while (data.remainingBytes() > 0) {
      millis += data.consumeInt(0, 40_000);
      String from = HOSTS[data.consumeInt(0, HOSTS.length - 1)];
      String to = HOSTS[data.consumeInt(0, HOSTS.length - 1)];
      byte[] bytes = data.consumeString(2000).getBytes(StandardCharsets.UTF_8);
      SipMessage m = SipDecoder.decode(bytes, 0, bytes.length);
      if (m != null) {
        wire.deliver(m, millis, from, to);
      }
    }
    wire.finish();
    for (Call c : wire.calls) {
      c.state();
      c.durationNanos();
      c.hungUpBy();
      c.reasons();
      c.transferOf();
      for (Refer r : c.transfers()) {
        r.outcome();
        r.referToUser();
      }
      for (CallLeg l : c.legs()) {
        l.postDialDelayNanos();
        for (Dialog d : l.dialogs()) {
          d.codecs();
          d.endedAtSessionExpiry();
        }
      }
    }
    for (Subscription s : wire.correlator.subscriptions()) {
      s.state();
    }
    for (KeepAlive k : wire.correlator.keepAlives()) {
      k.meanIntervalSeconds();
    }
    for (Registration r : wire.registrations) {
      r.outcome();
      r.refreshIntervalsNanos();
    }
  }
}
