package io.voipdoc.diagnose.acl;

import java.util.Locale;

/** The two lists of a call controller's access list. */
public enum AclList {
  /** Blocks everything except its entries. */
  WHITELIST,
  /** Allows everything except its entries. */
  BLACKLIST;

  /** The keyword in the file. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
