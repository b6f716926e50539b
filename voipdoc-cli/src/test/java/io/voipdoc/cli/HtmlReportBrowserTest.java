package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of lab captures, rendered in headless Chromium: no console errors, no network
 * request but the page itself, and the ladder, plots and tables are there; search, filters and
 * paging work. Screenshots of a failing call go to {@code target/screenshots}, and to {@code
 * docs/img} with {@code -Dvoipdoc.updateScreenshots=true}.
 */
class HtmlReportBrowserTest {
  private static Chromium browser;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    browser = Chromium.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  private static Path render(String name, String... captures) {
    Path out = dir.resolve(name + ".html");
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "html", "-o", out.toString()));
    for (String c : captures) {
      args.add(Cli.root().resolve(c).toString());
    }
    Cli r = Cli.run(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertEquals("", r.out(), "the report goes to the file");
    return out;
  }

  /** Opens the page and checks that it loaded nothing and logged no error. */
  private static void open(Path page, int width, int height) throws Exception {
    browser.open(page.toUri(), width, height);
    assertEquals(List.of(), browser.errors(), "console and log errors");
    assertEquals(List.of("file://" + page.toAbsolutePath()), browser.requests(), "the page requests nothing but itself");
  }

  private static int count(String selector) throws Exception {
    return browser.eval("document.querySelectorAll(" + quote(selector) + ").length").asInt();
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @Test
  void oneWayAudioHasLadderPlotsAndTables() throws Exception {
    Path page = render("one-way-audio", "lab/one-way-audio/nat1-lan.pcapng", "lab/one-way-audio/nat1-wan.pcapng", "lab/one-way-audio/pbx.pcapng");
    open(page, 1280, 900);
    assertEquals(1, count("article.finding.error"));
    assertTrue(browser.eval("document.querySelector('article.finding .rule').textContent").asText().equals("ONE_WAY_AUDIO"));
    assertEquals(1, count("details.call"));
    assertEquals(1, count("details.call svg.ladder"));
    // hosts as columns: phone behind NAT, the NAT's public side, the PBX, the other phone
    assertEquals(4, count("svg.ladder .host"));
    String ladder = browser.eval("document.querySelector('svg.ladder').textContent").asText();
    assertTrue(ladder.contains("INVITE sip:alice"), ladder);
    assertTrue(ladder.contains("180 Ringing"), ladder);
    assertTrue(ladder.contains("RTP PCMU"), ladder);
    // three streams: each with a row in the table, a lane in the timeline and a plot
    assertEquals(3, count("table.streams tbody tr"));
    assertEquals(3, count("svg.plot"));
    assertEquals(3, count("svg.plot .jitter-line"));
    assertEquals(1, count("svg.timeline:not(.registrations)"));
    assertTrue(count("svg.timeline .flow") >= 3);
    assertEquals(2, count("table.registrations-table tbody tr"));
    assertTrue(count("button.copy") > 10);
    // a copy button puts its filter on the clipboard and says so
    browser.eval("document.querySelector('article.finding button.copy').click()");
    assertTrue(browser.eval("new Promise(r => setTimeout(() => r(document.querySelector('article.finding button.copy').classList.contains('copied')), 300))").asBoolean(),
        "the copy button confirmed");
    // the plot is drawn: the browser laid it out at its size
    assertEquals(1080, browser.eval("Math.round(document.querySelector('svg.plot').getBoundingClientRect().width)").asInt());
  }

  @Test
  void iceChecksShowInLadderAndTable() throws Exception {
    Path page = render("ice", "lab/ice-no-binding-success/nat1-wan.pcapng", "lab/ice-no-binding-success/nat2-wan.pcapng", "lab/ice-no-binding-success/pbx.pcapng");
    open(page, 1280, 900);
    // every pair both sides checked; only the two checked from 203.0.113.12 got answers
    assertEquals(8, count("table.ice-pairs tbody tr"));
    assertEquals(6, count("table.ice-pairs tbody tr.no_answer"));
    assertEquals(2, count("table.ice-pairs tbody tr.succeeded"));
    assertEquals(2, browser.eval("[...document.querySelectorAll('table.ice-pairs tr.succeeded td.mono')].filter(td => td.textContent.startsWith('203.0.113.12:')).length").asInt());
    assertTrue(count("table.ice-candidates tbody tr") >= 2);
    assertTrue(count("svg.ladder .stun-unanswered") >= 1);
  }

  @Test
  void tlsConnectionsWithTheirAlerts() throws Exception {
    Path page = render("tls", "lab/tls-wrong-certificate/pbx.pcapng");
    open(page, 1280, 900);
    int rows = count("table.tls tbody tr");
    assertTrue(rows > 0);
    assertEquals(rows, browser.eval("[...document.querySelectorAll('table.tls tbody tr')].filter(tr => tr.textContent.includes('unknown_ca') && tr.textContent.includes('pbx.lab.example')).length").asInt());
  }

  @Test
  void searchFilterAndPagingOverManyCalls() throws Exception {
    List<String> pbx = new ArrayList<>();
    try (var dirs = Files.list(Cli.root().resolve("lab"))) {
      dirs.filter(d -> Files.exists(d.resolve("pbx.pcapng"))).sorted().forEach(d -> pbx.add("lab/" + d.getFileName() + "/pbx.pcapng"));
    }
    Path page = render("many", pbx.toArray(String[]::new));
    open(page, 1280, 900);
    int calls = count("details.call");
    assertTrue(calls > 10, "calls: " + calls);
    String visible = "document.querySelectorAll('details.call:not([hidden])').length";
    assertEquals(Math.min(calls, 25), browser.eval(visible).asInt());
    browser.eval("var s=document.getElementById('page-size'); s.value='10'; s.dispatchEvent(new Event('input'))");
    assertEquals(10, browser.eval(visible).asInt());
    browser.eval("document.getElementById('page-next').click()");
    assertEquals(Math.min(10, calls - 10), browser.eval(visible).asInt());
    assertTrue(browser.eval("document.getElementById('page-info').textContent").asText().startsWith("Page 2 of "));
    // the state filter keeps exactly the calls in that state
    int rejected = count("details.call[data-state=rejected]");
    assertTrue(rejected > 0);
    browser.eval("var s=document.getElementById('call-state'); s.value='rejected'; s.dispatchEvent(new Event('input'))");
    assertEquals(Math.min(rejected, 10), browser.eval(visible).asInt());
    assertEquals(0, count("details.call:not([hidden]):not([data-state=rejected])"));
    browser.eval("var s=document.getElementById('call-state'); s.value=''; s.dispatchEvent(new Event('input'))");
    // typing a Call-ID finds that one call
    String callId = browser.eval("document.querySelectorAll('details.call')[7].querySelector('.legs .mono').textContent").asText();
    browser.eval("var s=document.getElementById('call-search'); s.value=" + quote(callId) + "; s.dispatchEvent(new Event('input'))");
    assertEquals(1, browser.eval(visible).asInt());
    assertEquals(callId, browser.eval("document.querySelector('details.call:not([hidden]) .legs .mono').textContent").asText());
    // the finding filter shows the calls with that finding only
    browser.eval("var s=document.getElementById('call-search'); s.value=''; s.dispatchEvent(new Event('input'))");
    browser.eval("var s=document.getElementById('call-finding'); s.value='SDP_REJECTED_488'; s.dispatchEvent(new Event('input'))");
    assertEquals(1, browser.eval(visible).asInt());
    assertTrue(browser.eval("document.querySelector('details.call:not([hidden])').getAttribute('data-findings')").asText().contains("SDP_REJECTED_488"));
    assertEquals(List.of(), browser.errors());
  }

  @Test
  void thousandsOfCallsStayUsable() throws Exception {
    Path capture = Cli.corpus().resolve("sip/sipnab-sipp-branch-scenario.pcapng");
    Path page = dir.resolve("thousands.html");
    Cli r = Cli.run("analyze", "--format", "html", "-o", page.toString(), capture.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    long start = System.nanoTime();
    open(page, 1280, 900);
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "opens within 20 s");
    int calls = count("details.call");
    assertEquals(1334, calls);
    String visible = "document.querySelectorAll('details.call:not([hidden])').length";
    assertEquals(25, browser.eval(visible).asInt());
    assertEquals("Page 1 of 54", browser.eval("document.getElementById('page-info').textContent").asText());
    String callId = browser.eval("document.querySelectorAll('details.call')[1000].querySelector('.legs .mono').textContent").asText();
    browser.eval("var s=document.getElementById('call-search'); s.value=" + quote(callId) + "; s.dispatchEvent(new Event('input'))");
    assertEquals(1, browser.eval(visible).asInt());
    assertEquals(List.of(), browser.errors());
  }

  @Test
  void screenshotsOfAFailingCall() throws Exception {
    Path page = render("ack-lost", "lab/ack-lost-private-contact/nat1-lan.pcapng", "lab/ack-lost-private-contact/pbx.pcapng");
    open(page, 1200, 900);
    Path target = Path.of("target/screenshots");
    JsonNode findings = browser.eval("(function(){var r=document.getElementById('findings').getBoundingClientRect();return [r.top+scrollY,r.height];})()");
    browser.screenshot(target.resolve("report-finding.png"), 0, findings.get(0).asDouble() - 16, 1200, Math.min(900, findings.get(1).asDouble() + 32));
    JsonNode call = browser.eval("(function(){var r=document.querySelector('details.call').getBoundingClientRect();return [r.top+scrollY];})()");
    browser.screenshot(target.resolve("report-ladder.png"), 0, call.get(0).asDouble() - 8, 1200, 900);
    assertTrue(Files.size(target.resolve("report-ladder.png")) > 20_000);
    assertEquals(List.of(), browser.errors());
    Path audio = render("one-way-audio-media", "lab/one-way-audio/nat1-lan.pcapng", "lab/one-way-audio/nat1-wan.pcapng", "lab/one-way-audio/pbx.pcapng");
    open(audio, 1200, 900);
    JsonNode media = browser.eval("(function(){var h=[...document.querySelectorAll('details.call h3')][1];"
        + "var f=document.querySelectorAll('figure.stream-plot')[2].getBoundingClientRect();"
        + "return [h.getBoundingClientRect().top+scrollY, f.bottom+scrollY];})()");
    browser.screenshot(target.resolve("report-media.png"), 0, media.get(0).asDouble() - 12, 1200, media.get(1).asDouble() - media.get(0).asDouble() + 24);
    if (Boolean.getBoolean("voipdoc.updateScreenshots")) {
      Path docs = Cli.root().resolve("docs/img");
      Files.createDirectories(docs);
      for (String f : new String[] {"report-finding.png", "report-ladder.png", "report-media.png"}) {
        Files.copy(target.resolve(f), docs.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    assertEquals(List.of(), browser.errors());
  }
}
