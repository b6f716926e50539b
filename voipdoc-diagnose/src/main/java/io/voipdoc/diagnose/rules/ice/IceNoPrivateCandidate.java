package io.voipdoc.diagnose.rules.ice;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.ConnectivityCheck;
import io.voipdoc.correlate.media.IceSession;
import io.voipdoc.correlate.media.StunTransaction;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.decode.sdp.Candidate;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.Term;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * ICE_NO_PRIVATE_CANDIDATE: a side inside a LAN offers only public ICE candidates (server-reflexive
 * or relayed) and no host candidate on its private address, while its peer sits in the same LAN;
 * the two can only meet through the router's public address, which most routers do not loop back
 * (no hairpinning), so the call fails inside the LAN and works from outside.
 *
 * <p>Signature: every {@code a=candidate} (RFC 8839 §5.1) of an active media stream of one side has
 * a public address, and that side is behind a NAT: a srflx candidate (RFC 8445 §5.1.1.2) or a
 * related address ({@code raddr}) that is private. The peer announced a private address (a host
 * candidate or the connection address), and both are in the same network: they share a srflx
 * address (one NAT), or, when the peer has no srflx candidate, a private related address of the
 * side lies in the peer's /24 (IPv4) or /64 (IPv6). SIP source addresses are not used: a proxy in
 * the LAN forwards the SDP of public servers from a private address.
 * The host candidates were usually removed by candidate filtering or an ACL on the client, its
 * controller or a session border controller.
 *
 * <p>Not this pattern: both sides public (a public server, an ICE lite server with one public host
 * candidate, RFC 8445 §2.5); sides behind different NATs, which meet through their srflx
 * candidates; and a call where a connectivity check succeeded (the router loops back, so the
 * call works).
 *
 * <p>Catalogue: KNOWLEDGE.md §3, ICE_NO_PRIVATE_CANDIDATE. Lab: none (baresip 1.0 cannot filter
 * its host candidates); tested on synthetic captures.
 */
