package io.voipdoc.correlate.media;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.IcmpError;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * An ICMP error and the packet it quotes (RFC 792, RFC 4443 §3): e.g. "port unreachable" for RTP
 * sent to a closed port.
 *
 * @param error the decoded error (type, code, quoted 5-tuple)
 * @param reporter who sent the ICMP message
 * @param recipient who received it (the sender of the quoted packet)
 * @param frame where it was seen
 * @param callId the call whose media endpoint the quoted packet went to, or null
 */
public record IcmpEvent(
    IcmpError error, InetAddress reporter, InetAddress recipient, FrameRef frame, @Nullable String callId) {

  /** Whether nothing listened on the quoted destination port (ICMP 3/3, ICMPv6 1/4). */
  public boolean portUnreachable() {
    return error.portUnreachable();
  }

  /** Whether the quoted destination host or network could not be reached. */
  public boolean hostUnreachable() {
    return error.hostUnreachable();
  }

  /** Where the quoted packet was going, or null when the error quotes no UDP/TCP header. */
  public @Nullable Endpoint quotedDestination() {
    InetAddress dst = error.quotedDst();
    if (dst == null || error.quotedDstPort() < 0) {
      return null;
    }
    return new Endpoint(dst, error.quotedDstPort(), error.quotedProtocol() == 6 ? "TCP" : "UDP");
  }
}
