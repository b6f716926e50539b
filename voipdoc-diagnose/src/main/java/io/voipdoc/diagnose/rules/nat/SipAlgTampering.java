package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.points.SipChange;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.Parties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SIP_ALG_TAMPERING: a router or firewall with a SIP ALG ("SIP helper") rewrites SIP content in
 * flight; the symptoms are odd: registrations that flap, one-way audio, calls that fail only
 * behind that router.
 *
 * <p>Signature: the same request, that is the same Call-ID, CSeq and top Via branch (RFC 3261
 * §8.1.1.7, §17.2.3: a proxy that forwards it adds its own Via with a new branch, so a match is
 * the same hop), is seen at two capture points with a different top Via sent-by (§20.42), Contact
 * (§20.10) or SDP origin, connection or media line (RFC 8866 §5.2, §5.7, §5.14). The capture
 * points are compared in the correlation stage ({@link SipChange}); the copy seen first (after
 * correcting the clock offset between the points) is what the sender wrote, the later copy shows
 * the rewrite. A NAT that only changes IP and UDP headers leaves the SIP text alone, and a
 * NAT-aware proxy rewrites on its own hop with its own Via, so neither matches. Responses are
 * rewritten back by the same ALG; the requests are enough to show it.
 *
 * <p>Inside one capture, an ALG that rewrites only part of a message leaves it inconsistent; each
 * message of the call that crossed a NAT (its source address is public) is checked for:
 *
 * <ul>
 *   <li>Content-Length (RFC 3261 §20.14) not matching the body of a datagram (§18.3): the ALG
 *       changed the SDP's addresses, whose text length differs, and did not fix the length;
 *   <li>addresses rewritten in the headers but not in the body: the top Via sent-by (requests
 *       only; a response's top Via is the receiver's) and the Contact name the packet's public
 *       source address, while the SDP connection address of an active stream is private;
 *   <li>a port rewritten without its host: Via sent-by and Contact name the same private host, one
 *       with the port the packet left the NAT from and the other with another port; a phone writes
 *       its own listening port in both, and without STUN it cannot know the NAT's port.
 * </ul>
 *
 * <p>Not checked inside one capture: a public SDP address with private Via and Contact, since a
 * phone that learned its media address with STUN (RFC 8489) but not its SIP address writes exactly
 * that.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, SIP_ALG_TAMPERING. Lab: {@code lab/sip-alg-tampering}.
 */
@RuleSpec(id = "SIP_ALG_TAMPERING", severity = Severity.ERROR)
public final class SipAlgTampering implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      Map<List<Object>, List<SipChange>> perMessage = new LinkedHashMap<>();
      for (SipChange c : incident.capturePoints().sipChanges()) {
        if (c.isRequest() && call.callIds().contains(c.callId())) {
          perMessage.computeIfAbsent(List.of(c.atFrom(), c.atTo()), k -> new ArrayList<>()).add(c);
        }
      }
      Findings.Builder f = null;
      if (!perMessage.isEmpty()) {
        SipChange first = perMessage.values().iterator().next().get(0);
        f = out.add(this, call).title(Parties.caller(call), Parties.callee(call), first.from(), first.to());
        for (List<SipChange> changes : perMessage.values()) {
          SipChange m = changes.get(0);
          String filter = "sip.Call-ID == \"" + m.callId() + "\" && sip.Via.branch == \""
              + m.viaBranch() + "\"";
          f.evidence(m.atTo(), "rewritten", filter, m.method(), m.to(), m.from());
          for (SipChange c : changes) {
            f.evidence(m.atTo(), "changed", filter, c.field(), String.valueOf(c.before()),
                String.valueOf(c.after()));
          }
          f.evidence(m.atFrom(), "original", filter, m.method(), m.from());
        }
      } else {
        f = insideOneCapture(call, out);
      }
      if (f != null) {
        f.advice("disable_alg").advice("vendor_switch").advice("use_tls").advice("check_again")
            .done();
      }
    }
  }

  /** The single-capture signatures of the call's messages, or null when none shows. */
  private Findings.@Nullable Builder insideOneCapture(Call call, Findings out) {
    Findings.Builder f = null;
    Set<String> seen = new HashSet<>();
    for (CallLeg leg : call.legs()) {
      for (SipEvent e : leg.events()) {
        if (e.retransmission() || !seen.add(e.frame().input() + "|" + e.frame().number())) {
          continue;
        }
        String source = e.source().address().getHostAddress();
        if (Addresses.isPrivate(source)) {
          continue;
        }
        String filter = Addresses.frameFilter(e.frame().number());
        String what = e.isRequest() ? e.method() : e.status() + " (" + e.method() + ")";
        List<Object[]> signs = new ArrayList<>();
        if (e.contentLengthMismatch()) {
          signs.add(new Object[] {"content_length", what, e.contentLength(), e.bodyBytes()});
        }
        HostPort via = e.isRequest() ? HostPort.ofSentBy(e.viaSentBy()) : null;
        HostPort contact = HostPort.ofUri(e.contact());
        String sdpPrivate = privateSdpAddress(e.sdp());
        if (sdpPrivate != null && contact != null && contact.host().equalsIgnoreCase(source)
            && (!e.isRequest() || (via != null && via.host().equalsIgnoreCase(source)))) {
          signs.add(new Object[] {"headers_public_sdp_private", what, source,
              String.valueOf(e.viaSentBy()), String.valueOf(e.contact()), sdpPrivate});
        }
        if (via != null && contact != null && via.host().equalsIgnoreCase(contact.host())
            && Addresses.isPrivate(via.host()) && via.port() != contact.port()
            && (via.port() == e.source().port() || contact.port() == e.source().port())) {
          signs.add(new Object[] {"port_rewritten", what, e.source().hostPort(),
              String.valueOf(e.viaSentBy()), String.valueOf(e.contact())});
        }
        for (Object[] sign : signs) {
          if (f == null) {
            f = out.add(this, call).title(Parties.caller(call), Parties.callee(call), e.frame().input(), e.frame().input());
          }
          f.evidence(e.frame(), (String) sign[0], filter,
              java.util.Arrays.copyOfRange(sign, 1, sign.length));
        }
      }
    }
    return f;
  }

  /** The first private connection address of an active stream in an SDP summary, or null. */
  private static @Nullable String privateSdpAddress(@Nullable String summary) {
    if (summary == null) {
      return null;
    }
    // "<media> <address>:<port> <codecs> <direction>" per stream, "; " between streams
    for (String stream : summary.split("; ")) {
      String[] words = stream.split(" ");
      if (words.length < 2) {
        continue;
      }
      HostPort at = HostPort.ofSentBy(words[1]);
      if (at != null && at.port() != 0 && Addresses.isPrivate(at.host())) {
        return at.host();
      }
    }
    return null;
  }
}
