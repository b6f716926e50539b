package io.voipdoc.cli.html;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.cli.Messages;
import io.voipdoc.cli.Secrets;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogLine;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallState;
import io.voipdoc.correlate.sip.RegisterAttempt;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.diagnose.Advice;
import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report of {@code voipdoc analyze --format html}: one self-contained page with the summary,
 * the findings with evidence, advice and Wireshark filters, every call (ladder, media timeline,
 * jitter and loss plots, ICE, messages), registrations over time, streams without a call, TLS
 * connections and the damage found in the inputs.
 *
 * <p>Everything is inline: the stylesheet and the small script (search, filters, paging, copy)
 * are read from resources beside this class, and a Content-Security-Policy admits exactly those
 * two by hash and no network source, so the page neither loads anything nor runs any other
 * script, even if a value from a capture were to slip through unescaped.
 */
public final class HtmlReport {
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  /** Calls opened on load (those with findings first); the others open on click. */
  private static final int OPEN_CALLS = 5;
  /** Registrations whose messages are listed in full. */
  private static final int MAX_REGISTRATION_DETAILS = 100;

  private static final String CSS = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  /** What the report is made of. */
  public record Input(
      Incident incident,
      List<Finding> findings,
      List<String> inputs,
      Map<String, Long> damage,
      List<String> unreadable) {}

  private final Messages m;
  private final FindingText text;
  private final SipTexts texts;
  private final Secrets secrets;

  public HtmlReport(Messages messages, FindingText text, SipTexts texts, Secrets secrets) {
    this.m = messages;
    this.text = text;
    this.texts = texts;
    this.secrets = secrets;
  }

  /** Writes the page. */
  public void write(Input in, Writer out) throws IOException {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n");
    h.open("html", "lang", m.locale().getLanguage());
    h.open("head");
    h.empty("meta", "charset", "utf-8");
    h.empty("meta", "http-equiv", "Content-Security-Policy", "content",
        "default-src 'none'; style-src '" + hash(CSS) + "'; script-src '" + hash(SCRIPT)
            + "'; img-src data:; base-uri 'none'; form-action 'none'");
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    h.empty("meta", "name", "generator", "content", "voipdoc");
    h.element("title", m.text("html.title", in.inputs().size() == 1 ? fileName(in.inputs().get(0)) : in.inputs().size() + ""));
    h.open("style").raw(CSS).close("style");
    h.close("head");
    h.open("body");
    header(h, in);
    h.open("main");
    List<CallSection> sections = new ArrayList<>();
    Map<String, String> anchors = new java.util.HashMap<>();
    for (Call c : in.incident().calls()) {
      List<Finding> of = in.findings().stream().filter(f -> callsOf(f, in.incident()).contains(c)).toList();
      CallSection section = new CallSection(c, in.incident(), of, texts, secrets, m);
      sections.add(section);
      anchors.putAll(section.anchors());
    }
    summary(h, in);
    findings(h, in, anchors);
    calls(h, in, sections);
    registrations(h, in.incident().registrations());
    otherStreams(h, in.incident());
    tls(h, in.incident().tlsConnections());
    h.close("main");
    h.open("footer").text(m.text("html.footer")).close("footer");
    h.open("script").raw(SCRIPT).close("script");
    h.close("body").close("html").raw("\n");
    out.write(h.toString());
  }

  private void header(Html h, Input in) {
    h.open("header", "class", "top");
    h.open("div", "class", "brand").element("span", "voipdoc", "class", "logo").element("span", m.text("html.heading")).close("div");
    h.open("nav");
    String[][] links = {{"summary", "html.summary"}, {"findings", "html.findings"}, {"calls", "html.calls"},
        {"registrations", "html.registrations"}, {"streams", "html.streams"}, {"connections", "html.connections"}};
    for (String[] l : links) {
      h.element("a", m.text(l[1]), "href", "#" + l[0]);
    }
    h.close("nav");
    h.close("header");
  }

  private void summary(Html h, Input in) {
    Incident inc = in.incident();
    List<Finding> fs = in.findings();
    h.open("section", "id", "summary");
    h.element("h2", m.text("html.summary"));
    h.open("div", "class", "cards");
    card(h, fs.stream().filter(f -> f.severity() == Severity.ERROR).count(), "html.card.errors", "error");
    card(h, fs.stream().filter(f -> f.severity() == Severity.WARNING).count(), "html.card.warnings", "warning");
    card(h, fs.stream().filter(f -> f.severity() == Severity.INFO).count(), "html.card.notes", "info");
    card(h, inc.calls().size(), "html.card.calls", "");
    card(h, inc.calls().stream().filter(c -> c.state() != CallState.ANSWERED).count(), "html.card.failed", "");
    card(h, inc.registrations().size(), "html.card.registrations", "");
    card(h, inc.streams().size(), "html.card.streams", "");
    h.close("div");
    h.open("table", "class", "grid inputs").open("thead").open("tr");
    h.element("th", m.text("html.input")).element("th", m.text("html.damage"));
    h.close("tr").close("thead").open("tbody");
    for (String input : in.inputs()) {
      long d = in.damage().getOrDefault(input, 0L);
      h.open("tr").element("td", Html.clip(input, 300), "class", "mono")
          .element("td", d == 0 ? m.text("html.damage.none") : m.text("html.damage.some", d), "class", d == 0 ? "" : "warn")
          .close("tr");
    }
    for (String u : in.unreadable()) {
      h.open("tr").element("td", "", "class", "mono").element("td", Html.clip(u, 500), "class", "warn").close("tr");
    }
    h.close("tbody").close("table");
    h.close("section");
  }

