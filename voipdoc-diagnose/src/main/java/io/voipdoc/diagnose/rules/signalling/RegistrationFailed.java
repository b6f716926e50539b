package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.sip.RegisterAttempt;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * REGISTRATION_FAILED: the phone shows "not registered". The registration ends without a 2xx:
 *
 * <ul>
 *   <li>a challenge loop: the REGISTER that answers a 401/407 challenge (RFC 3261 §22.2, §22.3)
 *       is challenged again, so the registrar did not accept the credentials;
 *   <li>a final error such as 403 (account blocked, wrong domain) or 404 (unknown user, §10.3 step
 *       3);
 *   <li>no response to a REGISTER after the registrar had answered earlier ones (a registrar that
 *       never answers is SIGNALLING_UNREACHABLE).
 * </ul>
 *
 * <p>A single challenge answered by a REGISTER that succeeds is the normal digest exchange and is
 * not reported, nor is a registration whose last REGISTER succeeded or whose address of record
 * registered successfully afterwards under another Call-ID. Catalogue row
 * REGISTRATION_FAILED (KNOWLEDGE.md §3). Lab: {@code registration-failed}.
 */
@RuleSpec(id = "REGISTRATION_FAILED", severity = Severity.ERROR)
public final class RegistrationFailed implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    for (Registration r : incident.registrations()) {
      if (!r.attempts().isEmpty() && !recoveredLater(r, incident.registrations())) {
        judge(r, out);
      }
    }
  }

  /**
   * Whether the same address of record or the same Contact registered successfully after this
   * registration's last REGISTER: some phones start over with a new Call-ID after a failure, and
   * then the account works (seen from X-Lite 2.0 after "401 nonce has changed", which also reused
   * one Call-ID for several accounts, so the Contact of the last REGISTER is compared too).
   */
  private static boolean recoveredLater(Registration r, List<Registration> all) {
    long last = r.attempts().get(r.attempts().size() - 1).request().timeNanos();
    for (Registration other : all) {
      boolean same = other.aor().equals(r.aor())
          || (r.contact() != null && r.contact().equals(other.contact()));
      if (other == r || !same) {
        continue;
      }
      for (RegisterAttempt a : other.attempts()) {
        if (a.status() >= 200 && a.status() < 300 && a.request().timeNanos() > last) {
          return true;
        }
      }
    }
    return false;
  }

  private void judge(Registration r, Findings out) {
    List<RegisterAttempt> attempts = r.attempts();
    RegisterAttempt last = attempts.get(attempts.size() - 1);
    switch (r.outcome()) {
      case CHALLENGED -> {
        RegisterAttempt rejected = firstChallengeOfLoop(attempts);
        if (rejected != null && rejected.response() != null) {
          report(r, rejected, rejected.response(), "challenge_loop", out)
              .advice("check_credentials", user(r.aor()))
              .advice("check_server")
              .done();
        }
      }
      case FAILED -> {
        SipEvent response = last.response();
        if (response == null) {
          return;
        }
        String advice = switch (last.status()) {
          case 403 -> "forbidden";
          case 404 -> "unknown_user";
          default -> "check_server";
        };
        Findings.Builder b = report(r, last, response, "rejected", out).advice(advice, user(r.aor()));
        if (!advice.equals("check_server")) {
          b.advice("check_server");
        }
        b.done();
      }
      case NO_RESPONSE -> {
        SipEvent answered = lastResponse(attempts);
        if (answered != null) {
          // RFC 3261 §8.1.3.1: a transaction timeout counts as 408 (Request Timeout)
          SipEvent request = last.request();
          out.add(this, r.aor())
              .title(r.aor(), 408, "Request Timeout")
              .evidence(answered.frame(), "answered_before", DisplayFilter.callId(r.callId()),
                  answered.firstLine())
              .evidence(request.frame(), "no_response", DisplayFilter.callId(r.callId()),
                  request.destination(), last.retransmissions())
              .advice("check_server")
              .done();
        }
      }
      default -> { }
    }
  }

  private Findings.Builder report(
      Registration r, RegisterAttempt rejected, SipEvent response, String key, Findings out) {
    return out.add(this, r.aor())
        .title(r.aor(), response.status(), reason(response.firstLine()))
        .evidence(rejected.request().frame(), "request", DisplayFilter.callId(r.callId()),
            rejected.request().source(), rejected.request().destination())
        .evidence(response.frame(), key, DisplayFilter.callId(r.callId()), response.firstLine());
  }

  /**
   * The first challenged attempt that answered a challenge (carried credentials), when the trailing
   * attempts are all challenges: the start of the loop that never ended in success.
   */
  private static @Nullable RegisterAttempt firstChallengeOfLoop(List<RegisterAttempt> attempts) {
    int start = attempts.size() - 1;
    while (start > 0 && attempts.get(start - 1).challenged()) {
      start--;
    }
    return start + 1 < attempts.size() ? attempts.get(start + 1) : null;
  }

  private static @Nullable SipEvent lastResponse(List<RegisterAttempt> attempts) {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      SipEvent response = attempts.get(i).response();
      if (response != null) {
        return response;
      }
    }
    return null;
  }

  /** The reason phrase of a status line ({@code SIP/2.0 401 Unauthorized} → {@code Unauthorized}). */
  private static String reason(String statusLine) {
    int first = statusLine.indexOf(' ');
    int second = first < 0 ? -1 : statusLine.indexOf(' ', first + 1);
    return second < 0 ? "" : statusLine.substring(second + 1).trim();
  }

  /** The user part of an address of record, or the whole of it. */
  private static String user(String aor) {
    int colon = aor.indexOf(':');
    int at = aor.indexOf('@');
    return at > colon ? aor.substring(colon + 1, at) : aor;
  }
}
