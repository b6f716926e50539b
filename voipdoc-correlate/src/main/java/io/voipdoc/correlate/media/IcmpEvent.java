package io.voipdoc.correlate.media;

import io.voipdoc.capture.FrameRef;
import java.net.InetAddress;
import io.voipdoc.decode.IcmpError;
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
    IcmpError error, InetAddress reporter, InetAddress recipient, FrameRef frame, @Nullable String callId) {}
