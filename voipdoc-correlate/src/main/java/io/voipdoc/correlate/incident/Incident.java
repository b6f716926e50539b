package io.voipdoc.correlate.incident;

import io.voipdoc.correlate.media.ConnectivityCheck;
import io.voipdoc.correlate.media.IceSession;
import io.voipdoc.correlate.media.IcmpEvent;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.media.StunServerExchange;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.correlate.points.CapturePoints;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.KeepAlive;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.correlate.sip.SourceActivity;
import io.voipdoc.correlate.sip.Subscription;
import io.voipdoc.correlate.web.WebSocketUpgradeSeen;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the captures of one incident show, rebuilt: calls with all their legs, registrations, RTP
 * streams, ICE checks, exchanges with STUN servers, TLS and DTLS connections and ICMP errors.
 *
 * @param calls calls in start order
 * @param registrations registrations in start order
 * @param streams RTP streams
 * @param iceSessions ICE sessions, one per call that used ICE
 * @param checks every connectivity check, with or without a known call
 * @param stunServers Binding exchanges with STUN servers
 * @param tlsConnections TLS and DTLS connections
 * @param icmpErrors ICMP and ICMPv6 errors
 * @param sources per source address, the requests that started something (initial INVITEs, new
 *     REGISTERs, out-of-dialog requests) and how they were answered, in the order first seen
 * @param subscriptions SUBSCRIBE/NOTIFY subscriptions outside any call, in start order
 * @param keepAlives OPTIONS pings outside any dialog, per source and destination
 * @param inputs per capture input, in the order read: what it held ({@link InputSeen})
 * @param strays messages of INVITE dialogs whose INVITE the captures do not hold (see {@link
 *     io.voipdoc.correlate.sip.SipCorrelator#strays()})
 * @param capturePoints what comparing the capture points (inputs) shows: matched packets, clock
 *     offsets, what vanished between points, NAT rewrites and SIP changes
 * @param webSocketUpgrades WebSocket opening handshakes, each with its answer or the lack of one,
 *     in the order answered or ended
 */
public record Incident(
    List<Call> calls,
    List<Registration> registrations,
    List<RtpStream> streams,
    List<IceSession> iceSessions,
    List<ConnectivityCheck> checks,
    List<StunServerExchange> stunServers,
    List<TlsConnectionSeen> tlsConnections,
    List<IcmpEvent> icmpErrors,
    List<SourceActivity> sources,
    List<Subscription> subscriptions,
    List<KeepAlive> keepAlives,
    List<InputSeen> inputs,
    List<SipEvent> strays,

    CapturePoints capturePoints,
    List<WebSocketUpgradeSeen> webSocketUpgrades) {

  /** The RTP streams linked to any leg of the call. */
  public List<RtpStream> streamsOf(Call call) {
    List<RtpStream> of = new ArrayList<>();
    for (RtpStream s : streams) {
      if (s.callId() != null && call.callIds().contains(s.callId())) {
        of.add(s);
      }
    }
    return of;
  }

  /** The ICE session of any leg of the call, or null when the call used no ICE. */
  public @Nullable IceSession iceOf(Call call) {
    for (IceSession s : iceSessions) {
      if (call.callIds().contains(s.callId())) {
        return s;
      }
    }
    return null;
  }

  /** ICMP errors that quote a packet of the call's signalling or media. */
  public List<IcmpEvent> icmpErrorsOf(Call call) {
    List<IcmpEvent> of = new ArrayList<>();
    for (IcmpEvent e : icmpErrors) {
      if (e.callId() != null && call.callIds().contains(e.callId())) {
        of.add(e);
      }
    }
    return of;
  }
}
