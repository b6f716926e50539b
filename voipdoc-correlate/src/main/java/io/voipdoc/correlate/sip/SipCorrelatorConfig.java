package io.voipdoc.correlate.sip;

import java.util.List;

/**
 * Limits and time windows of {@link SipCorrelator}. All times are capture time in nanoseconds.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code transactionTimeoutNanos}</td><td>32 s ({@link #TIMER_B_NANOS})</td>
 *       <td>RFC 3261 timer B/F = 64*T1: an INVITE without a final response after this has timed
 *       out</td></tr>
 *   <tr><td>{@code callLingerNanos}</td><td>5 s</td>
 *       <td>after all legs ended, wait for late retransmissions (200 to BYE, ACK) before the call
 *       is handed out</td></tr>
 *   <tr><td>{@code authRetryNanos}</td><td>64 s</td>
 *       <td>after a 401/407 to an INVITE, how long the call waits for the retry with credentials
 *       (the same Call-ID; a person may be typing a password)</td></tr>
 *   <tr><td>{@code idleTimeoutNanos}</td><td>2 h</td>
 *       <td>a call without any SIP message for this long is handed out as it stands (a lost BYE
 *       would otherwise keep it forever)</td></tr>
 *   <tr><td>{@code registrationIdleNanos}</td><td>2 h</td>
 *       <td>a registration without REGISTER for this long is handed out</td></tr>
 *   <tr><td>{@code legLinkWindowNanos}</td><td>2 s</td>
 *       <td>the heuristic links a B2BUA's outgoing INVITE to an incoming one only when it starts
 *       this soon after it</td></tr>
 *   <tr><td>{@code maxCalls}</td><td>{@value #DEFAULT_MAX_CALLS}</td>
 *       <td>calls held at once; beyond it the oldest is handed out early</td></tr>
 *   <tr><td>{@code maxRegistrations}</td><td>{@value #DEFAULT_MAX_REGISTRATIONS}</td>
 *       <td>registrations held at once; beyond it the oldest is handed out early</td></tr>
 *   <tr><td>{@code maxEventsPerLeg}</td><td>{@value #DEFAULT_MAX_EVENTS_PER_LEG}</td>
 *       <td>messages kept per leg or registration (a REGISTER flood or a looping call must not
 *       grow without bound); later ones are counted only</td></tr>
 *   <tr><td>{@code maxLinkCandidates}</td><td>{@value #DEFAULT_MAX_LINK_CANDIDATES}</td>
 *       <td>recent legs the heuristic compares a new leg with</td></tr>
 *   <tr><td>{@code correlationHeaders}</td><td>X-Call-ID, X-CID</td>
 *       <td>headers whose value names the Call-ID of another leg; add the one your B2BUA sets</td></tr>
 *   <tr><td>{@code sessionDescriptions}</td><td>true</td>
 *       <td>whether SDP bodies are decoded into the model: each dialog's offer and answer, hold
 *       and resume, the one-line summary on each message. A consumer that shows none of it (the
 *       calls table) turns it off, which saves about a fifth of the work on signalling; the SDP
 *       sink then gets nothing, and the offer of a leg's first INVITE is decoded only when the
 *       leg-linking heuristic compares it with another leg's</td></tr>
 * </table>
 *
 * @param transactionTimeoutNanos when an INVITE without final response counts as timed out
 * @param callLingerNanos how long an ended call is kept for late messages
 * @param authRetryNanos how long a challenged call waits for the retry
 * @param idleTimeoutNanos when a silent call is handed out
 * @param registrationIdleNanos when a silent registration is handed out
 * @param legLinkWindowNanos the heuristic's window between the two INVITEs
 * @param maxCalls calls held at once
 * @param maxRegistrations registrations held at once
 * @param maxEventsPerLeg messages kept per leg or registration
 * @param maxLinkCandidates recent legs compared by the heuristic
 * @param correlationHeaders header names whose value is another leg's Call-ID
 * @param sessionDescriptions whether SDP bodies are decoded into the model
 */
public record SipCorrelatorConfig(
    long transactionTimeoutNanos,
    long callLingerNanos,
    long authRetryNanos,
    long idleTimeoutNanos,
    long registrationIdleNanos,
    long legLinkWindowNanos,
    int maxCalls,
    int maxRegistrations,
    int maxEventsPerLeg,
    int maxLinkCandidates,
    List<String> correlationHeaders,
    boolean sessionDescriptions) {

  /** RFC 3261 §17.1.1.2: timer B = 64*T1 with T1 = 500 ms. */
  public static final long TIMER_B_NANOS = 32_000_000_000L;

  public static final long DEFAULT_CALL_LINGER_NANOS = 5_000_000_000L;
  public static final long DEFAULT_AUTH_RETRY_NANOS = 64_000_000_000L;
  public static final long DEFAULT_IDLE_TIMEOUT_NANOS = 7_200_000_000_000L;
  public static final long DEFAULT_LEG_LINK_WINDOW_NANOS = 2_000_000_000L;
  public static final int DEFAULT_MAX_CALLS = 100_000;
  public static final int DEFAULT_MAX_REGISTRATIONS = 100_000;
  public static final int DEFAULT_MAX_EVENTS_PER_LEG = 10_000;
  public static final int DEFAULT_MAX_LINK_CANDIDATES = 256;
  public static final List<String> DEFAULT_CORRELATION_HEADERS = List.of("X-Call-ID", "X-CID");

  /** The defaults of the table above. */
  public static final SipCorrelatorConfig DEFAULTS =
      new SipCorrelatorConfig(
          TIMER_B_NANOS,
          DEFAULT_CALL_LINGER_NANOS,
          DEFAULT_AUTH_RETRY_NANOS,
          DEFAULT_IDLE_TIMEOUT_NANOS,
          DEFAULT_IDLE_TIMEOUT_NANOS,
          DEFAULT_LEG_LINK_WINDOW_NANOS,
          DEFAULT_MAX_CALLS,
          DEFAULT_MAX_REGISTRATIONS,
          DEFAULT_MAX_EVENTS_PER_LEG,
          DEFAULT_MAX_LINK_CANDIDATES,
          DEFAULT_CORRELATION_HEADERS,
          true);

  public SipCorrelatorConfig {
    correlationHeaders = List.copyOf(correlationHeaders);
    if (maxCalls < 1 || maxRegistrations < 1 || maxEventsPerLeg < 1 || maxLinkCandidates < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** These settings with one more correlation header (e.g. the one a B2BUA is set up to add). */
  public SipCorrelatorConfig withCorrelationHeader(String name) {
    List<String> names = new java.util.ArrayList<>(correlationHeaders);
    names.add(name);
    return with(names, sessionDescriptions);
  }

  /** These settings with SDP bodies left aside (see the table above). */
  public SipCorrelatorConfig withoutSessionDescriptions() {
    return with(correlationHeaders, false);
  }

  private SipCorrelatorConfig with(List<String> headers, boolean sdp) {
    return new SipCorrelatorConfig(
        transactionTimeoutNanos,
        callLingerNanos,
        authRetryNanos,
        idleTimeoutNanos,
        registrationIdleNanos,
        legLinkWindowNanos,
        maxCalls,
        maxRegistrations,
        maxEventsPerLeg,
        maxLinkCandidates,
        headers,
        sdp);
  }
}
