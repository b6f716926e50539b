package io.voipdoc.diagnose.rules.media;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.ConnectivityCheck;
import io.voipdoc.correlate.media.IceSession;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.nat.Addresses;
import io.voipdoc.diagnose.rules.nat.Announced;

/**
 * MEDIA_ADDRESS_MISMATCH: media comes from, or ICE checks go to, an address the side never
 * announced; typical of a host with several NICs or public addresses, where STUN or the SDP names
 * one address and the traffic leaves by another, so the peer's firewall or NAT drops it.
 *
 * <p>Signature: an RTP stream of the call (RFC 3550 §3) whose public source address is none of
 * the addresses its sender announced in any SDP (connection lines, RFC 8866 §5.7; candidates and
 * related addresses, RFC 8839 §5.1), while every address the sender announced is public (a
 * private one means a NAT, which PRIVATE_ADDRESS_IN_SDP and ONE_WAY_AUDIO judge); or a
 * connectivity check (RFC 8445 §7.2.2) sent to an address the receiver never announced.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, MEDIA_ADDRESS_MISMATCH. Lab: {@code lab/media-address-mismatch}.
 */
@RuleSpec(id = "MEDIA_ADDRESS_MISMATCH", severity = Severity.ERROR)
public final class MediaAddressMismatch implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      Findings.Builder f = null;
      for (RtpStream s : incident.streamsOf(call)) {
        Boolean fromCaller = s.fromCaller();
        String source = s.source().address().getHostAddress();
        if (fromCaller == null || Addresses.isPrivate(source)) {
          continue;
        }
        Announced sender = Announced.by(call, fromCaller);
        SdpSeen sdp = sender.first();
        if (sdp == null || sender.anyPrivate() || sender.hasAddress(source)) {
          continue;
        }
        if (f == null) {
          f = out.add(this, call).title(source, String.join(", ", sender.addresses().stream().distinct().toList()));
        }
        f.evidence(sdp.frame(), "announced", Addresses.frameFilter(sdp.frame().number()),
            String.join(", ", sender.addresses().stream().distinct().toList()));
        f.evidence(s.firstFrame(), "rtp_from_other", Addresses.flowFilter(s.source(), s.destination()),
            s.source().hostPort(), s.destination().hostPort(), s.packets());
      }
      IceSession ice = incident.iceOf(call);
      if (ice != null) {
        for (ConnectivityCheck c : ice.checksToUnannouncedAddresses()) {
          if (f == null) {
            f = out.add(this, call).title(c.destination().address().getHostAddress(), "-");
          }
          f.evidence(c.firstFrame(), "check_to_other", "stun.id == " + c.transactionId(),
              c.source().hostPort(), c.destination().hostPort());
        }
      }
      if (f != null) {
        f.advice("one_address").advice("fix_routing").advice("stun_same_address").done();
      }
    }
  }
}
