package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Refer;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.decode.tls.TlsCertificate;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.Term;
import io.voipdoc.diagnose.rules.Parties;
import io.voipdoc.diagnose.rules.tls.TlsLogLines;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REFER_NOT_DELIVERED: a call cannot be transferred because the transfer request (REFER, RFC 3515)
 * does not arrive. Seen in one capture as either
 *
 * <ul>
 *   <li>an answered call without a REFER that got through, while TLS connections (over TCP) from
 *       one of the call's SIP peers to another are set up and torn down within {@link
 *       #SHORT_LIVED_NANOS} without completing the handshake, between the answer and the end of
 *       the call: the peer tries to deliver its REFER over a new TLS connection (it may come from
 *       another proxy, even from the same address) and refuses the certificate it gets, typically
 *       because the SBC answers with its default TLS context; or
 *   <li>a REFER answered with an error (e.g. 504 from the peer's proxy that could not deliver it)
 *       or not answered at all.
 * </ul>
 *
 * <p>Not reported: a REFER that was accepted (the transfer started; a failing transfer target is
 * another problem), and TLS connections that completed their handshake. Catalogue row
 * REFER_NOT_DELIVERED (KNOWLEDGE.md §3). Lab: {@code refer-not-delivered}; healthy: {@code
 * blind-transfer}.
 *
 * <p>With the log of the SBC or proxy ({@code analyze --log}), the lines about the aborted
 * connections are cited ({@link TlsLogLines}): the socket accepted and closed again within
 * milliseconds, or the failed handshake with its reason, which the advice then names.
 */
@RuleSpec(id = "REFER_NOT_DELIVERED", severity = Severity.ERROR)
public final class ReferNotDelivered implements Rule {
  /** A TLS connection torn down within 1 s of its first record did not carry a SIP request. */
  static final long SHORT_LIVED_NANOS = 1_000_000_000L;

  @Override
  public void judge(Incident incident, Findings out) {
    judge(incident, DiagnosisContext.NONE, out);
  }

  @Override
  public void judge(Incident incident, DiagnosisContext context, Findings out) {
    for (Call call : incident.calls()) {
      List<Refer> refused = new ArrayList<>();
      boolean delivered = false;
      for (Refer r : call.transfers()) {
        switch (r.outcome()) {
          case REJECTED, NOT_ANSWERED -> refused.add(r);
          default -> delivered = true;
        }
      }
      List<TlsConnectionSeen> aborted =
          delivered || call.answeredLeg() == null ? List.of() : aborted(call, incident.tlsConnections());
      if (!refused.isEmpty() || !aborted.isEmpty()) {
        report(call, refused, aborted, context.logs(), out);
      }
    }
  }

  private void report(
      Call call, List<Refer> refused, List<TlsConnectionSeen> aborted, LogTimeline logs, Findings out) {
    Findings.Builder b = out.add(this, call).title(Parties.caller(call), Parties.callee(call));
    for (Refer r : refused) {
      SipEvent request = r.request();
      String target = r.referTo() == null ? "?" : r.referTo();
      SipEvent response = r.response();
      if (response != null) {
        b.evidence(response.frame(), "refer_rejected", DisplayFilter.frame(response.frame()),
            request.source().address().getHostAddress(), target, response.firstLine().replaceFirst("^SIP/2\\.0 ", ""));
      } else {
        b.evidence(request.frame(), "refer_unanswered", DisplayFilter.frame(request.frame()),
            request.source().address().getHostAddress(), target, r.copies().size());
      }
    }
    if (!aborted.isEmpty()) {
      CallLeg answered = call.answeredLeg();
      SipEvent answer = answered.answer();
      b.evidence(null, "no_refer", DisplayFilter.callId(answered.callId()) + " && sip.Method == \"REFER\"",
          answer.source().address().getHostAddress(), seconds(callEnd(call) - answer.timeNanos()));
      Map<String, List<TlsConnectionSeen>> byInput = new LinkedHashMap<>();
      for (TlsConnectionSeen c : aborted) {
        byInput.computeIfAbsent(c.firstFrame().input(), k -> new ArrayList<>()).add(c);
      }
      for (List<TlsConnectionSeen> group : byInput.values()) {
        TlsConnectionSeen first = group.get(0);
        long longest = 0;
        for (TlsConnectionSeen c : group) {
          longest = Math.max(longest, Math.round(c.lifetimeSeconds() * 1000));
        }
        String sni = first.serverName();
        b.evidence(first.firstFrame(), "tls_aborted", tlsFilter(first),
            first.client().address().getHostAddress(), first.server().hostPort(), group.size(),
            sni == null ? "-" : sni, longest, Term.handshakeStage(first.stage()));
      }
      TlsLogLines.Cited cited = TlsLogLines.of(aborted, logs);
      if (cited != null) {
        TlsLogLines.cite(b, cited);
      }
      TlsConnectionSeen first = aborted.get(0);
      List<TlsCertificate> chain = first.certificates();
      if (!chain.isEmpty()) {
        TlsCertificate leaf = chain.get(0);
        b.evidence(first.firstFrame(),
            Boolean.TRUE.equals(first.leafSelfSigned()) ? "certificate_self_signed" : "certificate",
            "tls.handshake.type == 11 && " + tlsFilter(first), leaf.subject(), leaf.issuer());
      }
      String sni = first.serverName();
      b.advice("check_tls_context", first.server().address().getHostAddress(), sni == null ? "-" : sni);
      TlsLogLines.adviseReason(b, cited);
      b.advice("allow_new_connections", first.client().address().getHostAddress());
    }
    if (!refused.isEmpty()) {
      b.advice("refer_refused");
    }
    b.done();
  }

  /**
   * TLS connections between two of the call's SIP peers that started between the answer and the
   * end of the call and were torn down within {@link #SHORT_LIVED_NANOS} without completing the
   * handshake.
   */
  private static List<TlsConnectionSeen> aborted(Call call, List<TlsConnectionSeen> connections) {
    Set<InetAddress> peers = new HashSet<>();
    for (CallLeg l : call.legs()) {
      for (SipEvent e : l.events()) {
        peers.add(e.source().address());
        peers.add(e.destination().address());
      }
    }
    long from = call.answeredLeg().answer().timeNanos();
    long to = callEnd(call);
    List<TlsConnectionSeen> out = new ArrayList<>();
    for (TlsConnectionSeen c : connections) {
      long start = c.firstFrame().timestampNanos();
      if (!c.datagram()
          && c.stage() != TlsConnectionSeen.Stage.ESTABLISHED
          && c.stage() != TlsConnectionSeen.Stage.NONE
          && c.lifetimeSeconds() * 1e9 < SHORT_LIVED_NANOS
          && start >= from && start <= to
          && peers.contains(c.client().address()) && peers.contains(c.server().address())
          && !c.client().address().equals(c.server().address())) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first BYE of the call, else its last message. */
  private static long callEnd(Call call) {
    CallLeg l = call.hangUpLeg();
    return l != null ? l.bye().timeNanos() : call.lastActivityNanos();
  }

  private static String tlsFilter(TlsConnectionSeen c) {
    return "ip.addr == " + c.client().address().getHostAddress() + " && tcp.port == " + c.client().port();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
