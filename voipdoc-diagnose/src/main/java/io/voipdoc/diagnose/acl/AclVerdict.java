package io.voipdoc.diagnose.acl;

import org.jspecify.annotations.Nullable;

/**
 * What an access list says about one address, and why.
 *
 * @param address the address as given
 * @param allowed whether it passes
 * @param reason which rule of the semantics decided
 * @param entry the entry that decided, or null when a list's default decided (no entry contains
 *     the address)
 */
public record AclVerdict(String address, boolean allowed, Reason reason, @Nullable AclEntry entry) {
  /** Which rule decided. */
  public enum Reason {
    /** A whitelist entry contains it. */
    WHITELISTED,
    /** A blacklist exists and none of its entries contains it. */
    NOT_BLACKLISTED,
    /** A blacklist entry contains it and no whitelist entry does. */
    BLACKLISTED,
    /** Only a whitelist exists, and none of its entries contains it. */
    NOT_WHITELISTED,
    /** The access list has no entries: everything passes. */
    EMPTY
  }
}
