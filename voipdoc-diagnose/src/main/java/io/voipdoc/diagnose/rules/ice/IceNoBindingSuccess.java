package io.voipdoc.diagnose.rules.ice;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.ConnectivityCheck;
import io.voipdoc.correlate.media.IceSession;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ICE_NO_BINDING_SUCCESS: one side's ICE connectivity checks are never answered, so ICE cannot
 * select a pair; the call connects but stays silent and usually drops after about 30 s.
 *
 * <p>Signature: Binding Requests with the call's ufrags (RFC 8445 §7.2.2) sent by one side, at
 * least {@link #MIN_REQUESTS} of them counting retransmissions (RFC 8489 §6.2.1), and not a single
 * response, success or error, with their transaction IDs. The other side's checks may succeed:
 * a path that works in one direction only still fails ICE, since each side needs its own
 * successful check (RFC 8445 §7.2.5.3.1). Every pair the silent side tried is cited by its first
 * request.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, ICE_NO_BINDING_SUCCESS. Lab: {@code lab/ice-no-binding-success},
 * {@code lab/ice-only-private-candidates}.
 */
@RuleSpec(id = "ICE_NO_BINDING_SUCCESS", severity = Severity.ERROR)
public final class IceNoBindingSuccess implements Rule {
  /** Requests (retransmissions included) before silence counts as "no answer ever". */
  static final int MIN_REQUESTS = 2;

  @Override
  public void judge(Incident incident, Findings out) {
    for (IceSession ice : incident.iceSessions()) {
      Findings.Builder f = null;
      for (boolean fromCaller : new boolean[] {true, false}) {
        if (!ice.neverAnswered(fromCaller) || requests(ice, fromCaller) < MIN_REQUESTS) {
          continue;
        }
        List<ConnectivityCheck> firsts = firstPerPair(ice, fromCaller);
        ConnectivityCheck first = firsts.get(0);
        if (f == null) {
          Call call = callOf(incident, ice.callId());
          f = call == null ? out.add(this, "ice " + ice.callId()) : out.add(this, call);
          f.title(first.source().address().getHostAddress(), requests(ice, fromCaller), firsts.size());
        }
        for (ConnectivityCheck c : firsts) {
          f.evidence(c.firstFrame(), "unanswered", "stun.id == " + c.transactionId(),
              c.source().hostPort(), c.destination().hostPort(), c.requests());
          // The same check at another capture point (e.g. the WAN side of the NAT): it left.
          for (FrameRef seen : c.sightings().subList(1, c.sightings().size())) {
            f.evidence(seen, "seen_elsewhere", "stun.id == " + c.transactionId(),
                java.nio.file.Path.of(seen.input()).getFileName());
          }
        }
      }
      if (f != null) {
        f.advice("pinhole")
            .advice("open_media_range")
            .advice("trace_wan")
            .advice("client_firewall")
            .advice("turn")
            .done();
      }
    }
  }

  private static int requests(IceSession ice, boolean fromCaller) {
    int n = 0;
    for (ConnectivityCheck c : ice.checks()) {
      if (Boolean.valueOf(fromCaller).equals(c.fromCaller())) {
        n += c.requests();
      }
    }
    return n;
  }

  private static List<ConnectivityCheck> firstPerPair(IceSession ice, boolean fromCaller) {
    Set<List<Endpoint>> pairs = new HashSet<>();
    return ice.checks().stream()
        .filter(c -> Boolean.valueOf(fromCaller).equals(c.fromCaller()))
        .filter(c -> pairs.add(List.of(c.source(), c.destination())))
        .toList();
  }

  private static @Nullable Call callOf(Incident incident, String callId) {
    for (Call c : incident.calls()) {
      if (c.callIds().contains(callId)) {
        return c;
      }
    }
    return null;
  }
}
