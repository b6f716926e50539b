package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.media.StunServerExchange;
import io.voipdoc.correlate.points.AddressRewrite;
import io.voipdoc.correlate.points.PacketKind;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.MediaAddress;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * NAT_PORT_REMAPPED: the NAT sends the phone's media from another public port than the one the
 * phone learned by STUN and announced; the peer sends its audio to the announced port, where the
 * NAT has no mapping for it, so audio is one-way or missing although "STUN worked".
 *
 * <p>Signature: a server-reflexive address learned by STUN (RFC 8489 §14.2) is the media address
 * in the SDP (RFC 8866 §5.14), and the call's RTP from that side arrives from the same public
 * address but another port: the NAT maps address- or port-dependently (RFC 4787 §4.1, "symmetric
 * NAT"), so the mapping towards the STUN server is not the one towards the peer.
 *
 * <p>From two capture points (the LAN and WAN side of the NAT, or a call controller and the far
 * side of its firewall) the remapping is seen directly, STUN or not: the same RTP packets (an
 * {@link AddressRewrite}, matched by SSRC and sequence number) leave the sender from one port and
 * appear beyond the NAT from another, while the sender's SDP announced that public address with a
 * port the NAT does not use, so the peer's audio to the announced port finds no mapping. A NAT that
 * keeps the port (the usual home router), or a sender that announces the port the NAT really uses,
 * does not match. The finding then cites the first remapped packet at both points.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, NAT_PORT_REMAPPED. Lab: {@code lab/nat-port-remapped}.
 */
@RuleSpec(id = "NAT_PORT_REMAPPED", severity = Severity.ERROR)
public final class NatPortRemapped implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      Findings.Builder f = learnedByStun(incident, call, out);
      f = remappedBetweenPoints(incident, call, f, out);
      if (f != null) {
        f.advice("static_mapping")
            .advice("turn")
            .advice("hole_punching")
            .advice("nat_probe")
            .done();
      }
    }
  }

  /** The STUN signature (one capture suffices): a started finding, or null. */
  private Findings.@Nullable Builder learnedByStun(Incident incident, Call call, Findings out) {
    for (RtpStream s : incident.streamsOf(call)) {
      Boolean fromCaller = s.fromCaller();
      if (fromCaller == null || Addresses.isPrivate(s.source().address())) {
        continue;
      }
      Announced sender = Announced.by(call, fromCaller);
      String source = s.source().address().getHostAddress();
      SdpSeen sdp = sender.first();
      if (sdp == null || !sender.hasAddress(source) || sender.hasEndpoint(source, s.source().port())) {
        continue;
      }
      StunServerExchange learned = learned(incident, media(call, fromCaller, sdp));
      if (learned == null) {
        continue;
      }
      Endpoint mapped = learned.mappedAddress();
      return out.add(this, call)
          .title(mapped == null ? "?" : mapped.hostPort(), s.source().hostPort())
          .evidence(learned.firstFrame(), "stun", "stun.id == " + learned.transactionId(),
              learned.source().hostPort(), mapped == null ? "?" : mapped.hostPort())
          .evidence(sdp.frame(), "announced", Addresses.frameFilter(sdp.frame().number()),
              mapped == null ? "?" : mapped.hostPort())
          .evidence(s.firstFrame(), "rtp_from_other_port",
              Addresses.flowFilter(s.source(), s.destination()),
              s.source().hostPort(), s.destination().hostPort(), s.packets());
    }
    return null;
  }

  /**
   * The two-point signature: adds the first remapped packet at both points to {@code f}, or starts
   * a finding with it; returns the finding, or null when there is none.
   */
  private Findings.@Nullable Builder remappedBetweenPoints(
      Incident incident, Call call, Findings.@Nullable Builder f, Findings out) {
    for (AddressRewrite r : incident.capturePoints().rewrites()) {
      if (r.kind() != PacketKind.RTP || !r.sourcePortChanged()) {
        continue;
      }
      Boolean fromCaller = sender(incident, call, r);
      if (fromCaller == null) {
        continue;
      }
      Announced sender = Announced.by(call, fromCaller);
      String address = r.sourceAtTo().address().getHostAddress();
      if (!sender.hasAddress(address) || sender.hasEndpoint(address, r.sourceAtTo().port())) {
        continue;
      }
      Findings.Builder b = f;
      if (b == null) {
        b = out.add(this, call).title(announced(sender, address), r.sourceAtTo().hostPort());
        SdpSeen sdp = sender.first();
        if (sdp != null) {
          b.evidence(sdp.frame(), "announced", Addresses.frameFilter(sdp.frame().number()),
              announced(sender, address));
        }
      }
      return b.evidence(r.firstAtFrom(), "sent_at_point",
              Addresses.flowFilter(r.sourceAtFrom(), r.destinationAtFrom()), r.from(),
              r.sourceAtFrom().hostPort(), r.destinationAtFrom().hostPort(), r.packets())
          .evidence(r.firstAtTo(), "remapped_at_point",
              Addresses.flowFilter(r.sourceAtTo(), r.destinationAtTo()), r.to(),
              r.sourceAtTo().hostPort(), r.destinationAtTo().hostPort(),
              r.sourceAtFrom().hostPort());
    }
    return f;
  }

  /** Whether the rewritten packets came from the caller (true) or the callee; null for neither. */
  private static @Nullable Boolean sender(Incident incident, Call call, AddressRewrite r) {
    for (RtpStream s : incident.streamsOf(call)) {
      if (s.fromCaller() != null
          && (s.source().equals(r.sourceAtFrom()) || s.source().equals(r.sourceAtTo()))) {
        return s.fromCaller();
      }
    }
    return null;
  }

  /** The endpoint announced on this address, as {@code address:port}, or the address alone. */
  private static String announced(Announced sender, String address) {
    for (String e : sender.endpoints()) {
      if (e.startsWith(address + " ")) {
        return address + ":" + e.substring(address.length() + 1);
      }
    }
    return address;
  }

  private static List<MediaAddress> media(Call call, boolean fromCaller, SdpSeen sdp) {
    var leg = call.leg(sdp.callId());
    if (leg == null || leg.dialogs().isEmpty()) {
      return List.of();
    }
    var d = leg.dialogs().get(0);
    return fromCaller ? d.callerMedia() : d.calleeMedia();
  }

  /** A STUN exchange whose mapped address is one of the announced media addresses, or null. */
  private static @Nullable StunServerExchange learned(
      Incident incident, List<MediaAddress> media) {
    for (StunServerExchange x : incident.stunServers()) {
      Endpoint m = x.mappedAddress();
      for (MediaAddress a : media) {
        if (m != null && Addresses.same(m, a.address(), a.port())) {
          return x;
        }
      }
    }
    return null;
  }
}
