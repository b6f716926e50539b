package io.voipdoc.correlate.points;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;

/**
 * The same packets carry other addresses or ports at two capture points: something between them
 * (a NAT) rewrote the IP and transport headers. One per flow and pair of points.
 *
 * @param kind what kind of packets
 * @param from the point that saw them first (after correcting the clock offset)
 * @param to the point that saw them next
 * @param sourceAtFrom sender as seen at {@code from}
 * @param destinationAtFrom receiver as seen at {@code from}
 * @param sourceAtTo sender as seen at {@code to}
 * @param destinationAtTo receiver as seen at {@code to}
 * @param packets matched packets of the flow
 * @param firstAtFrom the first of them at {@code from}
 * @param firstAtTo the same packet at {@code to}
 */
public record AddressRewrite(
    PacketKind kind,
    String from,
    String to,
    Endpoint sourceAtFrom,
    Endpoint destinationAtFrom,
    Endpoint sourceAtTo,
    Endpoint destinationAtTo,
    long packets,
    FrameRef firstAtFrom,
    FrameRef firstAtTo) {

  /** Whether the sender's port changed, not only its address (a port-changing NAT). */
  public boolean sourcePortChanged() {
    return sourceAtFrom.port() != sourceAtTo.port();
  }
}
