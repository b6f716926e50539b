package io.voipdoc.diagnose;

import io.voipdoc.diagnose.rules.ice.IceNoBindingSuccess;
import io.voipdoc.diagnose.rules.ice.IceOnlyPrivateCandidates;
import io.voipdoc.diagnose.rules.media.MediaAddressMismatch;
import io.voipdoc.diagnose.rules.media.NoMedia;
import io.voipdoc.diagnose.rules.media.OneWayAudio;
import io.voipdoc.diagnose.rules.nat.NatPortRemapped;
import io.voipdoc.diagnose.rules.nat.PrivateAddressInSdp;
import java.util.List;

/** The registry of rules, in report order: one line per rule, no classpath scanning. */
public final class Rules {
  /** Every rule voipdoc applies. */
  public static final List<Rule> ALL =
      List.of(
          // media, ICE and NAT
          new NoMedia(),
          new OneWayAudio(),
          new PrivateAddressInSdp(),
          new IceNoBindingSuccess(),
          new IceOnlyPrivateCandidates(),
          new MediaAddressMismatch(),
          new NatPortRemapped());

  private Rules() {}
}
