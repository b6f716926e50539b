package io.voipdoc.diagnose.rules.ice;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.StunServerExchange;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.decode.sdp.Candidate;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.Term;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ICE_ONLY_PRIVATE_CANDIDATES: a side offers (or answers with) host candidates on private
 * addresses only, no server-reflexive or relayed one, and the call crosses the internet; the
 * peer has nothing it can reach, so the call works in the LAN or VPN and fails from outside.
 *
 * <p>Signature: every {@code a=candidate} (RFC 8839 §5.1) of a media stream is {@code typ host}
 * with a private address (RFC 1918, RFC 6598, RFC 4193), and a copy of the SIP message carrying
 * it arrives from a public source address (it went through a NAT). The STUN server exchanges of
 * those host addresses are cited too: a server inside the LAN answers with the private address
 * (RFC 8489 §14.2), so no srflx candidate can come of it (RFC 8445 §5.1.1.2).
 *
 * <p>Catalogue: KNOWLEDGE.md §3, ICE_ONLY_PRIVATE_CANDIDATES. Lab: {@code
 * lab/ice-only-private-candidates}.
 */
@RuleSpec(id = "ICE_ONLY_PRIVATE_CANDIDATES", severity = Severity.ERROR)
public final class IceOnlyPrivateCandidates implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      Set<Boolean> reported = new HashSet<>();
      for (CallLeg leg : call.legs()) {
        for (Dialog dialog : leg.dialogs()) {
          for (SdpSeen seen : dialog.sdp()) {
            for (MediaDescription m : seen.sdp().media()) {
              if (m.port() != 0 && onlyPrivateHosts(m.candidates())
                  && !reported.contains(seen.fromCaller())
                  && report(incident, call, seen, m, out)) {
                reported.add(seen.fromCaller());
              }
            }
          }
        }
      }
    }
  }

  private static boolean onlyPrivateHosts(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return false;
    }
    for (Candidate c : candidates) {
      if (!c.type().equals("host") || !Addresses.isPrivate(c.address())) {
        return false;
      }
    }
    return true;
  }

  private boolean report(Incident incident, Call call, SdpSeen seen, MediaDescription m, Findings out) {
    String address = m.effectiveAddress();
    String hostPort = (address == null ? "" : address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + m.port();
    List<SipEvent> publicCopies = new ArrayList<>();
    for (SipEvent e : Addresses.firstPerInput(Addresses.sdpCopies(call, hostPort))) {
      if (!Addresses.isPrivate(e.source().address())) {
        publicCopies.add(e);
      }
    }
    if (publicCopies.isEmpty()) {
      return false;
    }
    List<String> candidates = new ArrayList<>();
    for (Candidate c : m.candidates()) {
      candidates.add(c.address() + ":" + c.port());
    }
    Findings.Builder f = out.add(this, call)
        .title(Term.side(seen.fromCaller()), String.join(", ", candidates),
            publicCopies.get(0).source().address().getHostAddress());
    f.evidence(seen.frame(), "sdp", Addresses.frameFilter(seen.frame().number()),
        String.join(", ", candidates), Term.sdpRole(seen.offer()));
    for (SipEvent e : publicCopies) {
      f.evidence(e.frame(), "from_public", Addresses.frameFilter(e.frame().number()),
          e.source().hostPort(), e.destination().hostPort());
    }
    for (StunServerExchange x : incident.stunServers()) {
      var mapped = x.mappedAddress();
      for (Candidate c : m.candidates()) {
        if (mapped != null && Addresses.same(x.source(), c.address(), c.port())
            && Addresses.isPrivate(mapped.address())) {
          f.evidence(x.firstFrame(), "stun_private", "stun.id == " + x.transactionId(),
              x.destination().hostPort(), mapped.hostPort());
        }
      }
    }
    f.advice("configure_stun").advice("check_udp_3478").advice("nat_probe").done();
    return true;
  }
}
