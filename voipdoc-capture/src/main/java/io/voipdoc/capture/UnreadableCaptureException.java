package io.voipdoc.capture;

/**
 * An input that cannot be read at all: missing, not a capture, or in a format voipdoc does not
 * read. The {@link #reason()} and {@link #detail()} are raw facts; the message shown to users
 * comes from the report's resource bundles.
 */
public final class UnreadableCaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why an input could not be read. */
  public enum Reason {
    /** The path does not exist. */
    MISSING,
    /** The path exists but cannot be opened or read (permissions, I/O error, directory). */
    NOT_READABLE,
    /** The input is empty. */
    EMPTY,
    /** A known capture format that voipdoc does not read; {@link #detail()} names it. */
    UNSUPPORTED_FORMAT,
    /** The first bytes match no capture format. */
    NOT_A_CAPTURE
  }

  private final String input;
  private final Reason reason;
  private final String detail;

  public UnreadableCaptureException(String input, Reason reason, String detail) {
    super(input + ": " + reason + (detail.isEmpty() ? "" : " (" + detail + ")"));
    this.input = input;
    this.reason = reason;
    this.detail = detail;
  }

  public String input() {
    return input;
  }

  public Reason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }
}
