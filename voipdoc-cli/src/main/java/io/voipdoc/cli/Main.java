package io.voipdoc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code voipdoc} command. */
@Command(
    name = "voipdoc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds out why VoIP calls fail, from packet captures and logs.",
    subcommands = {
      AnalyzeCommand.class,
      InfoCommand.class,
      CallsCommand.class,
      FlowCommand.class,
      ExportCommand.class,
      StreamsCommand.class,
      AclCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    System.exit(code);
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL_ERROR);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // A bug must not end in a stack trace on the user's screen: one line, details on demand.
          commandLine.getErr().println("voipdoc: internal error: " + e);
          if (System.getenv("VOIPDOC_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
          }
          return ExitCode.INTERNAL_ERROR;
        });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine().getErr().println("voipdoc: " + e.getMessage());
          e.getCommandLine().getErr().println("Try 'voipdoc --help'.");
          return ExitCode.USAGE;
        });
    return cli.execute(args);
  }

  /** Reports the version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"voipdoc " + (v == null ? "development" : v)};
    }
  }
}
