package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Party;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.Term;
import io.voipdoc.diagnose.rules.Parties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SHORT_CALL_SPIKE: many calls are answered and then ended within a few seconds; customers
 * complain while no error shows anywhere, since every call was set up and torn down correctly.
 * Monitoring systems count these as "short calls" (e.g. AudioCodes' short call counters).
 *
 * <p>Signature: of at least {@link #MIN_ENDED_CALLS} calls that were answered (2xx to the INVITE,
 * RFC 3261 §13.2.2.4) and ended with a BYE (§15.1) in the captures, at least {@link #MIN_SHORT}
 * and more than {@link #MAX_USUAL_SHORT_PERCENT} percent ended less than {@link #SHORT_SECONDS}
 * after the answer. In ordinary traffic a few percent of answered calls are that short (wrong
 * numbers, quick hang-ups); a third or more points to a cause that cuts calls: failed transfers,
 * media that never arrives, a far end that drops them. The evidence shows the distribution of
 * talk times and each short call (up to {@link #MAX_LISTED}) with who hung up.
 *
 * <p>Not counted: calls that were not answered (rejected, cancelled, ringing when the capture
 * ended), and answered calls still running at the end of the capture (no BYE, their length is
 * unknown). Fewer calls than {@link #MIN_ENDED_CALLS} are too few to speak of a share: a handful
 * of test calls that were hung up at once are not a spike.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, SHORT_CALL_SPIKE. Lab: {@code lab/short-call-spike}; healthy
 * counterpart {@code lab/many-calls}.
 */
@RuleSpec(id = "SHORT_CALL_SPIKE", severity = Severity.WARNING)
public final class ShortCallSpike implements Rule {
  /** Answered calls ended by BYE needed before a share means anything. */
  static final int MIN_ENDED_CALLS = 10;
  /** Short calls needed, whatever the share. */
  static final int MIN_SHORT = 3;
  /** A call whose talk time (answer to BYE) is below this is short, seconds. */
  static final int SHORT_SECONDS = 5;
  /** The share of short calls above which it is a spike, percent. */
  static final int MAX_USUAL_SHORT_PERCENT = 30;
  /** Short calls listed one by one in the evidence. */
  static final int MAX_LISTED = 10;
  /** Upper bounds of the talk time classes of the distribution, seconds. */
  private static final int[] CLASSES = {SHORT_SECONDS, 30, 120, 600};

  private static final long NANOS = 1_000_000_000L;

  @Override
  public void judge(Incident incident, Findings out) {
    List<Ended> ended = new ArrayList<>();
    List<Ended> shortCalls = new ArrayList<>();
    Set<String> counted = new HashSet<>();
    for (Call call : incident.calls()) {
      CallLeg leg = call.answeredLeg();
      SipEvent bye = leg == null ? null : leg.bye();
      // a call seen at two capture points read one after the other is one call, counted once
      if (leg == null || bye == null || !counted.add(leg.callId())) {
        continue;
      }
      Ended e = new Ended(call, leg, bye);
      ended.add(e);
      if (leg.durationNanos() < SHORT_SECONDS * NANOS) {
        shortCalls.add(e);
      }
    }
    if (ended.size() < MIN_ENDED_CALLS || shortCalls.size() < MIN_SHORT
        || shortCalls.size() * 100L <= MAX_USUAL_SHORT_PERCENT * (long) ended.size()) {
      return;
    }
    long percent = Math.round(shortCalls.size() * 100.0 / ended.size());
    Findings.Builder f = out.add(this, "calls")
        .title(shortCalls.size(), ended.size(), percent, SHORT_SECONDS);
    f.evidence(null, "share", "", shortCalls.size(), ended.size(), percent,
        MAX_USUAL_SHORT_PERCENT, SHORT_SECONDS);
    f.evidence(null, "distribution", "", distribution(ended), seconds(median(ended)));
    for (Ended e : shortCalls.subList(0, Math.min(MAX_LISTED, shortCalls.size()))) {
      Party by = e.leg.hungUpBy();
      f.evidence(e.bye.frame(), "short_call",
          "sip.Call-ID == \"" + e.bye.callId() + "\" && sip.Method == \"BYE\"",
          e.call.index(), Parties.caller(e.call), Parties.callee(e.call), seconds(e.leg.durationNanos()),
          Term.side(by == Party.CALLER));
    }
    if (shortCalls.size() > MAX_LISTED) {
      f.evidence(null, "more", "", shortCalls.size() - MAX_LISTED);
    }
    f.advice("who_hangs_up").advice("media").advice("transfers").advice("far_end").done();
  }

  /** An answered call that ended with a BYE. */
  private record Ended(Call call, CallLeg leg, SipEvent bye) {}

  /** {@code <5 s: 12, 5-30 s: 1, 30-120 s: 3, 120-600 s: 0, >=600 s: 0}. */
  private static String distribution(List<Ended> calls) {
    int[] counts = new int[CLASSES.length + 1];
    for (Ended c : calls) {
      long d = c.leg.durationNanos();
      int k = 0;
      while (k < CLASSES.length && d >= CLASSES[k] * NANOS) {
        k++;
      }
      counts[k]++;
    }
    StringBuilder b = new StringBuilder();
    for (int k = 0; k <= CLASSES.length; k++) {
      if (k > 0) {
        b.append(", ");
      }
      if (k == 0) {
        b.append('<').append(CLASSES[0]);
      } else if (k == CLASSES.length) {
        b.append(">=").append(CLASSES[k - 1]);
      } else {
        b.append(CLASSES[k - 1]).append('-').append(CLASSES[k]);
      }
      b.append(" s: ").append(counts[k]);
    }
    return b.toString();
  }

  private static long median(List<Ended> calls) {
    long[] d = calls.stream().mapToLong(e -> e.leg.durationNanos()).sorted().toArray();
    return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / (double) NANOS;
  }
}