  private void card(Html h, long n, String key, String cls) {
    h.open("div", "class", "card " + (n > 0 ? cls : "")).element("span", Long.toString(n), "class", "n").element("span", m.text(key), "class", "what").close("div");
  }

  private void findings(Html h, Input in, Map<String, String> anchors) {
    h.open("section", "id", "findings");
    h.element("h2", m.text("html.findings"));
    if (in.findings().isEmpty()) {
      h.element("p", m.text("analyze.nothing"), "class", "ok-note");
    }
    int n = 1;
    for (Finding f : in.findings()) {
      String sev = f.severity().name().toLowerCase(Locale.ROOT);
      h.open("article", "class", "finding " + sev, "id", "finding-" + n++);
      h.open("header");
      h.element("span", m.text("analyze.severity." + sev), "class", "sev " + sev);
      h.element("span", f.id(), "class", "rule");
      for (Call c : callsOf(f, in.incident())) {
        h.element("a", m.text("html.call_link", c.index()), "href", "#call-" + c.index(), "class", "call-link");
      }
      h.close("header");
      h.element("h3", text.title(f));
      h.element("h4", m.text("html.evidence"));
      h.open("ol", "class", "evidence");
      for (Evidence e : f.evidence()) {
        h.open("li");
        FrameRef frame = e.frame();
        LogLine line = e.line();
        if (line != null) {
          String at = fileName(line.file()) + ":" + line.number();
          h.element("span", line.time() == null ? at : at + " · " + CLOCK.format(line.time()), "class", "where");
        } else if (frame != null) {
          String where = m.text("html.frame_in", frame.number(), fileName(frame.input())) + " · " + CLOCK.format(frame.instant());
          String anchor = anchors.get(CallSection.frameKey(frame));
          if (anchor == null) {
            h.element("span", where, "class", "where");
          } else {
            h.element("a", where, "class", "where", "href", "#" + anchor, "title", m.text("html.to_message"));
          }
        }
        h.element("p", text.evidence(f, e));
        if (!e.displayFilter().isEmpty()) {
          filter(h, e.displayFilter(), m);
        }
        h.close("li");
      }
      h.close("ol");
      h.element("h4", m.text("html.advice"));
      h.open("ol", "class", "advice");
      for (Advice a : f.advice()) {
        h.element("li", text.advice(f, a));
      }
      h.close("ol");
      h.close("article");
    }
    h.close("section");
  }

  private static List<Call> callsOf(Finding f, Incident incident) {
    List<Call> out = new ArrayList<>();
    for (Call c : incident.calls()) {
      if (c.callIds().stream().anyMatch(f.callIds()::contains)) {
        out.add(c);
      }
    }
    return out;
  }

