package io.voipdoc.cli;

import io.voipdoc.diagnose.acl.Acl;
import io.voipdoc.diagnose.acl.AclEntry;
import io.voipdoc.diagnose.acl.AclException;
import io.voipdoc.diagnose.acl.AclReview;
import io.voipdoc.diagnose.acl.AclVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code voipdoc acl ...}: works with a call controller's access list (docs/acl.md). */
@Command(
    name = "acl",
    mixinStandardHelpOptions = true,
    description = "Works with a call controller's access list (whitelist and blacklist).",
    subcommands = AclCommand.Check.class)
final class AclCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required: check");
  }

  /**
   * {@code voipdoc acl check --acl FILE ADDRESS...}: the verdict for each address and the entry
   * that decided it, then warnings for entries that never take effect.
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Says whether each address passes the access list, and which entry decided; warns about redundant and shadowed entries.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--acl", required = true, paramLabel = "FILE", description = "the access list (docs/acl.md)")
    Path acl;

    @Parameters(arity = "0..*", paramLabel = "ADDRESS", description = "IPv4 or IPv6 addresses to check")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.text;

    @Mixin LanguageOption language = new LanguageOption();

    @Override
    public Integer call() throws IOException {
      Messages m = language.messages();
      Acl list;
      try {
        list = PolicyInputs.acl(acl);
      } catch (AclException e) {
        spec.commandLine().getErr().println("voipdoc: " + PolicyInputs.message(e, m));
        return ExitCode.UNREADABLE_INPUT;
      }
      List<AclVerdict> verdicts = new ArrayList<>();
      for (String a : addresses) {
        AclVerdict v = list == null ? null : list.evaluate(a);
        if (v == null) {
          throw new ParameterException(spec.commandLine(), m.text("acl.bad_address", a));
        }
        verdicts.add(v);
      }
      List<AclReview.Warning> warnings = AclReview.review(list);
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        json(list, verdicts, warnings, m, out);
      } else {
        for (AclVerdict v : verdicts) {
          out.println(verdictText(list, v, m));
        }
        for (AclReview.Warning w : warnings) {
          out.println(warningText(list, w, m));
        }
        if (verdicts.isEmpty() && warnings.isEmpty()) {
          out.println(m.text("acl.clean", list.entries().size()));
        }
      }
      out.flush();
      return ExitCode.OK;
    }

    private static String verdictText(Acl acl, AclVerdict v, Messages m) {
      String word = m.text(v.allowed() ? "acl.allowed" : "acl.blocked");
      return m.text("acl.verdict." + v.reason().name().toLowerCase(Locale.ROOT),
          v.address(), word, v.entry() == null ? "" : v.entry().toString(), where(acl, v.entry()));
    }

    private static String warningText(Acl acl, AclReview.Warning w, Messages m) {
      return m.text("acl.warning." + w.kind().name().toLowerCase(Locale.ROOT),
          where(acl, w.entry()), w.entry().toString(), w.by() == null ? "" : w.by().toString(),
          w.by() == null ? 0 : w.by().line());
    }

    private static String where(Acl acl, @Nullable AclEntry e) {
      return e == null ? "" : Path.of(acl.file()).getFileName() + ":" + e.line();
    }

    private static void json(Acl acl, List<AclVerdict> verdicts, List<AclReview.Warning> warnings, Messages m, PrintWriter out)
        throws IOException {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("acl", acl.file());
      doc.put("name", acl.name());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (AclVerdict v : verdicts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("address", v.address());
        row.put("allowed", v.allowed());
        row.put("reason", v.reason().name().toLowerCase(Locale.ROOT));
        row.put("entry", v.entry() == null ? null : v.entry().toString());
        row.put("line", v.entry() == null ? null : v.entry().line());
        row.put("text", verdictText(acl, v, m));
        rows.add(row);
      }
      doc.put("verdicts", rows);
      List<Map<String, Object>> ws = new ArrayList<>();
      for (AclReview.Warning w : warnings) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", w.kind().name().toLowerCase(Locale.ROOT));
        row.put("entry", w.entry().toString());
        row.put("line", w.entry().line());
        row.put("by", w.by() == null ? null : w.by().toString());
        row.put("byLine", w.by() == null ? null : w.by().line());
        row.put("text", warningText(acl, w, m));
        ws.add(row);
      }
      doc.put("warnings", ws);
      OutputFormat.writeJson(out, doc);
    }
  }
}
