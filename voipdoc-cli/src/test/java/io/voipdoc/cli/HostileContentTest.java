package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture whose SIP and SDP carry escape sequences, bidirectional overrides, HTML, Markdown,
 * invalid UTF-8 and 10 kB values ({@link HostileCapture}) cannot act on the reader: the text
 * reports hold no escape sequence but the report's own colours, the Markdown report renders the
 * content as text, and the JSON keeps the values as they were.
 */
class HostileContentTest {
  /** The colours the report itself uses: Select Graphic Rendition, nothing else. */
  private static final Pattern OWN_COLOURS = Pattern.compile("\u001b\\[[0-9;]*m");

  @TempDir static Path dir;
  static String capture;

  @BeforeAll
  static void write() throws IOException {
    capture = HostileCapture.write(dir.resolve("hostile.pcap")).toString();
  }

  /** Fails when {@code out} holds a control, bidi or replacement character other than colours. */
  private static void assertInert(String out, String what) {
    String rest = OWN_COLOURS.matcher(out).replaceAll("");
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      boolean control = c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f;
      boolean bidi = c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f;
      assertFalse(
          control || bidi || c == 0xfffd,
          what + ": character U+" + Integer.toHexString(c) + " at " + i + " near "
              + rest.substring(Math.max(0, i - 40), Math.min(rest.length(), i + 10)));
    }
  }

  @Test
  void text_report_shows_the_hostile_values_escaped() {
    for (String colour : List.of("always", "never")) {
      Cli cli = Cli.run("analyze", capture, "--lang", "en", "--color", colour);
      assertEquals(0, cli.exitCode(), cli.err());
      assertInert(cli.out(), "analyze --color " + colour);
      String plain = OWN_COLOURS.matcher(cli.out()).replaceAll("");
      assertTrue(plain.contains("Call 1: mallory\\x1b[31m\\x1b]0;owned\\x07\\x1b[2J\\u202e → evil\\u202e<script>"), plain);
      assertTrue(plain.contains("\\x1b[31m\\x1b]0;owned\\x07\\x1b[2J\\u202e[click](http://evil.example)|#x`y` \\ufffd\\ufffd\\ufffd BBB"), plain);
      assertTrue(plain.contains("Call-ID: hostile-\\u202ecall\n"), plain);
      assertEquals(colour.equals("always"), cli.out().contains("\u001b[1;31mERROR\u001b[0m"));
    }
  }

  @Test
  void other_text_commands_escape_too() {
    for (List<String> args :
        List.of(
            List.of("calls", capture),
            List.of("flow", capture, "--call", "1"),
            List.of("streams", capture),
            List.of("info", capture))) {
      Cli cli = Cli.run(args.toArray(String[]::new));
      assertInert(cli.out(), args.get(0));
      assertInert(cli.err(), args.get(0));
    }
    String table = Cli.run("calls", capture).out();
    assertTrue(table.contains("mallory\\x1b[31m"), table);
    String ladder = Cli.run("flow", capture, "--call", "1").out();
    assertTrue(ladder.contains("sdp audio 192.0.2.10:40000 X\\x1b[31m"), ladder);
  }

  @Test
  void markdown_report_renders_the_hostile_values_as_text() {
    Cli cli = Cli.run("analyze", capture, "--format", "md", "--lang", "en");
    assertEquals(0, cli.exitCode(), cli.err());
    assertInert(cli.out(), "analyze --format md");
    RenderedMarkdown md = new RenderedMarkdown(cli.out());
    assertTrue(
        md.nodes().stream()
            .noneMatch(
                n ->
                    n instanceof HtmlBlock
                        || n instanceof HtmlInline
                        || n instanceof Link
                        || n instanceof Image),
        md.html);
    assertFalse(md.html.contains("<script"), "no script element");
    assertFalse(md.html.contains("<img"), "no image element");
    assertTrue(md.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the script shows as text");
    // the structure is the report's own: the values did not add headings, cells or blocks
    assertEquals(List.of("Findings", "Message flow of the failing calls"), md.headings(2));
    assertEquals(
        "Call 1: mallory\\x1b[31m\\x1b]0;owned\\x07\\x1b[2J\\u202e → evil\\u202e<script>alert(1)</script>"
            + "<img\"src=x\"onerror=alert(2)>[click](http, rejected (488)",
        md.headings(3).get(0));
    assertEquals(16, md.cells().size());
    assertEquals(1, md.codeBlocks().size());
    assertTrue(md.codeBlocks().get(0).contains("|<488 <script>alert(1)</script>"), md.codeBlocks().get(0));
  }

  @Test
  void json_keeps_the_values_as_captured() {
    Cli cli = Cli.run("analyze", capture, "--format", "json");
    var call = cli.json().get("calls").get(0);
    assertEquals("mallory\u001b[31m\u001b]0;owned\u0007\u001b[2J\u202e", call.get("from").asText());
    assertEquals("hostile-\u202ecall", cli.json().get("findings").get(0).get("callId").asText());
    assertFalse(cli.out().contains("\u001b"), "JSON escapes control characters");
  }
}
