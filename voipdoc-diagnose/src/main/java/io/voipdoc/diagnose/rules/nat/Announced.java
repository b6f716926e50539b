package io.voipdoc.diagnose.rules.nat;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.decode.sdp.Candidate;
import io.voipdoc.decode.sdp.Connection;
import io.voipdoc.decode.sdp.MediaDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * What one side of a call announced in all its SDPs (every leg, every copy): connection
 * addresses (RFC 8866 §5.7), media ports (§5.14) and ICE candidates with their related addresses
 * (RFC 8839 §5.1), each with the SDP that carried it.
 *
 * @param endpoints announced address and port pairs: media addresses and candidates
 * @param addresses every announced address, connection lines and related addresses included
 * @param first the first SDP of that side, or null when it announced nothing
 */
public record Announced(List<String> endpoints, List<String> addresses, @org.jspecify.annotations.Nullable SdpSeen first) {

  /** What the caller (or the callee) announced in the call. */
  public static Announced by(Call call, boolean caller) {
    List<String> endpoints = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    SdpSeen first = null;
    for (CallLeg leg : call.legs()) {
      for (Dialog d : leg.dialogs()) {
        for (SdpSeen s : d.sdp()) {
          if (s.fromCaller() != caller) {
            continue;
          }
          first = first == null ? s : first;
          Connection c = s.sdp().connection();
          if (c != null) {
            addresses.add(c.address());
          }
          for (MediaDescription m : s.sdp().media()) {
            String a = m.effectiveAddress();
            if (a != null) {
              addresses.add(a);
              endpoints.add(a + " " + m.port());
            }
            for (Candidate k : m.candidates()) {
              addresses.add(k.address());
              endpoints.add(k.address() + " " + k.port());
              if (k.relatedAddress() != null) {
                addresses.add(k.relatedAddress());
              }
            }
          }
        }
      }
    }
    return new Announced(List.copyOf(endpoints), List.copyOf(addresses), first);
  }

  /** Whether any announced address is private (then a NAT explains other source addresses). */
  public boolean anyPrivate() {
    return addresses.stream().anyMatch(Addresses::isPrivate);
  }

  /** Whether this address was announced. */
  public boolean hasAddress(String address) {
    return addresses.stream().anyMatch(a -> a.equalsIgnoreCase(address));
  }

  /** Whether this address and port were announced together. */
  public boolean hasEndpoint(String address, int port) {
    return endpoints.stream().anyMatch(e -> e.equalsIgnoreCase(address + " " + port));
  }
}
