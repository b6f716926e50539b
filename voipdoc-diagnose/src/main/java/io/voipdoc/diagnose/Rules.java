package io.voipdoc.diagnose;

import io.voipdoc.diagnose.rules.capture.CapturePointPartial;
import io.voipdoc.diagnose.rules.capture.CaptureLoopbackMissing;
import io.voipdoc.diagnose.rules.capture.CaptureOneDirection;
import io.voipdoc.diagnose.rules.capture.CaptureOneLegOnly;
import io.voipdoc.diagnose.rules.capture.CaptureSignallingOnly;
import io.voipdoc.diagnose.rules.capture.CaptureSnaplenCut;
import io.voipdoc.diagnose.rules.capture.CaptureStartedLate;
import io.voipdoc.diagnose.rules.capture.CaptureTooShort;
import io.voipdoc.diagnose.rules.ice.IceNoBindingSuccess;
import io.voipdoc.diagnose.rules.ice.IceNoPrivateCandidate;
import io.voipdoc.diagnose.rules.ice.IceOnlyPrivateCandidates;
import io.voipdoc.diagnose.rules.media.BandwidthExceeded;
import io.voipdoc.diagnose.rules.media.MediaAddressMismatch;
import io.voipdoc.diagnose.rules.media.NoMedia;
import io.voipdoc.diagnose.rules.media.OneWayAudio;
import io.voipdoc.diagnose.rules.media.PoorQuality;
import io.voipdoc.diagnose.rules.nat.NatPortRemapped;
import io.voipdoc.diagnose.rules.nat.PrivateAddressInSdp;
import io.voipdoc.diagnose.rules.nat.SipAlgTampering;
import io.voipdoc.diagnose.rules.security.TollFraudScan;
import io.voipdoc.diagnose.rules.signalling.AclCandidates488;
import io.voipdoc.diagnose.rules.signalling.AclRejected403;
import io.voipdoc.diagnose.rules.signalling.CallDropsAfter32s;
import io.voipdoc.diagnose.rules.signalling.CallRejected;
import io.voipdoc.diagnose.rules.signalling.NatBindingExpired;
import io.voipdoc.diagnose.rules.signalling.ReferNotDelivered;
import io.voipdoc.diagnose.rules.signalling.RegistrationFailed;
import io.voipdoc.diagnose.rules.signalling.SdpRejected488;
import io.voipdoc.diagnose.rules.signalling.ShortCallSpike;
import io.voipdoc.diagnose.rules.signalling.SignallingUnreachable;
import io.voipdoc.diagnose.rules.tls.TlsHandshakeFailure;
import io.voipdoc.diagnose.rules.web.WebsocketBlocked;
import java.util.List;

/** The registry of rules, in report order: one line per rule, no classpath scanning. */
public final class Rules {
  /** Every rule voipdoc applies. */
  public static final List<Rule> ALL =
      List.of(
          // capture quality: first, because they change how every other finding must be read
          new CapturePointPartial(),
          new CaptureSnaplenCut(),
          new CaptureOneDirection(),
          new CaptureOneLegOnly(),
          new CaptureLoopbackMissing(),
          new CaptureSignallingOnly(),
          new CaptureStartedLate(),
          new CaptureTooShort(),
          // signalling and TLS
          new RegistrationFailed(),
          new SdpRejected488(),
          new AclRejected403(),
          new SignallingUnreachable(),
          new CallDropsAfter32s(),
          new NatBindingExpired(),
          new TlsHandshakeFailure(),
          new ReferNotDelivered(),
          new AclCandidates488(),
          new ShortCallSpike(),
          new WebsocketBlocked(),
          // security
          new TollFraudScan(),
          // media, ICE and NAT
          new NoMedia(),
          new OneWayAudio(),
          new PrivateAddressInSdp(),
          new IceNoBindingSuccess(),
          new IceOnlyPrivateCandidates(),
          new MediaAddressMismatch(),
          new NatPortRemapped(),
          new IceNoPrivateCandidate(),
          // quality and ALG
          new PoorQuality(),
          new BandwidthExceeded(),
          new SipAlgTampering(),
          // last: a failed call that none of the rules above reports
          new CallRejected());

  private Rules() {}
}
