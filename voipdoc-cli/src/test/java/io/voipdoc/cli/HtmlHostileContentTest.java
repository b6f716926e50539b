package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.testkit.CaptureBuilder;
import io.voipdoc.testkit.Packets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP from a hostile sender cannot change the HTML report: markup, attribute breakers, 10 kB
 * values, terminal escape sequences, bidirectional overrides and invalid UTF-8 in the display
 * name, User-Agent, URIs, Call-ID, Contact and SDP all end up as text. The capture is synthetic
 * (built with the testkit) because no real phone sends such messages on purpose; the report is
 * parsed with jsoup, a real HTML parser, and every element and attribute is checked against what
 * the renderer itself writes.
 */
class HtmlHostileContentTest {
  private static final String SECRET = "6629fae49393a05397450978507c4ef1";
  private static final String LONG = "A".repeat(10_000);
  private static final String CALL_ID = "x\"><script>alert(4)</script>@evil";
  /** Tags the renderer writes; anything else came from the capture. */
  private static final Set<String> TAGS =
      Set.of("html", "head", "meta", "title", "style", "body", "header", "div", "span", "nav", "a", "main",
          "section", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "p", "article", "ol", "li",
          "code", "button", "details", "summary", "input", "select", "option", "svg", "g", "rect", "text",
          "line", "path", "tspan", "circle", "figure", "figcaption", "dl", "dt", "dd", "pre", "footer",
          "script", "#root");
  private static final Set<String> ATTRIBUTES =
      Set.of("lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "title", "type", "value",
          "selected", "placeholder", "aria-label", "data-copy", "data-state", "data-findings", "data-text",
          "data-template", "open", "xmlns", "width", "height", "viewbox", "role", "x", "y", "x1", "x2", "y1", "y2",
          "rx", "d", "fill", "stroke", "cx", "cy", "r");

  @TempDir static Path dir;
  private static Path capture;

  @BeforeAll
  static void build() throws IOException {
    capture = CaptureBuilder.toFile(dir.resolve("hostile.pcap"), HtmlHostileContentTest::recipe);
  }

