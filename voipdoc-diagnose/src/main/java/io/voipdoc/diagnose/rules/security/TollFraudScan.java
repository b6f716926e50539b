package io.voipdoc.diagnose.rules.security;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.SourceActivity;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * TOLL_FRAUD_SCAN: one source address probes the SIP service the way attack tools do before
 * toll fraud. Signature, per source address ({@code SourceActivity}): a scanner User-Agent
 * ({@code friendly-scanner} and {@code sipvicious} of SIPVicious, {@code sipcli}, {@code
 * VaxSIPUserAgent}, ...), or extension guessing (at least {@link #MIN_USERS} distinct user parts,
 * at least {@link #MIN_REFUSED_SHARE} of the final responses a refusal: 401/407 challenges (RFC
 * 3261 §22.3), 403, 404, 484 or 604 (§21.4.4, §21.4.5, §21.4.19, §21.6.3)), or a flood of
 * refused requests (at least {@link #MIN_BURST} requests within 10 s, refused as above), which
 * password guessing on one extension leaves.
 *
 * <p>A load test (many calls from one tool to one or two users, mostly answered), a busy trunk
 * (failures are 486/480/487, not refusals) and a phone with a wrong password (a few users, one
 * REGISTER every few seconds) do not match. One finding per source; the evidence is its first
 * request, the first requests with each user agent, sample refusals and, when one came, the 2xx
 * that let it in. Catalogue row TOLL_FRAUD_SCAN (KNOWLEDGE.md §3). Lab: {@code toll-fraud-scan}.
 */
@RuleSpec(id = "TOLL_FRAUD_SCAN", severity = Severity.WARNING)
public final class TollFraudScan implements Rule {
  /** Distinct user parts that make a list of tries extension guessing. */
  static final int MIN_USERS = 10;

  /** Share of refusals among the final responses for guessing or a flood. */
  static final double MIN_REFUSED_SHARE = 0.8;

  /** Requests within 10 s ({@link SourceActivity#BURST_WINDOW_NANOS}) that make a flood. */
  static final int MIN_BURST = 50;

  /** Refusals shown as evidence. */
  static final int SHOWN_REFUSALS = 3;

  /** User-Agent parts of attack tools, lower case (SIPVicious, sipcli, VaxSIP SDK, pplsip...). */
  static final List<String> SCANNER_AGENTS =
      List.of("friendly-scanner", "sipvicious", "sipcli", "vaxsipuseragent", "pplsip",
          "sundayddr", "iwar", "sip-scan", "sipscan");

  /** Status codes that refuse a request for who is asking or whom it names. */
  private static final Set<Integer> REFUSALS = Set.of(401, 403, 404, 407, 484, 604);

  @Override
  public void judge(Incident incident, Findings out) {
    for (SourceActivity s : incident.sources()) {
      SipEvent agent = scannerAgent(s);
      long refused = refused(s);
      boolean mostlyRefused = refused > 0 && refused >= MIN_REFUSED_SHARE * s.finalResponses();
      boolean guessing = mostlyRefused && s.users().size() >= MIN_USERS && refused >= MIN_USERS;
      boolean flood = mostlyRefused && s.busiestBurst() >= MIN_BURST && refused >= MIN_BURST;
      if (agent == null && !guessing && !flood) {
        continue;
      }
      String address = s.address().getHostAddress();
      String ip = address.indexOf(':') >= 0 ? "ipv6.src" : "ip.src";
      String users = s.users().size() + (s.moreUsers() ? "+" : "");
      SipEvent first = s.first();
      Findings.Builder f = out.add(this, address)
          .title(address, s.requests(), users, refused)
          .evidence(first.frame(), "first", frame(first), first.firstLine(), first.destination(),
              methods(s.methods()));
      if (agent != null) {
        f.evidence(agent.frame(), "user_agent", frame(agent), agent.userAgent());
      }
      if (s.users().size() >= MIN_USERS) {
        f.evidence(s.last().frame(), "users", ip + " == " + address + " && sip.Method",
            users, String.join(", ", s.users().subList(0, Math.min(5, s.users().size()))),
            sequential(s.users()));
      }
      int shown = 0;
      for (SipEvent r : s.rejections()) {
        if (REFUSALS.contains(r.status()) && shown++ < SHOWN_REFUSALS) {
          f.evidence(r.frame(), "refused", frame(r), r.firstLine(), r.method(), r.source());
        }
      }
      SipEvent accepted = s.firstAccepted();
      if (accepted != null) {
        // the scan got a call or registration through: no longer an attempt
        f.severity(Severity.ERROR);
        f.evidence(accepted.frame(), "accepted", frame(accepted), accepted.firstLine(),
            accepted.method(), accepted.source());
      }
      f.advice("block", address, first.destination().hostPort())
          .advice("restrict")
          .advice("passwords")
          .advice("rate_limit")
          .advice("spending_limit")
          .done();
    }
  }

  /** The first request whose User-Agent names an attack tool, or null. */
  private static @Nullable SipEvent scannerAgent(SourceActivity s) {
    for (SipEvent e : s.userAgents()) {
      String ua = e.userAgent() == null ? "" : e.userAgent().toLowerCase(Locale.ROOT);
      for (String scanner : SCANNER_AGENTS) {
        if (ua.contains(scanner)) {
          return e;
        }
      }
    }
    return null;
  }

  private static long refused(SourceActivity s) {
    long n = 0;
    for (Map.Entry<Integer, Long> e : s.statuses().entrySet()) {
      if (REFUSALS.contains(e.getKey())) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** How many numeric user parts were followed by the next number: the mark of counting through. */
  static int sequential(List<String> users) {
    Set<String> tried = new HashSet<>(users);
    int n = 0;
    for (String u : users) {
      if (!u.isEmpty() && u.length() < 18 && u.chars().allMatch(Character::isDigit)
          && tried.contains(Long.toString(Long.parseLong(u) + 1))) {
        n++;
      }
    }
    return n;
  }

  private static String methods(Map<String, Long> methods) {
    StringBuilder b = new StringBuilder();
    methods.forEach((m, n) -> b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(m));
    return b.toString();
  }

  private static String frame(SipEvent e) {
    return "frame.number == " + e.frame().number();
  }
}
