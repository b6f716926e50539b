package io.voipdoc.correlate.sip;

/**
 * What SIP correlation could not follow. Each has a stable ID {@code sipcorr.<snake_case>}; the
 * detail of a report names the limit and the Call-ID.
 */
public enum SipCorrelationProblem {
  /** More calls at once than {@link SipCorrelatorConfig#maxCalls()}: the oldest was handed out. */
  TOO_MANY_CALLS("sipcorr.too_many_calls"),
  /** More registrations than {@link SipCorrelatorConfig#maxRegistrations()}. */
  TOO_MANY_REGISTRATIONS("sipcorr.too_many_registrations"),
  /** More out-of-dialog subscriptions than {@link SipCorrelator#MAX_SUBSCRIPTIONS}: not followed. */
  TOO_MANY_SUBSCRIPTIONS("sipcorr.too_many_subscriptions"),
  /** More OPTIONS ping pairs than {@link SipCorrelator#MAX_KEEPALIVE_PAIRS}: not followed. */
  TOO_MANY_KEEPALIVE_PAIRS("sipcorr.too_many_keepalive_pairs"),
  /** A leg or registration had more messages than {@link SipCorrelatorConfig#maxEventsPerLeg()}. */
  TOO_MANY_MESSAGES("sipcorr.too_many_messages"),
  /** A SIP message without the Call-ID, CSeq, From or Via needed to place it. */
  UNPLACEABLE_MESSAGE("sipcorr.unplaceable_message"),
  /** A response whose request is not in the capture. */
  RESPONSE_WITHOUT_REQUEST("sipcorr.response_without_request");

  private final String id;

  SipCorrelationProblem(String id) {
    this.id = id;
  }

  /** The stable ID. */
  public String id() {
    return id;
  }
}
