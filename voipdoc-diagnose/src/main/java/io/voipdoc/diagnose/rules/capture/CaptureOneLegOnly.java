package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.RegisterAttempt;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CAPTURE_ONE_LEG_ONLY: the capture was taken on a B2BUA (a PBX or call controller that answers
 * the caller itself and calls the callee on a second leg with its own Call-ID), but holds only the
 * caller's leg. Whatever went wrong on the other leg cannot be seen.
 *
 * <p>Signature, all in one input: (1) the capture was taken on host H: every SIP message of its
 * calls and registrations passes H, and H talks to at least two other hosts (a capture with one
 * peer may as well be on that peer, where the second leg is invisible anyway); (2) a call's INVITE
 * goes to H, and H answers it with 180, 183 or 2xx; (3) H sends no INVITE of its own from that
 * call's INVITE to its answer (a proxy forwards the INVITE, a B2BUA sends a new one); (4) H names
 * itself a B2BUA: its Server or User-Agent is one of {@link #B2BUA_PRODUCTS}. Warning. Corpus:
 * {@code sip/sipnab-b2bua-asterisk.pcapng} has both legs; the fixture removes the second.
 */
@RuleSpec(id = "CAPTURE_ONE_LEG_ONLY", severity = Severity.WARNING)
public final class CaptureOneLegOnly implements Rule {
  /** Product names (lower case) in Server or User-Agent of PBXs and call controllers that bridge calls as B2BUA. */
  public static final List<String> B2BUA_PRODUCTS =
      List.of("asterisk", "freeswitch", "3cx", "yate", "sems", "freepbx");

  @Override
  public void judge(Incident incident, Findings out) {
    Map<String, Set<InetAddress>> common = new HashMap<>();
    Map<String, Set<InetAddress>> hosts = new HashMap<>();
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        leg.events().forEach(e -> place(e, common, hosts));
      }
    }
    for (Registration r : incident.registrations()) {
      for (RegisterAttempt a : r.attempts()) {
        place(a.request(), common, hosts);
        if (a.response() != null) {
          place(a.response(), common, hosts);
        }
      }
    }
    for (Call call : incident.calls()) {
      CallLeg leg = call.firstLeg();
      SipEvent invite = leg.invite();
      String input = invite.frame().input();
      InetAddress h = invite.destination().address();
      Set<InetAddress> at = common.getOrDefault(input, Set.of());
      if (at.size() != 1 || !at.contains(h) || hosts.get(input).size() < 3) {
        continue;
      }
      SipEvent answer = answer(leg, h);
      if (answer == null || invitesFrom(incident, input, h, invite.timeNanos(), answer.timeNanos())) {
        continue;
      }
      String product = product(leg, h);
      if (product == null) {
        continue;
      }
      String host = Addresses.text(h);
      out.add(this, call)
          .title(Parties.caller(call), Parties.callee(call), host)
          .evidence(invite.frame(), "invite", Addresses.frameFilter(invite.frame().number()), invite.firstLine(), host)
          .evidence(answer.frame(), "answered_by_b2bua", Addresses.frameFilter(answer.frame().number()), answer.firstLine(), product)
          .evidence(null, "no_second_leg", "sip.Method == \"INVITE\" && ip.src == " + host, host)
          .advice("capture_all_legs", host)
          .advice("read_with_care")
          .done();
    }
  }

  private static void place(SipEvent e, Map<String, Set<InetAddress>> common, Map<String, Set<InetAddress>> hosts) {
    Set<InetAddress> pair = new HashSet<>(List.of(e.source().address(), e.destination().address()));
    hosts.computeIfAbsent(e.frame().input(), k -> new HashSet<>()).addAll(pair);
    common.merge(e.frame().input(), pair, (a, b) -> {
      a.retainAll(b);
      return a;
    });
  }

  /** The first 180, 183 or 2xx that H sent to the leg's setup, or null. */
  private static @Nullable SipEvent answer(CallLeg leg, InetAddress h) {
    for (SipEvent e : leg.events()) {
      if (e.method().equals("INVITE") && e.source().address().equals(h)
          && (e.status() == 180 || e.status() == 183 || (e.status() >= 200 && e.status() < 300))) {
        return e;
      }
    }
    return null;
  }

  /** Whether H sent any INVITE, in any call, between the two times (inclusive). */
  private static boolean invitesFrom(Incident incident, String input, InetAddress h, long from, long to) {
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        for (SipEvent e : leg.events()) {
          if (e.isRequest() && e.method().equals("INVITE") && e.frame().input().equals(input)
              && e.source().address().equals(h) && e.timeNanos() >= from && e.timeNanos() <= to) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The B2BUA product H names in a Server or User-Agent header of the leg, or null. */
  private static @Nullable String product(CallLeg leg, InetAddress h) {
    for (SipEvent e : leg.events()) {
      String ua = e.userAgent();
      if (ua != null && e.source().address().equals(h)) {
        String lower = ua.toLowerCase(Locale.ROOT);
        for (String p : B2BUA_PRODUCTS) {
          if (lower.contains(p)) {
            return ua;
          }
        }
      }
    }
    return null;
  }
}
