package io.voipdoc.correlate.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A call transfer request (REFER, RFC 3515) in a dialog and what became of it: the response to the
 * REFER and the progress the NOTIFYs report (their {@code message/sipfrag} bodies carry the status
 * line of the transferred call, §2.4.5).
 */
public final class Refer {
  private final SipEvent request;
  private final Party by;
  private final @Nullable String referTo;
  private int status = -1;
  private final List<Integer> notified = new ArrayList<>(2);

  Refer(SipEvent request, Party by, @Nullable String referTo) {
    this.request = request;
    this.by = by;
    this.referTo = referTo;
  }

  /** The REFER request. */
  public SipEvent request() {
    return request;
  }

  /** Who asked for the transfer. */
  public Party by() {
    return by;
  }

  /** The Refer-To target, or null when absent. */
  public @Nullable String referTo() {
    return referTo;
  }

  /** The final status of the REFER (202 accepted), or -1 without one. */
  public int status() {
    return status;
  }

  /** The status codes the NOTIFYs reported from their sipfrag bodies, in order. */
  public List<Integer> notifiedStatuses() {
    return Collections.unmodifiableList(notified);
  }

  /** The last status a NOTIFY reported, or -1 when none did. */
  public int outcome() {
    return notified.isEmpty() ? -1 : notified.get(notified.size() - 1);
  }

  void status(int code) {
    status = code;
  }

  void notified(int code) {
    notified.add(code);
  }
}
