package io.voipdoc.diagnose.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.TextLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ACL semantics of KNOWLEDGE.md, the file format of docs/acl.md, and the review of dead entries. */
class AclTest {

  static Acl acl(String... lines) throws AclException {
    List<TextLine> in = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      in.add(new TextLine(i + 1, lines[i], false, false));
    }
    return AclParser.parse("acl.txt", in);
  }

  private static String verdict(Acl acl, String address) {
    AclVerdict v = acl.evaluate(address);
    return (v.allowed() ? "allowed " : "blocked ") + v.reason() + (v.entry() == null ? "" : " " + v.entry() + " @" + v.entry().line());
  }

  @Test
  void whitelistEntryBeatsWiderBlacklistEntry() throws AclException {
    // KNOWLEDGE.md: blacklist 192.168.0.0/16 + whitelist 192.168.1.0/24 = only 192.168.1.x of 192.168.x.x
    Acl acl = acl("blacklist 192.168.0.0/16", "whitelist 192.168.1.0/24");
    assertEquals("allowed WHITELISTED whitelist 192.168.1.0/24 @2", verdict(acl, "192.168.1.77"));
    assertEquals("blocked BLACKLISTED blacklist 192.168.0.0/16 @1", verdict(acl, "192.168.2.1"));
    // the blacklist allows everything except its entries
    assertEquals("allowed NOT_BLACKLISTED", verdict(acl, "10.0.0.1"));
  }

  @Test
  void localControllerNeedsLoopbackWhitelisted() throws AclException {
    // KNOWLEDGE.md: the signalling peer, 127.0.0.1 for a local controller, must be whitelisted
    Acl acl = acl("name xcc_localnet", "whitelist 10.0.50.0/24");
    assertEquals("xcc_localnet", acl.name());
    assertEquals("blocked NOT_WHITELISTED", verdict(acl, "127.0.0.1"));
    assertEquals("allowed WHITELISTED whitelist 10.0.50.0/24 @2", verdict(acl, "10.0.50.118"));
    Acl fixed = acl("name xcc_localnet", "whitelist 10.0.50.0/24", "whitelist 127.0.0.1");
    assertEquals("allowed WHITELISTED whitelist 127.0.0.1/32 @3", verdict(fixed, "127.0.0.1"));
  }

  @Test
  void mostSpecificEntryDecides() throws AclException {
    Acl acl = acl("blacklist 10.0.0.0/8", "blacklist 10.1.0.0/16", "whitelist 10.1.2.0/24", "whitelist 10.1.2.3");
    assertEquals("blocked BLACKLISTED blacklist 10.1.0.0/16 @2", verdict(acl, "10.1.9.9"));
    assertEquals("allowed WHITELISTED whitelist 10.1.2.3/32 @4", verdict(acl, "10.1.2.3"));
  }

  @Test
  void ipv6() throws AclException {
    Acl acl = acl("blacklist 2001:db8::/32", "whitelist 2001:db8:1::/48", "allow 192.0.2.1");
    assertEquals("blocked BLACKLISTED blacklist 2001:db8:0:0:0:0:0:0/32 @1", verdict(acl, "2001:db8:ffff::1"));
    assertEquals("allowed WHITELISTED whitelist 2001:db8:1:0:0:0:0:0/48 @2", verdict(acl, "2001:DB8:1::5"));
    // IPv4 entries never match IPv6 addresses and the other way round
    assertEquals("allowed NOT_BLACKLISTED", verdict(acl, "2001:db9::1"));
    assertNull(acl.evaluate("pbx.example.com"));
  }

  @Test
  void emptyListAllowsEverything() throws AclException {
    assertEquals("allowed EMPTY", verdict(acl("# nothing yet", ""), "192.0.2.1"));
  }

  @Test
  void commentsCaseAndSpacing() throws AclException {
    Acl acl = acl("  WhiteList\t192.168.1.0/24   # office", "# deny 10.0.0.0/8", "DENY 172.16.0.0/12");
    assertEquals(2, acl.entries().size());
    assertEquals(AclList.BLACKLIST, acl.entries().get(1).list());
    assertEquals(3, acl.entries().get(1).line());
    assertEquals("DENY 172.16.0.0/12", acl.entries().get(1).text());
  }

  @Test
  void impossibleRangesAreRefusedWithTheirLine() {
    assertProblem(AclException.Problem.NOT_AN_ADDRESS, 2, "192.168.1.300/24", "whitelist 10.0.0.0/8", "whitelist 192.168.1.300/24");
    assertProblem(AclException.Problem.BAD_PREFIX, 1, "10.0.0.0/33", "blacklist 10.0.0.0/33");
    assertProblem(AclException.Problem.BAD_PREFIX, 1, "2001:db8::/129", "blacklist 2001:db8::/129");
    assertProblem(AclException.Problem.BAD_PREFIX, 1, "10.0.0.0/-1", "blacklist 10.0.0.0/-1");
    assertProblem(AclException.Problem.HOST_BITS_SET, 1, "192.168.1.0/24", "whitelist 192.168.1.5/24");
    assertProblem(AclException.Problem.NOT_AN_ADDRESS, 1, "pbx.example.com", "whitelist pbx.example.com");
    assertProblem(AclException.Problem.UNKNOWN_LINE, 1, "permit 10.0.0.0/8", "permit 10.0.0.0/8");
    assertProblem(AclException.Problem.UNKNOWN_LINE, 1, "whitelist 10.0.0.0/8 10.1.0.0/16", "whitelist 10.0.0.0/8 10.1.0.0/16");
    assertProblem(AclException.Problem.UNKNOWN_LINE, 1, "whitelist", "whitelist");
  }

  @Test
  void damagedLinesAreRefused() {
    AclException e = assertThrows(AclException.class,
        () -> AclParser.parse("acl.txt", List.of(new TextLine(7, "whitelist 10.0.0.0/8", true, false))));
    assertEquals(AclException.Problem.DAMAGED_LINE, e.problem());
    assertEquals(7, e.line());
    e = assertThrows(AclException.class,
        () -> AclParser.parse("acl.txt", List.of(new TextLine(1, "whitelist 10.0.0.\uFFFD/8", false, true))));
    assertEquals(AclException.Problem.DAMAGED_LINE, e.problem());
  }

  private static void assertProblem(AclException.Problem problem, long line, String detail, String... lines) {
    AclException e = assertThrows(AclException.class, () -> acl(lines));
    assertEquals(problem, e.problem());
    assertEquals(line, e.line());
    assertEquals(detail, e.detail());
  }

  @Test
  void redundantEntries() throws AclException {
    Acl acl = acl("whitelist 10.0.0.0/8", "whitelist 10.1.2.3", "whitelist 10.0.0.0/8", "blacklist 10.0.0.0/8");
    List<AclReview.Warning> w = AclReview.review(acl);
    assertEquals(List.of("REDUNDANT whitelist 10.1.2.3/32 by 1", "REDUNDANT whitelist 10.0.0.0/8 by 1"),
        w.stream().filter(x -> x.entry().list() == AclList.WHITELIST).map(AclTest::describe).toList());
  }

  @Test
  void blacklistEntryInsideWhitelistEntryIsShadowed() throws AclException {
    Acl acl = acl("whitelist 192.168.1.0/24", "blacklist 192.168.1.128/25", "blacklist 192.168.0.0/16");
    assertEquals(List.of("SHADOWED blacklist 192.168.1.128/25 by 1"),
        AclReview.review(acl).stream().map(AclTest::describe).toList());
  }

  @Test
  void whitelistEntryOutsideEveryBlacklistEntryHasNoEffect() throws AclException {
    Acl acl = acl("blacklist 192.168.0.0/16", "whitelist 192.168.1.0/24", "whitelist 10.0.0.0/8");
    assertEquals(List.of("OUTSIDE_BLACKLIST whitelist 10.0.0.0/8 by -"),
        AclReview.review(acl).stream().map(AclTest::describe).toList());
    // without a blacklist the same entry is what lets 10.x pass
    assertTrue(AclReview.review(acl("whitelist 192.168.1.0/24", "whitelist 10.0.0.0/8")).isEmpty());
  }

  @Test
  void knowledgeExampleIsClean() throws AclException {
    assertEquals(List.of(), AclReview.review(acl("blacklist 192.168.0.0/16", "whitelist 192.168.1.0/24")));
  }

  private static String describe(AclReview.Warning w) {
    return w.kind() + " " + w.entry() + " by " + (w.by() == null ? "-" : w.by().line());
  }

  @Test
  void cidrContainment() throws Exception {
    Cidr wide = Cidr.parse("10.0.0.0/8");
    Cidr narrow = Cidr.parse("10.20.0.0/16");
    assertTrue(wide.contains(narrow));
    assertTrue(!narrow.contains(wide));
    assertTrue(wide.overlaps(narrow) && narrow.overlaps(wide));
    assertTrue(!Cidr.parse("11.0.0.0/8").overlaps(wide));
    assertTrue(Cidr.parse("0.0.0.0/0").contains(Cidr.address("203.0.113.1")));
    assertEquals(Cidr.parse("10.0.0.1"), Cidr.parse("10.0.0.1/32"));
    assertEquals("10.0.0.0/8", wide.toString());
  }
}
