package io.voipdoc.diagnose.acl;

/**
 * One entry of an access list.
 *
 * @param list which list it belongs to
 * @param range the addresses it covers
 * @param line its 1-based line in the file
 * @param text the line as written, without comment
 */
public record AclEntry(AclList list, Cidr range, long line, String text) {
  @Override
  public String toString() {
    return list.word() + " " + range;
  }
}
