package io.voipdoc.correlate.points;

/** The kinds of packets matched across capture points. */
public enum PacketKind {
  /** A SIP request or response: Call-ID, CSeq, top Via branch, method or status. */
  SIP,
  /** A STUN or TURN message: transaction ID and class. */
  STUN,
  /** An RTP packet: SSRC and sequence number. */
  RTP
}
