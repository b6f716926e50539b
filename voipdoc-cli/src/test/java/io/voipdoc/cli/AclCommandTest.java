package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code voipdoc acl check}: verdicts with the deciding entry, warnings, and bad files. */
class AclCommandTest {
  @TempDir Path dir;

  private Path acl(String text) throws IOException {
    return Files.writeString(dir.resolve("acl.txt"), text, StandardCharsets.UTF_8);
  }

  @Test
  void knowledgeExampleWhitelistWinsOverWiderBlacklist() throws IOException {
    Path file = acl("blacklist 192.168.0.0/16\nwhitelist 192.168.1.0/24\n");
    Cli cli = Cli.run("acl", "check", "--acl", file.toString(), "192.168.1.20", "192.168.7.1", "10.0.0.1", "--lang", "en");
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(
        List.of(
            "192.168.1.20  allowed  by whitelist 192.168.1.0/24 (acl.txt:2)",
            "192.168.7.1  BLOCKED  by blacklist 192.168.0.0/16 (acl.txt:1); no whitelist entry contains it",
            "10.0.0.1  allowed  no blacklist entry contains it"),
        cli.out().lines().toList());
  }

  @Test
  void localControllerMissingFromTheWhitelist() throws IOException {
    Path file = acl("name xcc_localnet\nwhitelist 10.0.50.0/24\n");
    Cli cli = Cli.run("acl", "check", "--acl", file.toString(), "127.0.0.1", "--lang", "en");
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals("127.0.0.1  BLOCKED  no whitelist entry contains it, and a whitelist blocks everything else\n", cli.out());
  }

  @Test
  void shadowedAndRedundantEntriesAreWarnedAbout() throws IOException {
    Path file = acl("whitelist 192.168.1.0/24\nblacklist 192.168.1.128/25\nblacklist 192.168.0.0/16\n"
        + "blacklist 192.168.5.0/24\nwhitelist 10.0.0.0/8\n");
    Cli cli = Cli.run("acl", "check", "--acl", file.toString(), "--lang", "en");
    assertEquals(0, cli.exitCode(), cli.err());
    assertEquals(
        List.of(
            "warning: acl.txt:2: blacklist 192.168.1.128/25 is shadowed by whitelist 192.168.1.0/24 (line 1): whitelist entries win, so it never blocks anything",
            "warning: acl.txt:4: blacklist 192.168.5.0/24 is redundant: blacklist 192.168.0.0/16 (line 3) already covers it",
            "warning: acl.txt:5: whitelist 10.0.0.0/8 has no effect: no blacklist entry overlaps it, so these addresses pass anyway"),
        cli.out().lines().toList());
  }

  @Test
  void cleanListSaysSo() throws IOException {
    Cli cli = Cli.run("acl", "check", "--acl", acl("blacklist 192.168.0.0/16\nwhitelist 192.168.1.0/24\n").toString(), "--lang", "de");
    assertEquals("2 Einträge, keiner überflüssig oder verdeckt\n", cli.out());
  }

  @Test
  void json() throws IOException {
    Path file = acl("blacklist 2001:db8::/32\n");
    JsonNode doc = Cli.run("acl", "check", "--acl", file.toString(), "2001:db8::7", "--format", "json").json();
    JsonNode v = doc.get("verdicts").get(0);
    assertFalse(v.get("allowed").asBoolean());
    assertEquals("blacklisted", v.get("reason").asText());
    assertEquals(1, v.get("line").asInt());
  }

  @Test
  void badFilesGiveOneLineAndExitCode3() throws IOException {
    assertOneLineError(acl("whitelist 10.0.0.0/8\nwhitelist 192.168.1.300/24\n"),
        "voipdoc: " + dir.resolve("acl.txt") + ":2: \"192.168.1.300/24\" is not an IPv4 or IPv6 address range\n");
    assertOneLineError(acl("blacklist 10.0.0.0/40\n"),
        "voipdoc: " + dir.resolve("acl.txt") + ":1: \"10.0.0.0/40\" has an impossible prefix length (at most /32 for IPv4, /128 for IPv6)\n");
    assertOneLineError(acl("whitelist 192.168.1.5/24\n"),
        "voipdoc: " + dir.resolve("acl.txt") + ":1: the range has bits set after its prefix; write 192.168.1.0/24 if that is what is meant\n");
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "# Büro\nwhitelist 10.0.0.0/8\n".getBytes(StandardCharsets.ISO_8859_1));
    assertOneLineError(latin1, "voipdoc: " + latin1 + ":1: the line is too long or not UTF-8 text\n");
    Path huge = dir.resolve("huge.txt");
    Files.writeString(huge, "whitelist " + "1".repeat(100_000) + "\n");
    assertOneLineError(huge, "voipdoc: " + huge + ":1: the line is too long or not UTF-8 text\n");
    Path binary = dir.resolve("binary.txt");
    Files.write(binary, new byte[] {0x0a, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0x1c});
    assertOneLineError(binary, "voipdoc: " + binary + ": the access list cannot be read (binary, not text)\n");
    assertOneLineError(dir.resolve("none.txt"), "voipdoc: " + dir.resolve("none.txt") + ": no such access-list file\n");
  }

  private static void assertOneLineError(Path file, String expected) {
    Cli cli = Cli.run("acl", "check", "--acl", file.toString(), "10.0.0.1", "--lang", "en");
    assertEquals(ExitCode.UNREADABLE_INPUT, cli.exitCode());
    assertEquals(expected, cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void addressThatIsNoAddressIsAUsageError() throws IOException {
    Cli cli = Cli.run("acl", "check", "--acl", acl("whitelist 10.0.0.0/8\n").toString(), "pbx.example.com", "--lang", "en");
    assertEquals(ExitCode.USAGE, cli.exitCode());
    assertTrue(cli.err().startsWith("voipdoc: \"pbx.example.com\" is not an IPv4 or IPv6 address\n"), cli.err());
  }

  @Test
  void aclWithoutSubcommandIsAUsageError() {
    assertEquals(ExitCode.USAGE, Cli.run("acl").exitCode());
  }
}
