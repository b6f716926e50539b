package io.voipdoc.correlate.log;

/**
 * A log that cannot be used at all: missing, unreadable, empty, binary, or in a format voipdoc
 * does not read. {@link #reason()} and {@link #detail()} are raw facts; the text for users comes
 * from the command line's bundles.
 */
public final class UnreadableLogException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a log could not be used. */
  public enum Reason {
    /** The path does not exist. */
    MISSING,
    /** It cannot be opened or read. */
    NOT_READABLE,
    /** It holds no lines. */
    EMPTY,
    /** It is binary (NUL bytes), e.g. a capture given as a log. */
    BINARY,
    /** None of the known formats matches its first lines; {@link #detail()} quotes the first. */
    UNKNOWN_FORMAT
  }

  private final String file;
  private final Reason reason;
  private final String detail;

  public UnreadableLogException(String file, Reason reason, String detail) {
    super(file + ": " + reason + (detail.isEmpty() ? "" : " (" + detail + ")"));
    this.file = file;
    this.reason = reason;
    this.detail = detail;
  }

  public String file() {
    return file;
  }

  public Reason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }
}
