package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class EscapeTest {

  @Test
  void terminal_shows_controls_bidi_and_replacement_characters_as_escapes() {
    assertEquals("a\\x1b[31mb", Escape.terminal("a\u001b[31mb"));
    assertEquals("\\n\\r\\t\\x00\\x07\\x7f", Escape.terminal("\n\r\t\u0000\u0007\u007f"));
    assertEquals("\\x9b2J\\x85", Escape.terminal("\u009b2J\u0085"));
    assertEquals(
        "\\u202a\\u202e\\u2066\\u2069\\u200f\\u061c\\u2028",
        Escape.terminal("\u202a\u202e\u2066\u2069\u200f\u061c\u2028"));
    assertEquals("caf\\ufffd", Escape.terminal("caf\ufffd"));
  }

  @Test
  void terminal_leaves_ordinary_text_alone() {
    String s = "Anruf 1: bob → alice, Grüße 日本 ☎ <b>|`";
    assertSame(s, Escape.terminal(s));
  }

  @Test
  void markdown_escapes_markup_and_html() {
    assertEquals("\\<script\\>x\\</script\\>", Escape.markdown("<script>x</script>"));
    assertEquals("a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g)", Escape.markdown("a|b `c` *d* _e_ [f](g)"));
    assertEquals("\\&amp; \\~\\~s\\~\\~ \\!\\[i\\]", Escape.markdown("&amp; ~~s~~ ![i]"));
    assertEquals("\\# h", Escape.markdown("# h"));
    assertEquals("\\- item", Escape.markdown("- item"));
    assertEquals("12\\. item", Escape.markdown("12. item"));
    assertEquals("a - b. c", Escape.markdown("a - b. c"));
    assertEquals("12\\)", Escape.markdown("12)"));
    assertEquals("\\===", Escape.markdown("==="));
    assertEquals("203.0.113.20 -x +1", Escape.markdown("203.0.113.20 -x +1"));
    assertEquals("-x", Escape.markdown("-x"));
    assertEquals("\\\\x1b\\[0m", Escape.markdown("\u001b[0m"));
  }

  @Test
  void code_blocks_and_spans_cannot_be_closed_by_their_content() {
    assertEquals("```text\nplain\n```\n", Escape.fence("plain\n", "text"));
    assertEquals("`````\na ```` b\n`````\n", Escape.fence("a ```` b", ""));
    assertEquals("`frame.number == 1`", Escape.code("frame.number == 1"));
    assertEquals("``a`b``", Escape.code("a`b"));
    assertEquals("`` `x ``", Escape.code("`x"));
    assertEquals("`\\x1b`", Escape.code("\u001b"));
  }

  @Test
  void shorten_marks_the_cut() {
    assertEquals("abc", Escape.shorten("abc", 3));
    assertEquals("ab…", Escape.shorten("abcd", 3));
  }
}
