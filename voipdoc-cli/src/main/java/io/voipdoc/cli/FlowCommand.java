package io.voipdoc.cli;

import io.voipdoc.correlate.sip.Call;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voipdoc flow CAPTURE... --call ID}: the SIP messages of one call, every leg, as a ladder
 * diagram in the terminal.
 */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    description = "Draws the SIP messages of one call as a ladder diagram.")
final class FlowCommand implements Callable<Integer> {
  /** Terminal width when COLUMNS does not say. */
  static final int DEFAULT_WIDTH = 80;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "CAPTURE",
      description = "pcap or pcapng files (optionally gzip-compressed), directories, or - for stdin")
  List<String> captures = new ArrayList<>();

  @Option(
      names = "--call",
      required = true,
      paramLabel = "ID",
      description = "the Call-ID of any leg, or the call's number from voipdoc calls")
  String call = "";

  @Option(names = "--by-host", description = "one column per host instead of per address:port")
  boolean byHost;

  @Mixin LanguageOption language = new LanguageOption();

  @Option(
      names = "--correlation-header",
      paramLabel = "NAME",
      description = "a header whose value is the Call-ID of another leg of the same call")
  List<String> correlationHeaders = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    CallsCommand.Found found = CallsCommand.correlate(captures, correlationHeaders, messages);
    PrintWriter out = spec.commandLine().getOut();
    Call c = find(found.calls(), call);
    int code = CallsCommand.finish(found.result(), spec.commandLine().getErr());
    if (c == null) {
      spec.commandLine().getErr().println("voipdoc: " + messages.text("flow.not_found", call));
      return code == ExitCode.OK ? ExitCode.USAGE : code;
    }
    new Ladder(width(System.getenv("COLUMNS")), byHost).render(c, messages, out);
    out.flush();
    return code;
  }

  static int width(@Nullable String columns) {
    if (columns != null) {
      try {
        int w = Integer.parseInt(columns.trim());
        if (w >= Ladder.MIN_WIDTH) {
          return w;
        }
      } catch (NumberFormatException e) {
        // not a number: keep the default
      }
    }
    return DEFAULT_WIDTH;
  }

  static @Nullable Call find(List<Call> calls, String id) {
    for (Call c : calls) {
      if (c.leg(id) != null || Integer.toString(c.index()).equals(id)) {
        return c;
      }
    }
    return null;
  }
}
