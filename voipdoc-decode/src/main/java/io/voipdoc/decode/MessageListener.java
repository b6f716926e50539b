package io.voipdoc.decode;

import io.voipdoc.decode.rtp.RtcpCompound;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.stun.ChannelData;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.tls.TlsListener;
import io.voipdoc.decode.ws.WebSocketUpgrade;
import org.jspecify.annotations.Nullable;

/**
 * Receives the protocol messages the {@link Dissector} recognises, in capture order, with the
 * {@link Packet} that carried them (for TCP: the segment that completed the message, where
 * Wireshark shows it). Every method has an empty default.
 *
 * <p>{@code packet} is the decoder's reusable holder: read what you need during the call.
 */
public interface MessageListener {

  /**
   * How many capture inputs the messages to come are read from, when the reader merges inputs
   * and knows it (the command line's pipeline calls it once, before the first message). A
   * listener that compares inputs has nothing to compare when there is one.
   */
  default void onInputs(int count) {}

  /** A SIP request or response, over UDP, TCP or HEP. */
  default void onSip(SipMessage message, Packet packet) {}

  /**
   * How far the {@link Dissector} checks each SIP message before {@link #onSip}, and so which of
   * its problems reach the anomaly log: {@link Dissector.SipChecks#FULL} (the default) when the
   * damage is reported, {@link Dissector.SipChecks#STRUCTURE} when this listener only reads what
   * it uses and nobody reports the rest.
   */
  default Dissector.SipChecks sipChecks() {
    return Dissector.SipChecks.FULL;
  }

  /** A STUN or TURN message over UDP. */
  default void onStun(StunMessage message, Packet packet) {}

  /** A TURN ChannelData frame on a TURN server's port. */
  default void onChannelData(ChannelData data, Packet packet) {}

  /** An RTP packet; {@code rtp} is a reusable holder. */
  default void onRtp(RtpPacket rtp, Packet packet) {}

  /** An RTCP compound packet. */
  default void onRtcp(RtcpCompound rtcp, Packet packet) {}

  /** An ICMP or ICMPv6 error. */
  default void onIcmpError(Packet packet, IcmpError error) {}

  /**
   * A TLS (over TCP) or DTLS (over UDP) conversation starts. Return a listener for its records and
   * handshake messages (side 0 is the client), or null to ignore it. During those callbacks, the
   * {@code packet} given here describes the packet being processed.
   */
  default @Nullable TlsListener onTlsStart(Flow flow, boolean datagram, Packet packet) {
    return null;
  }

  /**
   * The opening handshake of a WebSocket connection (RFC 6455 §4), once per connection whose
   * upgrading GET was captured: when the server's answer is read (before any message the
   * connection carries), or when the connection ends without an answer ({@link
   * WebSocketUpgrade#answer()} is null). A connection whose server sent bytes that could not be read
   * as an answer (lost from the capture) is not handed on. There is no packet: a connection can end
   * with the input.
   */
  default void onWebSocketUpgrade(Flow flow, WebSocketUpgrade upgrade) {}
}
