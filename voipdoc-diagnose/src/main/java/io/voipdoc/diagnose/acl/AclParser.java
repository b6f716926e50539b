package io.voipdoc.diagnose.acl;

import io.voipdoc.capture.TextLine;
import io.voipdoc.capture.TextLines;
import io.voipdoc.capture.UnreadableCaptureException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an access-list file (docs/acl.md). One entry per line:
 *
 * <pre>
 * # the controller's list name, used in its log lines (optional)
 * name xcc_localnet
 * whitelist 192.168.1.0/24     # trailing comments are allowed
 * blacklist 192.168.0.0/16
 * whitelist 127.0.0.1          # a bare address is a range of one
 * blacklist 2001:db8::/32
 * </pre>
 *
 * Keywords are case-insensitive; {@code allow} and {@code deny} are accepted for whitelist and
 * blacklist. The first wrong line stops reading with an {@link AclException} naming it: a policy
 * read halfway would give wrong verdicts.
 */
public final class AclParser {
  /** Longest line read, in bytes. */
  public static final int MAX_LINE_BYTES = 1024;

  /** Most entries read. */
  public static final int MAX_ENTRIES = 100_000;

  private AclParser() {}

  /** Reads the file at {@code path}. */
  public static Acl read(Path path) throws AclException {
    String file = path.toString();
    try (TextLines in = TextLines.open(path, MAX_LINE_BYTES)) {
      List<TextLine> lines = new ArrayList<>();
      TextLine l;
      while ((l = in.next()) != null) {
        lines.add(l);
        if (lines.size() > MAX_ENTRIES * 2) {
          throw new AclException(file, l.number(), AclException.Problem.TOO_MANY_ENTRIES, String.valueOf(MAX_ENTRIES));
        }
      }
      return parse(file, lines);
    } catch (UnreadableCaptureException e) {
      if (e.reason() == UnreadableCaptureException.Reason.MISSING) {
        throw new AclException(file, 0, AclException.Problem.MISSING, "");
      }
      if (e.reason() == UnreadableCaptureException.Reason.EMPTY) {
        return new Acl(file, "", List.of());
      }
      throw new AclException(file, 0, AclException.Problem.NOT_READABLE, e.detail());
    } catch (IOException e) {
      throw new AclException(file, 0, AclException.Problem.NOT_READABLE, String.valueOf(e.getMessage()));
    }
  }

  /** Parses lines already read. */
  public static Acl parse(String file, List<TextLine> lines) throws AclException {
    String name = "";
    List<AclEntry> entries = new ArrayList<>();
    for (TextLine line : lines) {
      if (line.cut() || line.invalidEncoding()) {
        throw new AclException(file, line.number(), AclException.Problem.DAMAGED_LINE, "");
      }
      String text = line.text();
      int hash = text.indexOf('#');
      text = (hash < 0 ? text : text.substring(0, hash)).strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] words = text.split("\\s+");
      if (words.length != 2) {
        throw new AclException(file, line.number(), AclException.Problem.UNKNOWN_LINE, shorten(text));
      }
      AclList list;
      switch (words[0].toLowerCase(Locale.ROOT)) {
        case "name" -> {
          name = words[1];
          continue;
        }
        case "whitelist", "allow" -> list = AclList.WHITELIST;
        case "blacklist", "deny" -> list = AclList.BLACKLIST;
        default -> throw new AclException(file, line.number(), AclException.Problem.UNKNOWN_LINE, shorten(text));
      }
      try {
        entries.add(new AclEntry(list, Cidr.parse(words[1]), line.number(), text));
      } catch (Cidr.Invalid e) {
        AclException.Problem p =
            switch (e.problem()) {
              case NOT_AN_ADDRESS -> AclException.Problem.NOT_AN_ADDRESS;
              case BAD_PREFIX -> AclException.Problem.BAD_PREFIX;
              case HOST_BITS_SET -> AclException.Problem.HOST_BITS_SET;
            };
        throw new AclException(file, line.number(), p,
            p == AclException.Problem.HOST_BITS_SET ? e.suggestion() : shorten(words[1]));
      }
    }
    return new Acl(file, name, List.copyOf(entries));
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
