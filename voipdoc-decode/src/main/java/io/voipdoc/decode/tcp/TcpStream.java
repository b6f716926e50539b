package io.voipdoc.decode.tcp;

/**
 * One direction of a TCP connection, as the reassembler tracks it. The same instance is passed to
 * every callback for that direction, so a higher layer can key its own per-stream state (such as
 * a SIP framer) on it.
 */
public final class TcpStream {
  /** Sequential number of the connection within one decoder; both directions share it. */
  public final long connectionId;
  /** Whether this direction is from the side that opened the connection (sent the SYN). */
  public final boolean fromInitiator;
  public final byte[] src;
  public final byte[] dst;
  public final int srcPort;
  public final int dstPort;

  public TcpStream(
      long connectionId, boolean fromInitiator, byte[] src, byte[] dst, int srcPort, int dstPort) {
    this.connectionId = connectionId;
    this.fromInitiator = fromInitiator;
    this.src = src.clone();
    this.dst = dst.clone();
    this.srcPort = srcPort;
    this.dstPort = dstPort;
  }

  // Kept up to date by TcpReassembler; read-only for everyone else.
  long deliveredBytes;
  long missingBytes;
  boolean startedMidStream;
  boolean ended;

  /** Bytes handed to the sink so far, each byte once. */
  public long deliveredBytes() {
    return deliveredBytes;
  }

  /** Bytes reported missing through gaps so far. */
  public long missingBytes() {
    return missingBytes;
  }

  /**
   * Whether the first byte delivered is not the first byte of the stream: no SYN was seen for
   * this direction, so the capture started while the connection was open.
   */
  public boolean startedMidStream() {
    return startedMidStream;
  }

  /** Whether the direction has ended (FIN reached, RST, eviction, idle timeout or end of input). */
  public boolean ended() {
    return ended;
  }
}
