package io.voipdoc.correlate.incident;

import io.voipdoc.capture.FrameRef;
import java.util.List;

/**
 * What one capture input held, as far as correlation saw it: the span of its messages, how many
 * were SIP and how many anything else (RTP, RTCP, STUN, TURN, TLS, DTLS, ICMP errors), whether any
 * packet used a loopback address, and which SIP messages the capture cut short of their length on
 * the wire (snaplen). Facts only: whether the capture was good enough is for the rules to say.
 *
 * @param input the input's display name
 * @param first the first frame that carried a recognised message
 * @param last the last frame that carried a recognised message
 * @param sipMessages SIP messages
 * @param otherMessages messages of every other recognised kind
 * @param loopbackPackets recognised packets from or to 127.0.0.0/8 or ::1
 * @param truncatedSip SIP messages whose frame was cut short of its original length
 * @param truncatedSipFrames the first {@link IncidentCorrelator#MAX_TRUNCATED_FRAMES} of those
 */
public record InputSeen(
    String input,
    FrameRef first,
    FrameRef last,
    long sipMessages,
    long otherMessages,
    long loopbackPackets,
    long truncatedSip,
    List<Cut> truncatedSipFrames) {

  /**
   * A frame cut short by the capture.
   *
   * @param frame the frame
   * @param capturedLength bytes kept in the capture
   * @param originalLength bytes the packet had on the wire
   */
  public record Cut(FrameRef frame, int capturedLength, long originalLength) {}
}
