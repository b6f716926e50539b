package io.voipdoc.cli.html;

import io.voipdoc.capture.FrameRef;
import org.jspecify.annotations.Nullable;

/**
 * One arrow of a ladder diagram: a SIP message (with its retransmissions folded in), a STUN check
 * or its answer, or the start of an RTP stream.
 *
 * @param kind what the arrow shows, which decides how it is drawn
 * @param frame the first frame it stands for
 * @param timeNanos when it was first seen
 * @param lastNanos when the last repeat was seen
 * @param from the sender's host column
 * @param to the receiver's host column
 * @param label the text on the arrow
 * @param leg index of the call leg (colour), 0 for the first
 * @param repeats how often it was seen (1 without retransmissions)
 * @param anchor id of the message's row in the message table, or null
 */
record LadderRow(
    Kind kind,
    FrameRef frame,
    long timeNanos,
    long lastNanos,
    String from,
    String to,
    String label,
    int leg,
    int repeats,
    @Nullable String anchor) {

  /** What an arrow stands for. */
  enum Kind {
    SIP,
    SIP_ERROR,
    STUN_CHECK,
    STUN_UNANSWERED,
    STUN_SUCCESS,
    STUN_ERROR,
    RTP
  }

  LadderRow repeated(long nanos) {
    return new LadderRow(kind, frame, timeNanos, nanos, from, to, label, leg, repeats + 1, anchor);
  }
}
