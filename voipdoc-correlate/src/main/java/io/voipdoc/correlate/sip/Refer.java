package io.voipdoc.correlate.sip;

import io.voipdoc.correlate.Endpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A call transfer request (REFER, RFC 3515) in a dialog and what became of it: the response to the
 * REFER and the progress the NOTIFYs report (their {@code message/sipfrag} bodies carry the status
 * line of the transferred call, §2.4.5). A proxy between the parties forwards the same REFER (same
 * CSeq) as a new transaction; both copies are this one transfer.
 *
 * <p>A Refer-To URI with a {@code Replaces} header (RFC 3891) asks for an attended transfer: the
 * transferee replaces the transfer target's existing dialog instead of ringing it.
 */
public final class Refer {
  /** What became of the transfer. */
  public enum Outcome {
    /** The REFER got no final response. */
    NOT_ANSWERED,
    /** The REFER was refused (final status 300 or more). */
    REJECTED,
    /** Accepted, but no NOTIFY reported a final status of the new call. */
    PENDING,
    /** A NOTIFY reported that the new call was answered (2xx). */
    COMPLETED,
    /** A NOTIFY reported that the new call failed (300 or more). */
    FAILED
  }

  private final SipEvent request;
  private final Party by;
  private final @Nullable String referTo;
  private final @Nullable String referredBy;
  private final @Nullable String replaces;
  private final List<SipEvent> copies = new ArrayList<>(2);
  private @Nullable SipEvent response;
  private final List<SipEvent> notifies = new ArrayList<>(2);
  private final List<Integer> notified = new ArrayList<>(2);
  private final List<Long> notifyCseqs = new ArrayList<>(2);
  private @Nullable String subscriptionState;
  private @Nullable CallLeg transferLeg;

  Refer(SipEvent request, Party by, @Nullable String referTo, @Nullable String referredBy) {
    this.request = request;
    this.by = by;
    this.referTo = referTo;
    this.referredBy = referredBy;
    this.replaces = referTo == null ? null : replacesCallId(referTo);
    copies.add(request);
  }

  /** The REFER request (its first copy). */
  public SipEvent request() {
    return request;
  }

  /** Every copy of the REFER: the first and those a proxy forwarded. */
  public List<SipEvent> copies() {
    return Collections.unmodifiableList(copies);
  }

  /** Who asked for the transfer. */
  public Party by() {
    return by;
  }

  /** The Refer-To target as written, or null when absent. */
  public @Nullable String referTo() {
    return referTo;
  }

  /** The user part of the Refer-To URI (the number the call is transferred to), or null. */
  public @Nullable String referToUser() {
    return referTo == null ? null : SipCorrelator.uriOf(referTo).user();
  }

  /** The Referred-By header (RFC 3892) as written, or null. */
  public @Nullable String referredBy() {
    return referredBy;
  }

  /** The Call-ID of the dialog an attended transfer replaces (Refer-To's Replaces), or null. */
  public @Nullable String replaces() {
    return replaces;
  }

  /** Whether this is an attended transfer (the Refer-To carries Replaces, RFC 3891). */
  public boolean attended() {
    return replaces != null;
  }

  /** The final status of the REFER (202 accepted), or -1 without one. */
  public int status() {
    return response == null ? -1 : response.status();
  }

  /** The first final response to the REFER, or null. */
  public @Nullable SipEvent response() {
    return response;
  }

  /** The status codes the NOTIFYs reported from their sipfrag bodies, in order. */
  public List<Integer> notifiedStatuses() {
    return Collections.unmodifiableList(notified);
  }

  /** The NOTIFYs of the transfer's implicit subscription (one per CSeq), in order. */
  public List<SipEvent> notifies() {
    return Collections.unmodifiableList(notifies);
  }

  /** The last status a NOTIFY reported, or -1 when none did. */
  public int notifiedStatus() {
    return notified.isEmpty() ? -1 : notified.get(notified.size() - 1);
  }

  /** The Subscription-State of the last NOTIFY (e.g. {@code terminated;reason=noresource}), or null. */
  public @Nullable String subscriptionState() {
    return subscriptionState;
  }

  /** What became of the transfer. */
  public Outcome outcome() {
    int status = status();
    if (status >= 300) {
      return Outcome.REJECTED;
    }
    int last = notifiedStatus();
    if (last >= 300) {
      return Outcome.FAILED;
    }
    if (last >= 200) {
      return Outcome.COMPLETED;
    }
    return status < 0 && notified.isEmpty() ? Outcome.NOT_ANSWERED : Outcome.PENDING;
  }

  /** The leg of the new call the transferee started for this transfer, or null when not seen. */
  public @Nullable CallLeg transferLeg() {
    return transferLeg;
  }

  /** Whether the REFER (a copy of it) was sent to {@code address}: the transferee's side. */
  boolean sentTo(Endpoint e) {
    for (SipEvent c : copies) {
      if (c.destination().address().equals(e.address())) {
        return true;
      }
    }
    return false;
  }

  void copy(SipEvent e) {
    copies.add(e);
  }

  void respond(SipEvent e) {
    if (response == null) {
      response = e;
    }
  }

  /** A NOTIFY with its CSeq; a proxied copy (same CSeq) counts once. */
  void notified(SipEvent e, long cseq, int code, @Nullable String state) {
    if (state != null) {
      subscriptionState = state;
    }
    if (notifyCseqs.contains(cseq)) {
      return;
    }
    notifyCseqs.add(cseq);
    notifies.add(e);
    if (code > 0) {
      notified.add(code);
    }
  }

  void transferLeg(CallLeg leg) {
    if (transferLeg == null) {
      transferLeg = leg;
    }
  }

  /**
   * The Call-ID in a Refer-To URI's Replaces header ({@code <sip:x@h?Replaces=id%40h%3Bto-tag%3D..>},
   * RFC 3891 §6.1, escaped as RFC 3261 §19.1.1 requires), or null.
   */
  static @Nullable String replacesCallId(String referTo) {
    int q = referTo.indexOf('?');
    if (q < 0) {
      return null;
    }
    int end = referTo.indexOf('>', q);
    String headers = referTo.substring(q + 1, end < 0 ? referTo.length() : end);
    for (String h : headers.split("&")) {
      if (h.regionMatches(true, 0, "Replaces=", 0, 9)) {
        String v = unescape(h.substring(9));
        int semi = v.indexOf(';');
        String id = (semi < 0 ? v : v.substring(0, semi)).trim();
        return id.isEmpty() ? null : id;
      }
    }
    return null;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
          && Character.digit(s.charAt(i + 2), 16) >= 0) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
