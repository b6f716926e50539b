package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.media.StunServerExchange;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.MediaAddress;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.List;

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
 * <p>Catalogue: KNOWLEDGE.md §3, NAT_PORT_REMAPPED. Lab: {@code lab/nat-port-remapped}.
 */
@RuleSpec(id = "NAT_PORT_REMAPPED", severity = Severity.ERROR)
public final class NatPortRemapped implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
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
        out.add(this, call)
            .title(mapped == null ? "?" : mapped.hostPort(), s.source().hostPort())
            .evidence(learned.firstFrame(), "stun", "stun.id == " + learned.transactionId(),
                learned.source().hostPort(), mapped == null ? "?" : mapped.hostPort())
            .evidence(sdp.frame(), "announced", Addresses.frameFilter(sdp.frame().number()),
                mapped == null ? "?" : mapped.hostPort())
            .evidence(s.firstFrame(), "rtp_from_other_port",
                Addresses.flowFilter(s.source(), s.destination()),
                s.source().hostPort(), s.destination().hostPort(), s.packets())
            .advice("static_mapping")
            .advice("turn")
            .advice("hole_punching")
            .advice("nat_probe")
            .done();
        break;
      }
    }
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
  private static @org.jspecify.annotations.Nullable StunServerExchange learned(
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
