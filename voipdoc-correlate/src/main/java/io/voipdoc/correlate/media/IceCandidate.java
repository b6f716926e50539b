package io.voipdoc.correlate.media;

/**
 * A candidate of one side of a call (RFC 8445 §5.1): announced in SDP, or peer-reflexive, learned
 * from the source of a check that matched no announced candidate (RFC 8445 §7.3.1.3).
 *
 * @param caller whether it belongs to the caller
 * @param address IP address (or the name as written for FQDN/mDNS candidates)
 * @param port port
 * @param type host, srflx, prflx or relay
 * @param component 1 RTP, 2 RTCP (0 for learned ones)
 * @param priority the candidate's priority
 * @param learned whether it was learned from checks rather than announced
 */
public record IceCandidate(
    boolean caller,
    String address,
    int port,
    String type,
    int component,
    long priority,
    boolean learned) {

  /** {@code 192.0.2.1:5000} or {@code [2001:db8::1]:5000}. */
  public String hostPort() {
    return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
  }
}