@RuleSpec(id = "ICE_NO_PRIVATE_CANDIDATE", severity = Severity.ERROR)
public final class IceNoPrivateCandidate implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Call call : incident.calls()) {
      IceSession ice = incident.iceOf(call);
      if (ice != null && anySucceeded(ice)) {
        continue;
      }
      for (boolean caller : new boolean[] {true, false}) {
        Side side = Side.of(call, caller);
        Side peer = Side.of(call, !caller);
        if (side.onlyPublic == null || !side.behindNat() || peer.privateAddresses.isEmpty()) {
          continue;
        }
        String link = sameNetwork(side, peer);
        if (link == null) {
          continue;
        }
        report(call, ice, side, peer, link, out);
      }
    }
  }

  /**
   * How the two sides are known to share a network, or null: a common srflx address, or a private
   * address of the side in the peer's subnet (only when the peer has no srflx of its own).
   */
  private static @Nullable String sameNetwork(Side side, Side peer) {
    for (String a : side.srflx) {
      if (peer.srflx.contains(a)) {
        return a;
      }
    }
    if (!peer.srflx.isEmpty()) {
      return null;
    }
    for (String mine : side.privateAddresses) {
      for (String theirs : peer.privateAddresses) {
        if (subnet(mine).equals(subnet(theirs))) {
          return mine;
        }
      }
    }
    return null;
  }

  /** The /24 of an IPv4 address or the /64 of an IPv6 address, as text. */
  static String subnet(String address) {
    String a = address.toLowerCase(Locale.ROOT);
    if (a.indexOf(':') < 0) {
      int dot = a.lastIndexOf('.');
      return dot < 0 ? a : a.substring(0, dot);
    }
    try {
      byte[] b = java.net.InetAddress.getByName(a).getAddress();
      return java.util.HexFormat.of().formatHex(b, 0, 8);
    } catch (java.net.UnknownHostException e) {
      return a;
    }
  }

  private static boolean anySucceeded(IceSession ice) {
    for (ConnectivityCheck c : ice.checks()) {
      if (c.outcome() == StunTransaction.Outcome.SUCCEEDED) {
        return true;
      }
    }
    return false;
  }

  private void report(
      Call call, @Nullable IceSession ice, Side side, Side peer, String link, Findings out) {
    SdpSeen sdp = side.onlyPublic;
    List<String> candidates = new ArrayList<>();
    for (MediaDescription m : sdp.sdp().media()) {
      for (Candidate c : m.candidates()) {
        candidates.add(c.type() + " " + c.address() + ":" + c.port());
      }
    }
    Term who = Term.side(side.caller);
    Findings.Builder f = out.add(this, call)
        .title(who, String.join(", ", candidates), String.join(", ", peer.privateAddresses));
    f.evidence(sdp.frame(), "public_only", Addresses.frameFilter(sdp.frame().number()),
        who, String.join(", ", candidates), Term.sdpRole(sdp.offer()));
    if (!side.privateAddresses.isEmpty()) {
      f.evidence(sdp.frame(), "behind_nat", Addresses.frameFilter(sdp.frame().number()),
          String.join(", ", side.privateAddresses));
    }
    SdpSeen peerSdp = peer.first;
    if (peerSdp != null) {
      f.evidence(peerSdp.frame(), "peer_private", Addresses.frameFilter(peerSdp.frame().number()),
          String.join(", ", peer.privateAddresses));
    }
    f.evidence(null, side.srflx.contains(link) ? "same_nat" : "same_subnet", "", link);
    if (ice != null) {
      for (ConnectivityCheck c : ice.checks()) {
        if (Boolean.valueOf(!side.caller).equals(c.fromCaller())
            && c.outcome() == StunTransaction.Outcome.NO_ANSWER) {
          f.evidence(c.firstFrame(), "check_unanswered", "stun.id == " + c.transactionId(),
              c.source().hostPort(), c.destination().hostPort());
          break;
        }
      }
    }
    f.advice("candidate_filter").advice("acl").advice("hairpin").done();
  }

  /** What one side of a call announced and where it sent from. */
  private static final class Side {
    final boolean caller;
    /** The first SDP of this side whose candidates are all public, or null. */
    @Nullable SdpSeen onlyPublic;
    @Nullable SdpSeen first;
    final Set<String> srflx = new LinkedHashSet<>();
    final Set<String> privateAddresses = new LinkedHashSet<>();
    boolean hasSrflx;

    private Side(boolean caller) {
      this.caller = caller;
    }

    boolean behindNat() {
      return hasSrflx || !privateAddresses.isEmpty();
    }

    static Side of(Call call, boolean caller) {
      Side s = new Side(caller);
      for (CallLeg leg : call.legs()) {
        for (Dialog d : leg.dialogs()) {
          for (SdpSeen seen : d.sdp()) {
            if (seen.fromCaller() == caller) {
              s.add(seen);
            }
          }
        }
      }
      return s;
    }

    private void add(SdpSeen seen) {
      first = first == null ? seen : first;
      boolean allPublic = false;
      for (MediaDescription m : seen.sdp().media()) {
        if (m.port() == 0) {
          continue;
        }
        String c = m.effectiveAddress();
        if (c != null && Addresses.isPrivate(c)) {
          privateAddresses.add(c);
        }
        List<Candidate> cands = m.candidates();
        boolean streamPublic = !cands.isEmpty();
        for (Candidate k : cands) {
          if (Addresses.isPrivate(k.address())) {
            streamPublic = false;
            privateAddresses.add(k.address());
          }
          if (k.type().equals("srflx")) {
            hasSrflx = true;
            srflx.add(k.address().toLowerCase(Locale.ROOT));
          }
          String raddr = k.relatedAddress();
          if (raddr != null && Addresses.isPrivate(raddr)) {
            privateAddresses.add(raddr);
          }
        }
        allPublic |= streamPublic;
      }
      if (allPublic && onlyPublic == null) {
        onlyPublic = seen;
      }
    }
  }
}
