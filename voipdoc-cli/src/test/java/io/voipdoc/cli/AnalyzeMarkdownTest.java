package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.junit.jupiter.api.Test;

/** {@code analyze --format md} on lab captures, read back through a Markdown renderer. */
class AnalyzeMarkdownTest {

  private static String lab(String scenario) {
    return Cli.root().resolve("lab").resolve(scenario).resolve("pbx.pcapng").toString();
  }

  @Test
  void report_of_a_rejected_call_renders_with_summary_findings_and_ladder() {
    Cli cli = Cli.run("analyze", lab("sdp-rejected-488"), "--format", "md", "--lang", "en");
    assertEquals(0, cli.exitCode(), cli.err());
    RenderedMarkdown md = new RenderedMarkdown(cli.out());

    assertEquals(List.of("voipdoc diagnosis"), md.headings(1));
    assertEquals(List.of("Findings", "Message flow of the failing calls"), md.headings(2));
    assertEquals(
        List.of("Call 1: bob → dave, rejected (488)", "Call 1: bob → dave, rejected (488)"),
        md.headings(3));
    assertEquals(List.of("ERROR SDP_REJECTED_488"), md.headings(4));

    assertEquals(1, md.tables());
    assertEquals(
        List.of(
            "Inputs", "Calls", "Not answered", "Registrations", "RTP streams", "Errors", "Warnings",
            "Notes", "1", "1", "1", "2", "0", "1", "0", "0"),
        md.cells());

    List<String> evidence =
        md.nodes().stream()
            .filter(n -> n instanceof ListItem)
            .map(RenderedMarkdown::text)
            .filter(t -> t.startsWith("pbx.pcapng frame"))
            .toList();
    assertEquals(3, evidence.size(), evidence.toString());
    assertTrue(evidence.get(0).startsWith("pbx.pcapng frame 9 at 11:17:00.810: The INVITE from"));
    assertTrue(evidence.get(0).endsWith("Wireshark filter: sip.Call-ID == \"4e65b67dd42a09fb\""));
    assertTrue(md.html.contains("<code>frame.number == 12</code>"), md.html);

    assertEquals(1, md.codeBlocks().size());
    String ladder = md.codeBlocks().get(0);
    assertTrue(ladder.startsWith("Call 1: 4e65b67dd42a09fb\n"), ladder);
    assertTrue(ladder.contains("|<-------488 Not Acceptable Here---------|"), ladder);
    assertEquals(11, ladder.lines().count(), ladder);
  }

  @Test
  void german_report_renders_too() {
    Cli cli = Cli.run("analyze", lab("ack-lost-private-contact"), "--format", "md", "--lang", "de");
    RenderedMarkdown md = new RenderedMarkdown(cli.out());
    assertEquals(List.of("Befunde", "Nachrichtenfluss der gescheiterten Anrufe"), md.headings(2));
    assertEquals("Anruf 1: bob → alice, angenommen (200)", md.headings(3).get(0));
    assertTrue(md.cells().containsAll(List.of("Eingaben", "Nicht angenommen", "Hinweise")));
    // the ladder of a call with many retransmissions is cut, saying how to see it whole
    String ladder = md.codeBlocks().get(0);
    assertTrue(
        ladder.endsWith("… 23 weitere Nachricht(en): voipdoc flow --call 1 zeigt alle\n"), ladder);
  }

  @Test
  void a_healthy_capture_says_so() {
    // both capture points, so that the audio is in the captures too
    String bob = Cli.root().resolve("lab/direct-call/bob.pcapng").toString();
    Cli cli = Cli.run("analyze", lab("direct-call"), bob, "--format", "md", "--lang", "en");
    RenderedMarkdown md = new RenderedMarkdown(cli.out());
    assertEquals(List.of("Findings"), md.headings(2));
    assertTrue(RenderedMarkdown.text(md.document).contains("No known failure pattern found"));
    assertTrue(md.codeBlocks().isEmpty());
  }

  @Test
  void lab_reports_contain_no_html_or_links() {
    for (String scenario : List.of("sdp-rejected-488", "toll-fraud-scan", "acl-rejected-403")) {
      RenderedMarkdown md =
          new RenderedMarkdown(Cli.run("analyze", lab(scenario), "--format", "md").out());
      assertTrue(
          md.nodes().stream()
              .noneMatch(n -> n instanceof HtmlBlock || n instanceof HtmlInline || n instanceof Link),
          scenario);
    }
  }

  @Test
  void markdown_is_only_for_analyze() {
    for (String command : List.of("calls", "streams", "info")) {
      Cli cli = Cli.run(command, lab("direct-call"), "--format", "md");
      assertEquals(ExitCode.USAGE, cli.exitCode(), command);
      assertTrue(cli.err().startsWith("voipdoc: --format md is not available for '" + command + "'"), cli.err());
      assertEquals("", cli.out());
    }
  }
}
