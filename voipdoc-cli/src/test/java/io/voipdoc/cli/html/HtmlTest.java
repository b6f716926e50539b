package io.voipdoc.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one escaping function of the HTML report. */
class HtmlTest {

  @Test
  void markupCharactersBecomeEntities() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;", Html.escape("<a href=\"x\" title='y'>&amp;"));
  }

  @Test
  void controlAndDirectionCharactersBecomeVisible() {
    assertEquals("\\x1B[31m \\x00 \\x7F \\u0085 \\u202E \\u2066 \\u200F \\uFFFE", Html.escape("\u001b[31m \u0000 \u007f \u0085 \u202e \u2066 \u200f \ufffe"));
    assertEquals("tab\tand\nnewline stay", Html.escape("tab\tand\nnewline stay"));
  }

  @Test
  void unpairedSurrogatesAreReplacedPairsKept() {
    assertEquals("\uFFFDx\uFFFD \uD83D\uDCDE", Html.escape("\uD800x\uDC00 \uD83D\uDCDE"));
  }

  @Test
  void attributesAreQuotedAndEscaped() {
    assertEquals("<td title=\"&quot;&gt;&lt;img onerror=x&gt;\">&lt;b&gt;</td>",
        new Html().element("td", "<b>", "title", "\"><img onerror=x>", "class", null).toString());
  }

  @Test
  void clipCutsWithEllipsisAndKeepsSurrogatePairsWhole() {
    assertEquals("abc", Html.clip("abc", 3));
    assertEquals("ab…", Html.clip("abcd", 3));
    assertEquals("a…", Html.clip("a\uD83D\uDCDEb", 2));
    assertEquals("", Html.clip(null, 3));
  }
}
