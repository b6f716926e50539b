package io.voipdoc.diagnose.acl;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A call controller's access list: a whitelist and a blacklist of address ranges.
 *
 * @param file display name of the file it was read from
 * @param name the list's name as the controller calls it (e.g. {@code xcc_localnet}), or empty
 * @param entries the entries in file order
 */
public record Acl(String file, String name, List<AclEntry> entries) {

  /**
   * Evaluates an address: it passes when the whitelist contains it, or when a blacklist exists and
   * does not contain it; with only a whitelist, everything else is blocked. The deciding entry is
   * the most specific one that contains the address (the first of equals in file order).
   *
   * @param address an IPv4 or IPv6 literal
   * @return the verdict, or null when {@code address} is not an IP literal
   */
  public @Nullable AclVerdict evaluate(String address) {
    byte[] a = Cidr.address(address);
    if (a == null) {
      return null;
    }
    if (entries.isEmpty()) {
      return new AclVerdict(address, true, AclVerdict.Reason.EMPTY, null);
    }
    AclEntry white = mostSpecific(AclList.WHITELIST, a);
    if (white != null) {
      return new AclVerdict(address, true, AclVerdict.Reason.WHITELISTED, white);
    }
    if (!has(AclList.BLACKLIST)) {
      return new AclVerdict(address, false, AclVerdict.Reason.NOT_WHITELISTED, null);
    }
    AclEntry black = mostSpecific(AclList.BLACKLIST, a);
    return black == null
        ? new AclVerdict(address, true, AclVerdict.Reason.NOT_BLACKLISTED, null)
        : new AclVerdict(address, false, AclVerdict.Reason.BLACKLISTED, black);
  }

  /** Whether the list has at least one entry. */
  public boolean has(AclList list) {
    return entries.stream().anyMatch(e -> e.list() == list);
  }

  private @Nullable AclEntry mostSpecific(AclList list, byte[] address) {
    AclEntry best = null;
    for (AclEntry e : entries) {
      if (e.list() == list && e.range().contains(address)
          && (best == null || e.range().prefix() > best.range().prefix())) {
        best = e;
      }
    }
    return best;
  }
}
