package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.IcmpEvent;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.RegisterAttempt;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.Transaction;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SIGNALLING_UNREACHABLE: nothing works. Requests to one SIP destination are sent again and again
 * (RFC 3261 §17.1.1.2 timer A for INVITE, §17.1.2.2 timer E for the others: 0.5 s, doubling) and
 * nothing ever answers, until timer B or F gives up after 64*T1 = 32 s; or the destination (or a
 * router on the way) answers with ICMP destination unreachable (RFC 792).
 *
 * <p>A destination that sent any SIP message in the captures was reachable at some point, and an
 * INVITE to a contact that registered (its Request-URI is the registered Contact) was reachable
 * when it registered: both are left to other rules (NAT_BINDING_EXPIRED for the latter). A single unanswered
 * request without retransmissions or ICMP is not enough: the capture may just have ended. An ICMP
 * error counts when it reaches the request's sender while the request is being retried; the model
 * does not hand rules the packet the ICMP error quotes, so an error from the destination host
 * itself is read as "nothing listens there" and one from another address as a router's report.
 * Catalogue row SIGNALLING_UNREACHABLE (KNOWLEDGE.md §3). Lab: {@code signalling-unreachable-drop},
 * {@code signalling-unreachable-down}.
 */
@RuleSpec(id = "SIGNALLING_UNREACHABLE", severity = Severity.ERROR)
public final class SignallingUnreachable implements Rule {
  /** Retransmissions without any answer that show timer A/E at work (0.5 s and 1.5 s after). */
  static final int MIN_RETRANSMISSIONS = 2;

  /** How long after a request an ICMP error is taken to answer it: timer B/F, 64*T1. */
  static final long ICMP_WINDOW_NANOS = 32_000_000_000L;

  /** The unanswered requests to one destination. */
  private static final class Unanswered {
    final SipEvent first;
    int requests;
    int retransmissions;

    Unanswered(SipEvent first) {
      this.first = first;
    }
  }

  @Override
  public void judge(Incident incident, Findings out) {
    Set<InetAddress> speakers = new HashSet<>();
    Set<String> contacts = new HashSet<>();
    Map<Endpoint, Unanswered> unanswered = new LinkedHashMap<>();
    for (Registration r : incident.registrations()) {
      if (r.contact() != null && r.expiresGranted() > 0) {
        contacts.add(r.contact());
      }
      for (RegisterAttempt a : r.attempts()) {
        speakers.add(a.request().source().address());
        SipEvent response = a.response();
        if (response != null) {
          // a response goes back where the request came from as the server saw it (§18.2.2):
          // across a NAT that is the public address, which the LAN side capture does not show
          speakers.add(response.source().address());
          speakers.add(response.destination().address());
        } else {
          add(unanswered, a.request(), a.retransmissions());
        }
      }
    }
    for (Call call : incident.calls()) {
      for (CallLeg leg : call.legs()) {
        for (SipEvent e : leg.events()) {
          speakers.add(e.source().address());
          if (!e.isRequest()) {
            speakers.add(e.destination().address());
          }
        }
        for (Transaction t : leg.setupAttempts()) {
          if (t.responses().isEmpty() && !contacts.contains(requestUri(t.request()))) {
            add(unanswered, t.request(), t.requestRetransmissions());
          }
        }
      }
    }
    for (Map.Entry<Endpoint, Unanswered> e : unanswered.entrySet()) {
      Endpoint to = e.getKey();
      Unanswered u = e.getValue();
      if (speakers.contains(to.address())) {
        continue;
      }
      IcmpEvent icmp = icmpFor(incident.icmpErrors(), u.first);
      if (icmp == null && u.retransmissions < MIN_RETRANSMISSIONS) {
        continue;
      }
      report(to, u, icmp, out);
    }
  }

  private void report(Endpoint to, Unanswered u, @Nullable IcmpEvent icmp, Findings out) {
    String host = to.address().getHostAddress();
    Findings.Builder b =
        out.add(this, to.toString())
            .title(to.hostPort(), to.transport())
            .evidence(u.first.frame(), "first_request", DisplayFilter.endpoint(to),
                u.first.method(), u.first.source(), to, u.requests, u.retransmissions);
    if (icmp != null) {
      String reporter = icmp.reporter().getHostAddress();
      b.evidence(icmp.frame(), reporter.equals(host) ? "icmp_from_host" : "icmp_from_router",
          DisplayFilter.frame(icmp.frame()), reporter, host, to.port());
      if (reporter.equals(host)) {
        b.advice("start_server", host, to.port(), to.transport());
      }
    } else {
      b.evidence(null, "no_answer", DisplayFilter.endpoint(to), to);
    }
    b.advice("check_address", to.hostPort(), to.transport())
        .advice("check_firewall", host, to.port(), to.transport())
        .advice("probe", host, to.port())
        .done();
  }

  private static void add(Map<Endpoint, Unanswered> to, SipEvent request, int retransmissions) {
    Unanswered u = to.computeIfAbsent(request.destination(), k -> new Unanswered(request));
    u.requests++;
    u.retransmissions += retransmissions;
  }

  /** The Request-URI of a request line ({@code INVITE sip:bob@192.0.2.1 SIP/2.0}, §7.1). */
  static String requestUri(SipEvent request) {
    String line = request.firstLine();
    int first = line.indexOf(' ');
    int last = line.lastIndexOf(' ');
    return first < 0 || last <= first ? "" : line.substring(first + 1, last);
  }

  /** The first ICMP error sent to the request's sender while the request was being retried. */
  private static @Nullable IcmpEvent icmpFor(List<IcmpEvent> errors, SipEvent request) {
    for (IcmpEvent e : errors) {
      long dt = e.frame().timestampNanos() - request.timeNanos();
      Endpoint quoted = e.quotedDestination();
      if (e.recipient().equals(request.source().address())
          && (quoted == null || quoted.equals(request.destination()))
          && dt >= 0
          && dt <= ICMP_WINDOW_NANOS
          && e.frame().input().equals(request.frame().input())) {
        return e;
      }
    }
    return null;
  }
}
