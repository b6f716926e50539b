package io.voipdoc.correlate.sip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SIP transaction (RFC 3261 §17): a request, its retransmissions and its responses. Matched by
 * the branch of the top Via and the method (§17.2.3), or for RFC 2543 peers without the magic
 * cookie by Call-ID, CSeq, From tag and top Via. The ACK to a non-2xx final response belongs to
 * the INVITE transaction; a CANCEL is a transaction of its own that points at the INVITE.
 */
public final class Transaction {
  private final String method;
  private final SipEvent request;
  private final List<SipEvent> responses = new ArrayList<>(3);
  // the To tag of each response, to tell a forked answer from a retransmission
  private final List<@Nullable String> tags = new ArrayList<>(3);
  private int requestRetransmissions;
  private int responseRetransmissions;
  private @Nullable SipEvent firstProvisional;
  private @Nullable SipEvent finalResponse;
  private @Nullable SipEvent ack;
  private @Nullable Transaction cancel;
  final String key;
  final boolean fromCaller;
  // the request's Min-SE (RFC 4028 §5) in seconds, or -1
  long requestMinSe = -1;

  Transaction(String key, SipEvent request, boolean fromCaller) {
    this.key = key;
    this.method = request.method();
    this.request = request;
    this.fromCaller = fromCaller;
  }

  /** The method of the request. */
  public String method() {
    return method;
  }

  /** The first copy of the request. */
  public SipEvent request() {
    return request;
  }

  /** Every response in order, retransmissions included (flagged). */
  public List<SipEvent> responses() {
    return Collections.unmodifiableList(responses);
  }

  /** How many times the request was sent again. */
  public int requestRetransmissions() {
    return requestRetransmissions;
  }

  /** How many responses repeated an earlier one (same status, same To tag). */
  public int responseRetransmissions() {
    return responseRetransmissions;
  }

  /** The first 1xx, or null. */
  public @Nullable SipEvent firstProvisional() {
    return firstProvisional;
  }

  /** The first final response, or null. */
  public @Nullable SipEvent finalResponse() {
    return finalResponse;
  }

  /** The final status code, or -1 without a final response. */
  public int finalStatus() {
    return finalResponse == null ? -1 : finalResponse.status();
  }

  /** For INVITE: the ACK of a non-2xx final response (same transaction, §17.1.1.3), or null. */
  public @Nullable SipEvent ack() {
    return ack;
  }

  /** For INVITE: the CANCEL transaction aimed at it, or null. */
  public @Nullable Transaction cancel() {
    return cancel;
  }

  /** Nanoseconds from the request to the first provisional response, or -1. */
  public long provisionalDelayNanos() {
    return firstProvisional == null ? -1 : firstProvisional.timeNanos() - request.timeNanos();
  }

  /** Nanoseconds from the request to the final response, or -1. */
  public long finalDelayNanos() {
    return finalResponse == null ? -1 : finalResponse.timeNanos() - request.timeNanos();
  }

  void retransmitted() {
    requestRetransmissions++;
  }

  /** Whether a response with this status and To tag repeats one already seen. */
  boolean repeats(int status, @Nullable String toTag) {
    for (int i = 0; i < responses.size(); i++) {
      if (responses.get(i).status() == status && Objects.equals(tags.get(i), toTag)) {
        return true;
      }
    }
    return false;
  }

  void respond(SipEvent response, @Nullable String toTag) {
    responses.add(response);
    tags.add(toTag);
    if (response.retransmission()) {
      responseRetransmissions++;
    } else if (response.isProvisional() && firstProvisional == null) {
      firstProvisional = response;
    } else if (response.isFinal() && finalResponse == null) {
      finalResponse = response;
    }
  }

  void ack(SipEvent a) {
    if (ack == null) {
      ack = a;
    }
  }

  void cancel(Transaction c) {
    cancel = c;
  }
}
