package io.voipdoc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A Markdown report as a renderer (CommonMark with GitHub tables) sees it. */
final class RenderedMarkdown {
  private static final Set<org.commonmark.Extension> EXTENSIONS = Set.of(TablesExtension.create());

  final Node document;
  final String html;

  RenderedMarkdown(String markdown) {
    document = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
    html = HtmlRenderer.builder().extensions(EXTENSIONS).build().render(document);
  }

  /** Every node of the document, depth first. */
  List<Node> nodes() {
    List<Node> all = new ArrayList<>();
    collect(document, all);
    return all;
  }

  private static void collect(Node n, List<Node> all) {
    all.add(n);
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      collect(c, all);
    }
  }

  /** The plain text of a node: its text and code, as a reader sees it. */
  static String text(Node n) {
    StringBuilder b = new StringBuilder();
    List<Node> all = new ArrayList<>();
    collect(n, all);
    for (Node x : all) {
      if (x instanceof Text t) {
        b.append(t.getLiteral());
      } else if (x instanceof Code c) {
        b.append(c.getLiteral());
      }
    }
    return b.toString();
  }

  /** The text of the headings of {@code level}. */
  List<String> headings(int level) {
    List<String> out = new ArrayList<>();
    for (Node n : nodes()) {
      if (n instanceof Heading h && h.getLevel() == level) {
        out.add(text(h));
      }
    }
    return out;
  }

  /** The text of every table cell, row by row. */
  List<String> cells() {
    List<String> out = new ArrayList<>();
    for (Node n : nodes()) {
      if (n instanceof TableCell c) {
        out.add(text(c));
      }
    }
    return out;
  }

  long tables() {
    return nodes().stream().filter(n -> n instanceof TableBlock).count();
  }

  /** The content of the fenced code blocks. */
  List<String> codeBlocks() {
    List<String> out = new ArrayList<>();
    for (Node n : nodes()) {
      if (n instanceof FencedCodeBlock f) {
        out.add(f.getLiteral());
      }
    }
    return out;
  }
}
