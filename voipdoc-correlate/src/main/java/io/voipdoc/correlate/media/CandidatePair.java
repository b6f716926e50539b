package io.voipdoc.correlate.media;

import io.voipdoc.correlate.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * A pair of candidates as its checks show it (RFC 8445 §6.1.2): from the checking side's address
 * to the peer's, with the best outcome of its checks.
 *
 * @param local the side that sent the checks
 * @param remote the side checked
 * @param fromCaller whether the caller sent the checks, or null without a call
 * @param checks transactions on this pair
 * @param requests requests including retransmissions
 * @param outcome SUCCEEDED if any check succeeded, else FAILED if any error came back, else
 *     NO_ANSWER
 * @param errorCode the last error code, or -1
 * @param nominated whether a check with USE-CANDIDATE succeeded on it
 */
public record CandidatePair(
    Endpoint local,
    Endpoint remote,
    @Nullable Boolean fromCaller,
    int checks,
    int requests,
    StunTransaction.Outcome outcome,
    int errorCode,
    boolean nominated) {}
