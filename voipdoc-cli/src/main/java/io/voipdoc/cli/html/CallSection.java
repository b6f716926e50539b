package io.voipdoc.cli.html;

import io.voipdoc.cli.Messages;
import io.voipdoc.cli.Secrets;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.CandidatePair;
import io.voipdoc.correlate.media.ConnectivityCheck;
import io.voipdoc.correlate.media.IceCandidate;
import io.voipdoc.correlate.media.IceSession;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.media.StunTransaction;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One call of the HTML report: a summary line that opens to its ladder diagram (SIP of every
 * leg, STUN checks and their answers, the start of each RTP stream), its media over time, a
 * table and a jitter/loss plot per stream, its ICE candidates and pairs, and every SIP message
 * in full. Retransmissions fold into one arrow with a count, and at most {@link #MAX_ROWS}
 * arrows are drawn, so long calls stay readable.
 */
final class CallSection {
  /** Most arrows in one ladder (and rows in its message table). */
  static final int MAX_ROWS = 300;

  private final Call call;
  private final Incident incident;
  private final List<Finding> findings;
  private final SipTexts texts;
  private final Secrets secrets;
  private final Messages m;
  private final String id;
  private final List<LadderRow> rows = new ArrayList<>();
  private final Map<String, SipEvent> events = new HashMap<>();
  /** Message table row of every SIP frame of the call, folded copies included. */
  private final Map<String, String> anchors = new HashMap<>();
  private int omitted;

  CallSection(Call call, Incident incident, List<Finding> findings, SipTexts texts, Secrets secrets, Messages m) {
    this.call = call;
    this.incident = incident;
    this.findings = findings;
    this.texts = texts;
    this.secrets = secrets;
    this.m = m;
    this.id = "call-" + call.index();
    collect();
  }

  private void collect() {
    List<LadderRow> all = new ArrayList<>();
    for (int leg = 0; leg < call.legs().size(); leg++) {
      CallLeg l = call.legs().get(leg);
      Map<String, Integer> firstCopy = new HashMap<>();
      for (SipEvent e : l.events()) {
        // A repeat of the same message (a retransmission, or an ACK sent again for each
        // retransmitted 200 OK) folds into the first copy's arrow. Copies in other inputs are
        // the same packets seen at another capture point: they add no arrow and no count.
        String key = e.source() + ">" + e.destination() + ">" + e.firstLine() + ">" + e.cseq();
        Integer at = firstCopy.get(key);
        if (at != null) {
          anchors.put(frameKey(e.frame()), all.get(at).anchor());
          if (all.get(at).frame().input().equals(e.frame().input())) {
            all.set(at, all.get(at).repeated(e.timeNanos()));
          }
          continue;
        }
        String anchor = id + "-m" + events.size();
        events.put(anchor, e);
        anchors.put(frameKey(e.frame()), anchor);
        firstCopy.put(key, all.size());
        LadderRow.Kind kind = e.status() >= 400 ? LadderRow.Kind.SIP_ERROR : LadderRow.Kind.SIP;
        all.add(new LadderRow(kind, e.frame(), e.timeNanos(), e.timeNanos(), host(e.source()), host(e.destination()),
            label(e), leg, 1, anchor));
      }
    }
    Map<List<Endpoint>, List<ConnectivityCheck>> pairs = new LinkedHashMap<>();
    for (ConnectivityCheck c : incident.checks()) {
      if (c.callId() != null && call.callIds().contains(c.callId())) {
        pairs.computeIfAbsent(List.of(c.source(), c.destination()), k -> new ArrayList<>()).add(c);
      }
    }
    for (List<ConnectivityCheck> checks : pairs.values()) {
      stunRows(checks, all);
    }
    for (RtpStream s : incident.streamsOf(call)) {
      String label = "RTP " + codec(s) + " · " + m.text("html.rtp_label", s.packets(), s.durationSeconds(), s.lostPercent());
      all.add(new LadderRow(LadderRow.Kind.RTP, s.firstFrame(), s.firstFrame().timestampNanos(),
          s.lastFrame().timestampNanos(), host(s.source()), host(s.destination()), label, 0, 1, null));
    }
    all.sort(Comparator.comparingLong(LadderRow::timeNanos));
    omitted = Math.max(0, all.size() - MAX_ROWS);
    rows.addAll(all.subList(0, Math.min(all.size(), MAX_ROWS)));
  }

  /** One arrow for the checks on a pair, one for the first answer. */
  private void stunRows(List<ConnectivityCheck> checks, List<LadderRow> all) {
    ConnectivityCheck first = checks.get(0);
    int requests = 0;
    ConnectivityCheck answered = null;
    boolean nominated = false;
    for (ConnectivityCheck c : checks) {
      requests += c.requests();
      nominated |= c.useCandidate();
      if (c.outcome() != StunTransaction.Outcome.NO_ANSWER && c.responseFrame() != null
          && (answered == null || c.outcome() == StunTransaction.Outcome.SUCCEEDED && answered.outcome() != StunTransaction.Outcome.SUCCEEDED)) {
        answered = c;
      }
    }
    String label = m.text("html.stun_check") + (nominated ? " USE-CANDIDATE" : "")
        + (answered == null ? " — " + m.text("html.no_answer") : "");
    String from = host(first.source());
    String to = host(first.destination());
    all.add(new LadderRow(answered == null ? LadderRow.Kind.STUN_UNANSWERED : LadderRow.Kind.STUN_CHECK,
        first.firstFrame(), first.firstFrame().timestampNanos(), first.firstFrame().timestampNanos(), from, to, label, 0,
        requests, null));
    if (answered != null && answered.responseFrame() != null) {
      boolean ok = answered.outcome() == StunTransaction.Outcome.SUCCEEDED;
      var frame = answered.responseFrame();
      all.add(new LadderRow(ok ? LadderRow.Kind.STUN_SUCCESS : LadderRow.Kind.STUN_ERROR, frame, frame.timestampNanos(),
          frame.timestampNanos(), to, from,
          ok ? m.text("html.stun_success") : m.text("html.stun_error", answered.errorCode()), 0, 1, null));
    }
  }

  /** The key of a frame in {@link #anchors()}. */
  static String frameKey(io.voipdoc.capture.FrameRef f) {
    return f.input() + "#" + f.number();
  }

  /** Per SIP frame of the call ({@link #frameKey}), the id of its row in the message table. */
  Map<String, String> anchors() {
    return anchors;
  }

  private static String host(Endpoint e) {
    return e.address().getHostAddress();
  }

  private static String label(SipEvent e) {
    return e.firstLine().replace(" SIP/2.0", "").replace("SIP/2.0 ", "");
  }

  private static String codec(RtpStream s) {
    return s.codec() == null ? "PT " + s.payloadType() : s.codec();
  }

  boolean hasFindings() {
    return !findings.isEmpty();
  }

  /** The findings' IDs, for filtering. */
  private Set<String> findingIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Finding f : findings) {
      ids.add(f.id());
    }
    return ids;
  }

  /** Lower-case text the search box matches. */
  private String searchText() {
    StringBuilder b = new StringBuilder();
    b.append(call.index()).append(' ').append(call.from()).append(' ').append(call.to());
    for (String cid : call.callIds()) {
      b.append(' ').append(cid);
    }
    for (SipEvent e : events.values()) {
      if (b.length() > 4000) {
        break;
      }
      b.append(' ').append(host(e.source())).append(' ').append(e.userAgent() == null ? "" : e.userAgent());
    }
    findingIds().forEach(f -> b.append(' ').append(f));
    return Html.clip(b.toString(), 4000).toLowerCase(Locale.ROOT);
  }

  void render(Html h, boolean open, Map<Finding, Integer> findingNumbers) {
    String state = call.state().name().toLowerCase(Locale.ROOT);
    h.open("details", "class", "call", "id", id, "data-state", state, "data-findings", String.join(" ", findingIds()),
        "data-text", searchText(), "open", open ? "" : null);
    h.open("summary");
    h.element("span", "#" + call.index(), "class", "num");
    h.element("span", HtmlReport.TIME.format(call.start()), "class", "when");
    h.open("span", "class", "who").text(Html.clip(call.from(), 60)).raw(" <span class=\"to\">→</span> ")
        .text(Html.clip(call.to(), 60)).close("span");
    h.element("span", m.text("calls.state." + state) + (call.finalStatus() > 0 ? " " + call.finalStatus() : ""),
        "class", "state " + state);
    h.element("span", m.text("html.call_facts", call.durationNanos() / 1e9, call.legs().size(), call.messages()), "class", "facts");
    for (Finding f : findings) {
      h.element("span", f.id(), "class", "badge " + f.severity().name().toLowerCase(Locale.ROOT));
    }
    h.close("summary");
    h.open("div", "class", "call-body");
    if (!findings.isEmpty()) {
      h.open("p", "class", "call-findings").text(m.text("html.see_findings") + " ");
      for (Finding f : findings) {
        h.element("a", f.id(), "href", "#finding-" + findingNumbers.get(f), "class", "badge " + f.severity().name().toLowerCase(Locale.ROOT));
      }
      h.close("p");
    }
    h.open("div", "class", "legs");
    for (int i = 0; i < call.legs().size(); i++) {
      CallLeg leg = call.legs().get(i);
      h.open("div", "class", "leg leg-" + (i % 4));
      h.element("span", m.text("html.leg", i + 1), "class", "leg-name");
      h.element("span", Html.clip(leg.callId(), 200), "class", "mono");
      h.close("div");
    }
    HtmlReport.filter(h, Filters.callIds(call.callIds()), m);
    h.close("div");
    ladder(h);
    media(h);
    ice(h);
    messages(h);
    h.close("div");
    h.close("details");
  }

  private void ladder(Html h) {
    h.element("h3", m.text("html.ladder"));
    List<String> hosts = new ArrayList<>();
    Map<String, String> agents = new HashMap<>();
    for (LadderRow r : rows) {
      if (!hosts.contains(r.from())) {
        hosts.add(r.from());
      }
      if (!hosts.contains(r.to())) {
        hosts.add(r.to());
      }
    }
    for (SipEvent e : events.values()) {
      if (e.userAgent() != null) {
        agents.merge(host(e.source()), e.userAgent(), (a, b) -> a);
      }
    }
    h.open("div", "class", "scroll");
    LadderSvg.render(h, hosts, agents, rows, call.startNanos(), m);
    h.close("div");
    if (omitted > 0) {
      h.element("p", m.text("html.rows_omitted", omitted, MAX_ROWS, call.index()), "class", "note");
    }
  }

  private void media(Html h) {
    List<RtpStream> streams = incident.streamsOf(call);
    if (streams.isEmpty()) {
      return;
    }
    h.element("h3", m.text("html.media"));
    long end = call.lastActivityNanos();
    List<Charts.Lane> lanes = new ArrayList<>();
    for (RtpStream s : streams) {
      end = Math.max(end, s.lastFrame().timestampNanos());
      lanes.add(new Charts.Lane(s.source().hostPort() + " → " + s.destination().hostPort(), s));
    }
    List<LadderRow> sip = rows.stream().filter(r -> r.anchor() != null).toList();
    h.open("div", "class", "scroll");
    Charts.timeline(h, lanes, sip, call.startNanos(), end, m);
    h.close("div");
    HtmlReport.streamTable(h, streams, m);
    for (RtpStream s : streams) {
      h.open("figure", "class", "stream-plot");
      h.element("figcaption", s.source().hostPort() + " → " + s.destination().hostPort() + " · " + s.ssrcHex() + " · " + codec(s));
      h.open("div", "class", "scroll");
      Charts.streamPlot(h, s, m);
      h.close("div");
      if (s.seriesTruncated()) {
        h.element("p", m.text("html.series_truncated"), "class", "note");
      }
      h.close("figure");
    }
  }

  private void ice(Html h) {
    IceSession ice = incident.iceOf(call);
    if (ice == null) {
      return;
    }
    h.element("h3", m.text("html.ice"));
    h.open("table", "class", "grid ice-candidates").open("thead").open("tr");
    for (String k : new String[] {"html.ice.side", "html.ice.candidate", "html.ice.type", "html.ice.component", "html.ice.priority"}) {
      h.element("th", m.text(k));
    }
    h.close("tr").close("thead").open("tbody");
    for (boolean caller : new boolean[] {true, false}) {
      for (IceCandidate c : ice.candidates(caller)) {
        h.open("tr");
        h.element("td", m.text(caller ? "html.ice.caller" : "html.ice.callee"));
        h.element("td", Html.clip(c.hostPort(), 120), "class", "mono");
        h.element("td", c.type() + (c.learned() ? " (" + m.text("html.ice.learned") + ")" : ""));
        h.element("td", Integer.toString(c.component()));
        h.element("td", Long.toString(c.priority()), "class", "num");
        h.close("tr");
      }
    }
    h.close("tbody").close("table");
    h.open("table", "class", "grid ice-pairs").open("thead").open("tr");
    for (String k : new String[] {"html.ice.pair", "html.ice.checks", "html.ice.requests", "html.ice.outcome", "html.ice.nominated", "html.filter"}) {
      h.element("th", m.text(k));
    }
    h.close("tr").close("thead").open("tbody");
    for (CandidatePair p : ice.pairs()) {
      String outcome = p.outcome().name().toLowerCase(Locale.ROOT);
      h.open("tr", "class", "pair " + outcome);
      h.element("td", p.local().hostPort() + " → " + p.remote().hostPort(), "class", "mono");
      h.element("td", Integer.toString(p.checks()), "class", "num");
      h.element("td", Integer.toString(p.requests()), "class", "num");
      h.open("td").element("span", m.text("html.ice.outcome." + outcome) + (p.errorCode() > 0 ? " " + p.errorCode() : ""), "class", "pill " + outcome).close("td");
      h.element("td", p.nominated() ? "✔" : "");
      h.open("td");
      HtmlReport.filterButton(h, Filters.stun(p.local(), p.remote()), m);
      h.close("td");
      h.close("tr");
    }
    h.close("tbody").close("table");
  }

  private void messages(Html h) {
    h.element("h3", m.text("html.messages"));
    MessageTable table = new MessageTable(texts, secrets, m);
    table.open(h);
    for (LadderRow r : rows) {
      SipEvent e = r.anchor() == null ? null : events.get(r.anchor());
      if (e != null) {
        table.row(h, e, r.anchor(), "leg-" + (r.leg() % 4), call.startNanos(), r.repeats(), r.lastNanos());
      }
    }
    table.close(h);
  }
}
