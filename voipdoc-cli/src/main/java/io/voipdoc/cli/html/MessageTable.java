package io.voipdoc.cli.html;

import io.voipdoc.cli.Messages;
import io.voipdoc.cli.Secrets;
import io.voipdoc.correlate.sip.SipEvent;
import org.jspecify.annotations.Nullable;

/**
 * A table of SIP messages: time, frame, sender and receiver, first line; each row opens to the
 * facts voipdoc read from the message and its full text, with credentials masked by {@link
 * Secrets}.
 */
final class MessageTable {
  private final SipTexts texts;
  private final Secrets secrets;
  private final Messages m;

  MessageTable(SipTexts texts, Secrets secrets, Messages m) {
    this.texts = texts;
    this.secrets = secrets;
    this.m = m;
  }

  void open(Html h) {
    h.open("table", "class", "grid messages").open("thead").open("tr");
    for (String k : new String[] {"html.msg.time", "html.msg.frame", "html.msg.from_to", "html.msg.message"}) {
      h.element("th", m.text(k));
    }
    h.close("tr").close("thead").open("tbody");
  }

  void close(Html h) {
    h.close("tbody").close("table");
  }

  /** A message; {@code repeats} above 1 says it was sent again until {@code lastNanos}. */
  void row(Html h, SipEvent e, @Nullable String anchor, @Nullable String cls, long startNanos, int repeats, long lastNanos) {
    h.open("tr", "id", anchor, "class", cls);
    h.element("td", Charts.offset(e.timeNanos() - startNanos, m), "class", "num");
    h.element("td", m.text("html.frame_in", e.frame().number(), HtmlReport.fileName(e.frame().input())), "class", "frame");
    h.element("td", e.source().hostPort() + " → " + e.destination().hostPort(), "class", "mono");
    h.open("td");
    h.open("details", "class", "msg");
    h.open("summary").text(Html.clip(e.firstLine(), 160));
    if (repeats > 1) {
      String times =
          lastNanos > e.timeNanos()
              ? m.text("html.repeats", repeats, (lastNanos - e.timeNanos()) / 1e9)
              : m.text("html.sent_times", repeats);
      h.element("span", times, "class", "pill repeat");
    }
    h.close("summary");
    h.open("dl", "class", "facts");
    fact(h, "html.msg.agent", e.userAgent());
    fact(h, "html.msg.contact", e.contact());
    fact(h, "html.msg.via", e.viaSentBy());
    fact(h, "html.msg.sdp", e.sdp());
    h.close("dl");
    String text = texts.text(e.frame());
    if (text == null) {
      h.element("p", m.text("html.msg.not_kept"), "class", "note");
    } else {
      // SIP lines end in CR LF; a bare CR elsewhere stays visible as \x0D
      h.element("pre", secrets.message(text).replace("\r\n", "\n"), "class", "sip");
    }
    HtmlReport.filter(h, "frame.number == " + e.frame().number(), m);
    h.close("details");
    h.close("td");
    h.close("tr");
  }

  private void fact(Html h, String key, @Nullable String value) {
    if (value != null) {
      h.element("dt", m.text(key));
      h.element("dd", Html.clip(value, 2000));
    }
  }
}