  private static byte[] sip(String... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (String p : parts) {
      b.writeBytes(p.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  /** Appends bytes that are not valid UTF-8 (a lone lead byte, 0xFF) to {@code text}. */
  private static byte[] invalidUtf8(String before, String after) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    b.write(0xC3);
    b.write(0x28);
    b.write(0xFF);
    b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  private static void recipe(ByteArrayOutputStream out) throws IOException {
    long t = 1_764_000_000_000_000_000L;
    String agent = "<script>document.title='owned'</script>\u001b[31mred\u001b[0m \u202Egnp.exe \"><svg onload=alert(3)> " + LONG;
    String sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=<iframe src=//evil.example>\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
        + "m=audio 4000 RTP/AVP 0\r\na=tool:\"><script>alert(6)</script>\r\na=rtpmap:0 PCMU/8000\r\n";
    String common = "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1\r\n"
        + "From: \"<script>alert(1)</script>\u202E\" <sip:\"><img src=x onerror=alert(2)>@example.com>;tag=a1\r\n"
        + "To: <sip:bob@example.com>\r\nCall-ID: " + CALL_ID + "\r\nMax-Forwards: 70\r\n";
    byte[] invite = sip("INVITE sip:<b>bob</b>@192.0.2.20 SIP/2.0\r\n", common, "CSeq: 1 INVITE\r\n",
        "Contact: <sip:a@192.0.2.10;x=\"><script>alert(5)</script>>\r\n", "User-Agent: ", agent, "\r\n",
        "Proxy-Authorization: Digest username=\"bob\", realm=\"x\", nonce=\"n\", uri=\"sip:bob@example.com\", response=\"", SECRET, "\"\r\n",
        "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n", sdp);
    byte[] ok = invalidUtf8("SIP/2.0 200 OK\r\n" + common.replace("To: <sip:bob@example.com>", "To: <sip:bob@example.com>;tag=b1")
        + "CSeq: 1 INVITE\r\nServer: evil", "\u0007\u0000 server\r\nContact: <sip:b@192.0.2.20>\r\nContent-Length: 0\r\n\r\n");
    String dialog = common.replace("To: <sip:bob@example.com>", "To: <sip:bob@example.com>;tag=b1");
    byte[] ack = sip("ACK sip:b@192.0.2.20 SIP/2.0\r\n", dialog, "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
    byte[] bye = sip("BYE sip:b@192.0.2.20 SIP/2.0\r\n", dialog, "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
    byte[] byeOk = sip("SIP/2.0 200 OK\r\n", dialog, "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
    CaptureBuilder c = CaptureBuilder.pcap(out, 1);
    c.packet(t, udp("192.0.2.10", "192.0.2.20", 5060, 5060, invite));
    c.packet(t + 50_000_000L, udp("192.0.2.20", "192.0.2.10", 5060, 5060, ok));
    c.packet(t + 60_000_000L, udp("192.0.2.10", "192.0.2.20", 5060, 5060, ack));
    for (int i = 0; i < 100; i++) {
      c.packet(t + 100_000_000L + i * 20_000_000L,
          udp("192.0.2.10", "192.0.2.20", 4000, 5000, Packets.rtp(0, i == 0, i, i * 160L, 0x1234, new byte[160])));
    }
    c.packet(t + 3_000_000_000L, udp("192.0.2.10", "192.0.2.20", 5060, 5060, bye));
    c.packet(t + 3_010_000_000L, udp("192.0.2.20", "192.0.2.10", 5060, 5060, byeOk));
  }

  private static byte[] udp(String src, String dst, int sport, int dport, byte[] payload) {
    return Packets.ethernet(Packets.ipv4(src, dst, 17, Packets.udp(sport, dport, payload)));
  }

  private static String report(String... extra) throws IOException {
    Path out = dir.resolve("report" + extra.length + ".html");
    String[] args = new String[5 + extra.length];
    System.arraycopy(new String[] {"analyze", "--format", "html", "-o", out.toString()}, 0, args, 0, 5);
    System.arraycopy(extra, 0, args, 5, extra.length);
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = capture.toString();
    Cli r = Cli.run(all);
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void noMarkupFromTheCapture() throws IOException {
    String html = report();
    Document doc = Jsoup.parse(html);
    // the call was understood, so the hostile values really are on the page
    assertEquals(1, doc.select("details.call").size(), "one call");
    assertEquals(1, doc.select("table.streams tbody tr").size(), "its RTP stream");
    Set<String> tags = new TreeSet<>();
    Set<String> attributes = new TreeSet<>();
    for (Element e : doc.getAllElements()) {
      tags.add(e.normalName());
      for (Attribute a : e.attributes()) {
        attributes.add(a.getKey().toLowerCase(java.util.Locale.ROOT));
      }
    }
    assertTrue(TAGS.containsAll(tags), "elements not written by the renderer: " + diff(tags, TAGS));
    assertTrue(ATTRIBUTES.containsAll(attributes), "attributes not written by the renderer: " + diff(attributes, ATTRIBUTES));
    assertEquals(1, doc.select("script").size(), "only the report's own script");
    assertTrue(doc.select("img, iframe, svg script, foreignObject").isEmpty());
    for (Element a : doc.select("a[href]")) {
      assertTrue(a.attr("href").startsWith("#"), "links stay inside the page: " + a.attr("href"));
    }
    // shown as text, not dropped
    String text = doc.text();
    assertTrue(text.contains("<script>alert(1)</script>"), "the display name is shown as text");
    assertTrue(text.contains(CALL_ID), "the Call-ID is shown as text");
    assertTrue(text.contains("\"><svg onload=alert(3)>"), "the User-Agent is shown as text");
    assertTrue(text.contains("s=<iframe src=//evil.example>"), "the SDP is shown as text");
    assertTrue(text.contains(LONG), "the full message keeps the long value");
    // the copy button carries the filter with the Call-ID quoted for Wireshark
    assertTrue(doc.select("button.copy").eachAttr("data-copy").contains("sip.Call-ID == \"x\\\"><script>alert(4)</script>@evil\""));
    assertEquals("voipdoc report: hostile.pcap", doc.title());
  }

  @Test
  void noControlOrDirectionCharacters() throws IOException {
    String html = report();
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0);
      boolean direction = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
      assertFalse(control || direction,
          String.format("U+%04X at %d: ...%s...", (int) c, i, html.substring(Math.max(0, i - 40), i)));
    }
    // they are shown as visible escapes instead
    assertTrue(html.contains("\\x1B[31mred"), "ESC made visible");
    assertTrue(html.contains("\\u202Egnp.exe"), "the right-to-left override made visible");
    assertTrue(html.contains("evil\uFFFD(\uFFFD\\x07\\x00 server"), "invalid UTF-8 replaced, control characters made visible");
  }

  @Test
  void longValuesAreCutInSummaries() throws IOException {
    Document doc = Jsoup.parse(report());
    for (Element e : doc.select("svg text, summary, td.mono, dd")) {
      assertTrue(e.text().length() <= 2100, e.normalName() + " holds " + e.text().length() + " characters");
    }
  }

  @Test
  void digestResponseIsMaskedUnlessAsked() throws IOException {
    String masked = report();
    assertFalse(masked.contains(SECRET), "the digest response is masked");
    assertTrue(masked.contains("response=&quot;********&quot;"), "and says so");
    assertTrue(masked.contains("username=&quot;bob&quot;"), "the rest of the header stays readable");
    assertTrue(report("--show-secrets").contains(SECRET), "--show-secrets shows it");
  }

  @Test
  void inertInTheBrowser() throws Exception {
    report();
    Path page = dir.resolve("report0.html");
    try (Chromium browser = Chromium.start()) {
      browser.open(page.toUri(), 1280, 900);
      // an injected img or iframe would have been requested, an injected script would have run
      assertEquals(java.util.List.of("file://" + page.toAbsolutePath()), browser.requests());
      assertEquals(java.util.List.of(), browser.errors());
      assertEquals("voipdoc report: hostile.pcap", browser.eval("document.title").asText());
      assertEquals(1, browser.eval("document.scripts.length").asInt());
      // open every message: its text is still only text
      browser.eval("document.querySelectorAll('details').forEach(d => d.open = true)");
      assertEquals(0, browser.eval("document.querySelectorAll('img, iframe, object, embed, svg script').length").asInt());
      assertTrue(browser.eval("document.body.innerText").asText().contains("<script>alert(1)</script>"));
    }
  }

  private static Set<String> diff(Set<String> have, Set<String> allowed) {
    Set<String> d = new TreeSet<>(have);
    d.removeAll(allowed);
    return d;
  }
}
