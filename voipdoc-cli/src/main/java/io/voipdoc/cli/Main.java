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
          if (outOfMemory(e)) {
            commandLine.getErr().println(outOfMemoryText(args));
            return ExitCode.INTERNAL_ERROR;
          }
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
          String root = e.getCommandLine().getCommandSpec().root().name();
          e.getCommandLine().getErr().println(Messages.forLanguage(language(args)).text("error.usage_hint", root));
          return ExitCode.USAGE;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // the command's data is unreachable once the error has left it, so there is room to say so
      err.println(outOfMemoryText(args));
      return ExitCode.INTERNAL_ERROR;
    }
  }

  private static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** What to do when the heap ran out, in the language of {@code --lang} when given. */
  private static String outOfMemoryText(String[] args) {
    long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "voipdoc: " + Messages.forLanguage(language(args)).text("error.out_of_memory", Long.toString(mb));
  }

  /**
   * The value of {@code --lang} read from the raw arguments, or "" for the environment's language:
   * the parsed option is not there when parsing failed or the command never ran.
   */
  private static String language(String[] args) {
    String lang = "";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang") && i + 1 < args.length) {
        lang = args[i + 1];
      } else if (args[i].startsWith("--lang=")) {
        lang = args[i].substring("--lang=".length());
      }
    }
    return lang;
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
