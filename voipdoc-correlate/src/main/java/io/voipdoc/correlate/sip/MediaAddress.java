package io.voipdoc.correlate.sip;

import io.voipdoc.decode.sdp.Direction;

/**
 * Where one side of a dialog wants to receive one media stream, as its SDP says (RFC 8866 §5.7,
 * §5.14).
 *
 * @param media {@code audio}, {@code video}, ...
 * @param address the connection address ({@code 0.0.0.0} means on hold in the RFC 2543 style)
 * @param port the port (0 means the stream is rejected or removed)
 * @param direction the stream's direction attribute
 */
public record MediaAddress(String media, String address, int port, Direction direction) {

  /** {@code 192.0.2.1:4000} or {@code [2001:db8::1]:4000}. */
  public String hostPort() {
    return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
  }
}
