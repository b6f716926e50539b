package io.voipdoc.cli;

/**
 * Exit codes shared by every command. Documented in docs/cli.md; scripts rely on them.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>success (damage inside a capture is reported, not an error)</td></tr>
 *   <tr><td>1</td><td>{@code analyze --fail-on}: a finding at or above the given severity</td></tr>
 *   <tr><td>2</td><td>usage error: unknown option, missing argument</td></tr>
 *   <tr><td>3</td><td>an input could not be read at all: missing, not a capture, unsupported format</td></tr>
 *   <tr><td>4</td><td>internal error (a bug in voipdoc), or out of memory</td></tr>
 * </table>
 */
public final class ExitCode {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  public static final int UNREADABLE_INPUT = 3;
  public static final int INTERNAL_ERROR = 4;

  private ExitCode() {}
}
