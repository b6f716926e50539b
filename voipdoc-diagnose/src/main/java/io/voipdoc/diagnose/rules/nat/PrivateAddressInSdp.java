package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * PRIVATE_ADDRESS_IN_SDP: a phone behind NAT announces its private LAN address as its media
 * address, the SDP crosses the internet unchanged, and the peer sends its audio to an address it
 * cannot reach; typically one-way or no audio.
 *
 * <p>Signature: the connection address of an active media stream ({@code c=}/{@code m=}, RFC 8866
 * §5.7, §5.14) is private (RFC 1918, RFC 6598; see {@link Addresses}), the SDP carries no ICE
 * candidates (RFC 8839 §5.1; the ICE rules judge those), a copy of the message arrives from a
 * public source address (it came through a NAT), and nothing fixed it on the way: the message was
 * forwarded with the same address by another host, or the peer's RTP goes to that private address.
 * A proxy that rewrites the SDP (a NAT-aware proxy, an RTP proxy) leaves no such forwarded copy.
 *
 * <p>When the peer's RTP is seen going to the private address, the audio of that direction is
 * lost for certain, and the finding is an error: it is then the cause of the call's ONE_WAY_AUDIO,
 * and as an error it is listed before that symptom, whose evidence comes later in the captures.
 * Without that RTP it stays a warning: the captures show the risk, not the loss.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, PRIVATE_ADDRESS_IN_SDP. Lab: {@code lab/private-address-in-sdp}.
 */
@RuleSpec(id = "PRIVATE_ADDRESS_IN_SDP", severity = Severity.WARNING)
public final class PrivateAddressInSdp implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      Set<String> reported = new HashSet<>();
      for (CallLeg leg : call.legs()) {
        for (Dialog dialog : leg.dialogs()) {
          for (SdpSeen seen : dialog.sdp()) {
            for (MediaDescription m : seen.sdp().media()) {
              String address = m.effectiveAddress();
              if (address == null || m.port() == 0 || !m.candidates().isEmpty()
                  || !Addresses.isPrivate(address)) {
                continue;
              }
              String hostPort = (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + m.port();
              if (reported.add(hostPort)) {
                judge(incident, call, address, m.port(), hostPort, out);
              }
            }
          }
        }
      }
    }
  }

  private void judge(Incident incident, Call call, String address, int port, String hostPort, Findings out) {
    List<SipEvent> copies = new ArrayList<>(Addresses.sdpCopies(call, hostPort));
    // earliest first: the copy nearest to its author shows the NAT's public address
    copies.sort(Comparator.comparingLong(SipEvent::timeNanos));
    @Nullable SipEvent throughNat = null;
    @Nullable SipEvent forwarded = null;
    for (SipEvent e : copies) {
      if (throughNat == null && !Addresses.isPrivate(e.source().address())) {
        throughNat = e;
      } else if (throughNat != null && forwarded == null
          && !e.source().address().equals(throughNat.source().address())) {
        forwarded = e;
      }
    }
    @Nullable RtpStream sentThere = null;
    for (RtpStream s : incident.streamsOf(call)) {
      if (Addresses.same(s.destination(), address, port) && !Addresses.isPrivate(s.source().address())) {
        sentThere = s;
        break;
      }
    }
    if (throughNat == null || (forwarded == null && sentThere == null)) {
      return;
    }
    Findings.Builder f = out.add(this, call).title(hostPort, throughNat.source().address().getHostAddress());
    for (SipEvent e : Addresses.firstPerInput(copies)) {
      if (!Addresses.isPrivate(e.source().address())) {
        f.evidence(e.frame(), "sdp_from_public", Addresses.frameFilter(e.frame().number()),
            hostPort, e.source().hostPort(), e.destination().hostPort());
      }
    }
    if (forwarded != null) {
      f.evidence(forwarded.frame(), "forwarded", Addresses.frameFilter(forwarded.frame().number()),
          hostPort, forwarded.destination().hostPort());
    }
    if (sentThere != null) {
      f.severity(Severity.ERROR);
      f.evidence(sentThere.firstFrame(), "rtp_to_private",
          Addresses.flowFilter(sentThere.source(), sentThere.destination()),
          sentThere.source().hostPort(), hostPort, sentThere.packets());
    }
    f.advice("enable_stun")
        .advice("nat_aware_proxy")
        .advice("disable_alg")
        .advice("port_forwarding")
        .done();
  }
}
