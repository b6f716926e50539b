package io.voipdoc.diagnose.acl;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entries that never change a verdict. Every rule slows media negotiation on controllers that check
 * candidates, and a dead entry misleads whoever reads the list, so both kinds are worth removing:
 *
 * <ul>
 *   <li><b>redundant</b>: another entry of the same list already covers it (a duplicate, or a range
 *       inside a wider one); or a whitelist entry outside every blacklist entry while a blacklist
 *       exists, since those addresses pass anyway;
 *   <li><b>shadowed</b>: a blacklist entry inside a whitelist entry, which always wins over it, so
 *       it blocks nothing.
 * </ul>
 */
public final class AclReview {
  private AclReview() {}

  /**
   * One dead entry.
   *
   * @param entry the entry that has no effect
   * @param kind why
   * @param by the entry that covers it, or null for a whitelist entry outside every blacklist entry
   */
  public record Warning(AclEntry entry, Kind kind, @Nullable AclEntry by) {}

  /** Why an entry has no effect. */
  public enum Kind {
    /** Another entry of the same list covers it. */
    REDUNDANT,
    /** A whitelist entry no blacklist entry overlaps, while a blacklist exists. */
    OUTSIDE_BLACKLIST,
    /** A whitelist entry covers this blacklist entry. */
    SHADOWED
  }

  /** The warnings for {@code acl}, in file order. */
  public static List<Warning> review(Acl acl) {
    List<Warning> out = new ArrayList<>();
    List<AclEntry> entries = acl.entries();
    boolean blacklist = acl.has(AclList.BLACKLIST);
    for (int i = 0; i < entries.size(); i++) {
      AclEntry e = entries.get(i);
      // shadowed says more than redundant: the entry blocks nothing at all
      AclEntry shadow = e.list() == AclList.BLACKLIST ? whitelistCover(entries, e) : null;
      AclEntry cover = cover(entries, i);
      if (shadow != null) {
        out.add(new Warning(e, Kind.SHADOWED, shadow));
      } else if (cover != null) {
        out.add(new Warning(e, Kind.REDUNDANT, cover));
      } else if (e.list() == AclList.WHITELIST && blacklist
          && entries.stream().noneMatch(b -> b.list() == AclList.BLACKLIST && b.range().overlaps(e.range()))) {
        out.add(new Warning(e, Kind.OUTSIDE_BLACKLIST, null));
      }
    }
    return out;
  }

  private static @Nullable AclEntry whitelistCover(List<AclEntry> entries, AclEntry e) {
    for (AclEntry w : entries) {
      if (w.list() == AclList.WHITELIST && w.range().contains(e.range())) {
        return w;
      }
    }
    return null;
  }

  /** An entry of the same list that covers entry {@code i}: a wider one, or an equal earlier one. */
  private static @Nullable AclEntry cover(List<AclEntry> entries, int i) {
    AclEntry e = entries.get(i);
    for (int j = 0; j < entries.size(); j++) {
      AclEntry o = entries.get(j);
      if (j == i || o.list() != e.list() || !o.range().contains(e.range())) {
        continue;
      }
      if (o.range().prefix() < e.range().prefix() || j < i) {
        return o;
      }
    }
    return null;
  }
}
