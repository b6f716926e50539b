package io.voipdoc.decode.tunnel;

/** The facts of one GRE header: a mutable holder that {@link GreDecoder} refills. */
public final class GreHeader {
  /** GRE version: 0 (RFC 2784) or 1 (enhanced GRE of PPTP, RFC 2637). */
  public int version;
  /** Protocol type of the payload, an EtherType (0x0800, 0x86DD, 0x6558, 0x88BE, ...). */
  public int protocol;
  public boolean hasKey;
  /** Key (RFC 2890 §2.1), when {@link #hasKey}. */
  public long key;
  public boolean hasSequence;
  /** Sequence number (RFC 2890 §2.2), when {@link #hasSequence}. */
  public long sequence;
  /** Start and length of the payload in the decoded buffer. */
  public int payloadOffset;
  public int payloadLength;
}
