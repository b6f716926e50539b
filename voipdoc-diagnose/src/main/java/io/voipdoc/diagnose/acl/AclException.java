package io.voipdoc.diagnose.acl;

/**
 * An access-list file that cannot be used, with the line that is wrong. {@link #problem()} and
 * {@link #detail()} are raw facts; the text for users comes from the command line's bundles.
 */
public final class AclException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What is wrong. */
  public enum Problem {
    /** The file does not exist. */
    MISSING,
    /** It cannot be read, or it is binary. */
    NOT_READABLE,
    /** A line is not {@code whitelist RANGE}, {@code blacklist RANGE}, {@code name NAME} or a comment. */
    UNKNOWN_LINE,
    /** The range is not an IPv4 or IPv6 address. */
    NOT_AN_ADDRESS,
    /** The prefix length is impossible for the address family. */
    BAD_PREFIX,
    /** Bits after the prefix are set; {@link #detail()} is the range probably meant. */
    HOST_BITS_SET,
    /** The line is longer than the reader's limit or not UTF-8 text. */
    DAMAGED_LINE,
    /** More entries than voipdoc reads. */
    TOO_MANY_ENTRIES
  }

  private final String file;
  private final long line;
  private final Problem problem;
  private final String detail;

  public AclException(String file, long line, Problem problem, String detail) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem + (detail.isEmpty() ? "" : " (" + detail + ")"));
    this.file = file;
    this.line = line;
    this.problem = problem;
    this.detail = detail;
  }

  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the whole file is meant. */
  public long line() {
    return line;
  }

  public Problem problem() {
    return problem;
  }

  public String detail() {
    return detail;
  }
}