  private void calls(Html h, Input in, List<CallSection> sections) {
    Incident inc = in.incident();
    h.open("section", "id", "calls");
    h.element("h2", m.text("html.calls"));
    if (inc.calls().isEmpty()) {
      h.element("p", m.text("calls.none"), "class", "note");
      h.close("section");
      return;
    }
    Map<Finding, Integer> numbers = new IdentityHashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < in.findings().size(); i++) {
      numbers.put(in.findings().get(i), i + 1);
    }
    for (Finding f : in.findings()) {
      if (!callsOf(f, inc).isEmpty()) {
        ids.add(f.id());
      }
    }
    toolbar(h, inc, ids);
    h.open("div", "id", "call-list");
    int opened = 0;
    for (CallSection section : sections) {
      boolean open = (section.hasFindings() || sections.size() == 1) && opened < OPEN_CALLS;
      opened += open ? 1 : 0;
      section.render(h, open, numbers);
    }
    h.close("div");
    h.open("div", "class", "pager");
    h.element("button", m.text("html.page.previous"), "type", "button", "id", "page-prev");
    h.element("span", "", "id", "page-info", "data-template", m.text("html.page.info"));
    h.element("button", m.text("html.page.next"), "type", "button", "id", "page-next");
    h.close("div");
    h.close("section");
  }

  private void toolbar(Html h, Incident inc, Set<String> findingIds) {
    h.open("div", "class", "toolbar");
    h.empty("input", "type", "search", "id", "call-search", "placeholder", m.text("html.search"), "aria-label", m.text("html.search"));
    h.open("select", "id", "call-state", "aria-label", m.text("html.filter.state"));
    h.element("option", m.text("html.filter.any_state"), "value", "");
    for (CallState s : CallState.values()) {
      String v = s.name().toLowerCase(Locale.ROOT);
      long n = inc.calls().stream().filter(c -> c.state() == s).count();
      if (n > 0) {
        h.element("option", m.text("calls.state." + v) + " (" + n + ")", "value", v);
      }
    }
    h.close("select");
    h.open("select", "id", "call-finding", "aria-label", m.text("html.filter.finding"));
    h.element("option", m.text("html.filter.any_finding"), "value", "");
    h.element("option", m.text("html.filter.with_finding"), "value", "*");
    h.element("option", m.text("html.filter.without_finding"), "value", "-");
    for (String id : findingIds) {
      h.element("option", id, "value", id);
    }
    h.close("select");
    h.open("select", "id", "page-size", "aria-label", m.text("html.page.size"));
    for (String s : new String[] {"10", "25", "50", "100"}) {
      h.element("option", m.text("html.page.per", s), "value", s, "selected", s.equals("25") ? "" : null);
    }
    h.close("select");
    h.element("span", "", "id", "call-count", "data-template", m.text("html.shown"));
    h.close("div");
  }

  private void registrations(Html h, List<Registration> regs) {
    h.open("section", "id", "registrations");
    h.element("h2", m.text("html.registrations"));
    if (regs.isEmpty()) {
      h.element("p", m.text("html.none"), "class", "note");
      h.close("section");
      return;
    }
    h.open("div", "class", "scroll");
    Charts.registrations(h, regs.subList(0, Math.min(regs.size(), 60)), m);
    h.close("div");
    if (regs.size() > 60) {
      h.element("p", m.text("html.lanes_omitted", regs.size() - 60), "class", "note");
    }
    h.open("table", "class", "grid registrations-table").open("thead").open("tr");
    for (String k : new String[] {"html.reg.aor", "html.reg.contact", "html.reg.outcome", "html.reg.status", "html.reg.expires", "html.reg.attempts", "html.reg.sources", "html.filter"}) {
      h.element("th", m.text(k));
    }
    h.close("tr").close("thead").open("tbody");
    for (Registration r : regs) {
      String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
      h.open("tr");
      h.element("td", Html.clip(r.aor(), 200), "class", "mono");
      h.element("td", Html.clip(r.contact(), 200), "class", "mono");
      h.open("td").element("span", m.text("html.reg.outcome." + outcome), "class", "pill " + outcome).close("td");
      h.element("td", r.finalStatus() > 0 ? Integer.toString(r.finalStatus()) : "–", "class", "num");
      h.element("td", r.expiresGranted() >= 0 ? r.expiresGranted() + " s" : "–", "class", "num");
      h.element("td", Integer.toString(r.attempts().size() + r.droppedAttempts()), "class", "num");
      StringBuilder sources = new StringBuilder();
      for (Registration.SourceSeen s : r.sources()) {
        sources.append(sources.length() == 0 ? "" : ", ").append(s.source().hostPort());
      }
      h.element("td", Html.clip(sources.toString(), 300), "class", "mono");
      h.open("td");
      filterButton(h, Filters.callIds(List.of(r.callId())), m);
      h.close("td");
      h.close("tr");
    }
    h.close("tbody").close("table");
    MessageTable table = new MessageTable(texts, secrets, m);
    for (Registration r : regs.subList(0, Math.min(regs.size(), MAX_REGISTRATION_DETAILS))) {
      h.open("details", "class", "reg-msgs");
      h.element("summary", m.text("html.reg.messages", Html.clip(r.aor(), 200), r.attempts().size()));
      table.open(h);
      long start = r.attempts().get(0).request().timeNanos();
      for (RegisterAttempt a : r.attempts().subList(0, Math.min(r.attempts().size(), CallSection.MAX_ROWS / 2))) {
        table.row(h, a.request(), null, null, start, a.retransmissions() + 1, -1);
        if (a.response() != null) {
          table.row(h, a.response(), null, null, start, 1, -1);
        }
      }
      table.close(h);
      h.close("details");
    }
    h.close("section");
  }

  private void otherStreams(Html h, Incident inc) {
    h.open("section", "id", "streams");
    h.element("h2", m.text("html.streams"));
    List<RtpStream> other = inc.streams().stream().filter(s -> s.callId() == null || inc.calls().stream().noneMatch(c -> c.callIds().contains(s.callId()))).toList();
    h.element("p", m.text("html.streams.intro", inc.streams().size() - other.size()), "class", "note");
    if (!other.isEmpty()) {
      streamTable(h, other, m);
      for (RtpStream s : other.subList(0, Math.min(other.size(), 50))) {
        h.open("figure", "class", "stream-plot");
        h.element("figcaption", s.source().hostPort() + " → " + s.destination().hostPort() + " · " + s.ssrcHex());
        h.open("div", "class", "scroll");
        Charts.streamPlot(h, s, m);
        h.close("div").close("figure");
      }
    }
    h.close("section");
  }

  private void tls(Html h, List<TlsConnectionSeen> connections) {
    h.open("section", "id", "connections");
    h.element("h2", m.text("html.connections"));
    if (connections.isEmpty()) {
      h.element("p", m.text("html.none"), "class", "note");
      h.close("section");
      return;
    }
    h.open("table", "class", "grid tls").open("thead").open("tr");
    for (String k : new String[] {"html.tls.client", "html.tls.server", "html.tls.name", "html.tls.stage", "html.tls.alerts", "html.filter"}) {
      h.element("th", m.text(k));
    }
    h.close("tr").close("thead").open("tbody");
    for (TlsConnectionSeen c : connections) {
      h.open("tr");
      h.element("td", (c.datagram() ? "DTLS " : "TLS ") + c.client().hostPort(), "class", "mono");
      h.element("td", c.server().hostPort(), "class", "mono");
      h.element("td", Html.clip(c.serverName(), 200), "class", "mono");
      h.element("td", m.text("html.tls.stage." + c.stage().name().toLowerCase(Locale.ROOT)));
      StringBuilder alerts = new StringBuilder();
      for (var a : c.alerts()) {
        String name = a.descriptionName();
        alerts.append(alerts.length() == 0 ? "" : ", ")
            .append(a.encrypted() ? m.text("html.tls.alert_encrypted") : name != null ? name : Integer.toString(a.description()));
      }
      h.element("td", Html.clip(alerts.toString(), 300), "class", c.fatalAlert() ? "warn" : null);
      h.open("td");
      filterButton(h, Filters.flow(c.client(), c.server()), m);
      h.close("td");
      h.close("tr");
    }
    h.close("tbody").close("table");
    h.close("section");
  }

  /** A table of streams: addresses, SSRC, codec, packets, loss, jitter, MOS and filter. */
  static void streamTable(Html h, List<RtpStream> streams, Messages m) {
    h.open("table", "class", "grid streams").open("thead").open("tr");
    for (String k : new String[] {"streams.src", "streams.dst", "streams.ssrc", "streams.payload", "streams.packets", "streams.lost", "streams.maxJitter", "streams.meanJitter", "html.mos", "html.filter"}) {
      h.element("th", m.text(k));
    }
    h.close("tr").close("thead").open("tbody");
    for (RtpStream s : streams) {
      h.open("tr", "class", s.lost() > 0 ? "lossy" : null);
      h.element("td", s.source().hostPort(), "class", "mono");
      h.element("td", s.destination().hostPort(), "class", "mono");
      h.element("td", s.ssrcHex(), "class", "mono");
      h.element("td", s.codec() == null ? Integer.toString(s.payloadType()) : s.codec());
      h.element("td", Long.toString(s.packets()), "class", "num");
      h.element("td", String.format(m.locale(), "%d (%.1f%%)", s.lost(), s.lostPercent()), "class", "num");
      h.element("td", String.format(m.locale(), "%.2f", s.maxJitterMs()), "class", "num");
      h.element("td", String.format(m.locale(), "%.2f", s.meanJitterMs()), "class", "num");
      h.element("td", String.format(m.locale(), "%.1f", s.mosEstimate().mos()), "class", "num");
      h.open("td");
      filterButton(h, Filters.flow(s.source(), s.destination()), m);
      h.close("td");
      h.close("tr");
    }
    h.close("tbody").close("table");
  }

  /** A copy button for a Wireshark filter, in a table cell: the filter shows on hover. */
  static void filterButton(Html h, String filter, Messages m) {
    h.element("button", m.text("html.copy_filter"), "type", "button", "class", "copy", "data-copy", filter, "title", filter);
  }

  /** A Wireshark filter with a copy button. */
  static void filter(Html h, String filter, Messages m) {
    h.open("div", "class", "wsfilter");
    h.element("code", filter);
    h.element("button", m.text("html.copy"), "type", "button", "class", "copy", "data-copy", filter, "title", m.text("html.copy.title"));
    h.close("div");
  }

  static String fileName(String input) {
    int slash = Math.max(input.lastIndexOf('/'), input.lastIndexOf('\\'));
    return slash < 0 ? input : input.substring(slash + 1);
  }

  /** A CSP source for an inline block: sha256 of its exact text. */
  private static String hash(String block) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
