package io.voipdoc.correlate.points;

import io.voipdoc.capture.FrameRef;
import org.jspecify.annotations.Nullable;

/**
 * One field of one SIP message that differs between two capture points although the message is
 * the same hop (same Call-ID, CSeq, top Via branch and method or status): something between the
 * points rewrote the SIP text, as a SIP ALG does.
 *
 * @param callId the Call-ID
 * @param method the request's method, or the method of a response's CSeq
 * @param status a response's status code, or -1 for a request
 * @param viaBranch the top Via's branch parameter
 * @param from the point that saw the message first (as its sender wrote it)
 * @param to the point that saw it next (rewritten)
 * @param atFrom the message at {@code from}
 * @param atTo the message at {@code to}
 * @param field {@code Via} (top sent-by), {@code Contact} (first URI), or an SDP line type such as
 *     {@code SDP c=}, {@code SDP o=}, {@code SDP m=}
 * @param before the value at {@code from}, null when absent
 * @param after the value at {@code to}, null when absent
 */
public record SipChange(
    String callId,
    String method,
    int status,
    String viaBranch,
    String from,
    String to,
    FrameRef atFrom,
    FrameRef atTo,
    String field,
    @Nullable String before,
    @Nullable String after) {

  /** Whether the message is a request. */
  public boolean isRequest() {
    return status < 0;
  }
}
