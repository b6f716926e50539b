package io.voipdoc.correlate.sip;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * One SIP message as the model keeps it: where to find it again, who sent it to whom, its first
 * line and the facts needed to place it.
 *
 * @param frame the frame that carried it (for TCP: the segment that completed it)
 * @param timeNanos capture time in nanoseconds since the Unix epoch
 * @param source sender
 * @param destination receiver
 * @param firstLine the request line or status line as sent
 * @param method the request's method, or for a response the method in its CSeq
 * @param status the status code of a response, or -1 for a request
 * @param cseq the CSeq number, or -1 when unreadable
 * @param callId the Call-ID
 * @param sdp a one-line summary of its SDP body, or null without one (or when the correlator
 *     leaves SDP aside, {@link SipCorrelatorConfig#sessionDescriptions()})
 * @param retransmission whether it repeats an earlier message of the same transaction
 * @param userAgent the User-Agent header of a request or the Server header of a response (RFC
 *     3261 §20.41, §20.35), or null without one
 * @param viaSentBy the top Via's sent-by as written ({@code host} or {@code host:port}, RFC 3261
 *     §20.42), or null without a Via
 * @param viaBranch the top Via's branch parameter, or null
 * @param contact the first Contact URI as written (RFC 3261 §20.10), or null without one
 * @param contentLength the Content-Length as declared (RFC 3261 §20.14), or -1 when absent,
 *     invalid, or framed by a stream (where it cannot disagree with the body)
 * @param bodyBytes on a datagram, the bytes after the header section, or the declared length when
 *     only whitespace follows it (padding, §18.3); -1 on streams
 */
public record SipEvent(
    FrameRef frame,
    long timeNanos,
    Endpoint source,
    Endpoint destination,
    String firstLine,
    String method,
    int status,
    long cseq,
    String callId,
    @Nullable String sdp,
    boolean retransmission,
    @Nullable String userAgent,
    @Nullable String viaSentBy,
    @Nullable String viaBranch,
    @Nullable String contact,
    int contentLength,
    int bodyBytes) {


  /**
   * Whether Content-Length disagrees with the bytes a datagram carried: larger than the body, or
   * smaller with more than whitespace after it (RFC 3261 §18.3).
   */
  public boolean contentLengthMismatch() {
    return contentLength >= 0 && bodyBytes >= 0 && contentLength != bodyBytes;
  }

  /** Whether this is a request. */
  public boolean isRequest() {
    return status < 0;
  }

  /** Whether this is a provisional (1xx) response. */
  public boolean isProvisional() {
    return status >= 100 && status < 200;
  }

  /** Whether this is a final (2xx..6xx) response. */
  public boolean isFinal() {
    return status >= 200;
  }
}
