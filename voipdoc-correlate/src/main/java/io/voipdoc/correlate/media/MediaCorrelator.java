package io.voipdoc.correlate.media;

import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.SdpSink;
import io.voipdoc.decode.Flow;
import io.voipdoc.decode.IcmpError;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.rtp.ReportBlock;
import io.voipdoc.decode.rtp.RtcpCompound;
import io.voipdoc.decode.rtp.RtcpPacket;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.rtp.VoipMetrics;
import io.voipdoc.decode.sdp.Candidate;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.decode.stun.ChannelData;
import io.voipdoc.decode.stun.StunClass;
import io.voipdoc.decode.stun.StunCredentials;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.stun.StunMethod;
import io.voipdoc.decode.tls.TlsListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds the media side of calls from decoded messages and the calls' SDP bodies: RTP streams
 * with quality figures, RTCP reports, ICE sessions with their checks, STUN/TURN server exchanges,
 * TLS/DTLS connections and ICMP errors, each linked to a Call-ID when the SDP shows it.
 *
 * <p>Feed it in capture order: it is a {@link MessageListener} (register it with the decoder, or
 * forward to it), an {@link SdpSink} (the SIP correlation hands it every SDP body), and it expects
 * {@link #onTimer(long)} with capture time now and then to expire idle state, and {@link #finish()}
 * at the end. Then read the results. Not thread-safe.
 *
 * <p>How RTP is recognised: the decoder hands over every UDP datagram that parses as RTP version 2
 * after STUN, RTCP and DTLS were ruled out (RFC 7983 §7). A stream whose destination or source is an
 * address the call's SDP announced (c=/m=, an ICE candidate, or an address seen answering a
 * connectivity check, which covers NAT) belongs to that call at once; any other stream is believed
 * only after {@link MediaCorrelatorConfig#heuristicConfirmPackets()} packets in sequence.
 */
public final class MediaCorrelator implements MessageListener, SdpSink {
  private final MediaCorrelatorConfig config;
  private final FlowKey probe = new FlowKey();
  private final Map<FlowKey, RtpStream> active = new LinkedHashMap<>();
  private final Map<Long, RtpStream> bySsrc = new HashMap<>();
  private final List<RtpStream> finished = new ArrayList<>();
  private final Map<HostPort, MediaBinding> announced = new HashMap<>();
  private final Map<String, MediaBinding.CallMedia> calls = new HashMap<>();
  private final Map<String, IceSession> iceSessions = new LinkedHashMap<>();
  private final Map<String, UfragOwner> ufrags = new HashMap<>();
  private final Map<String, StunTransaction> pending = new LinkedHashMap<>();
  private final List<ConnectivityCheck> checks = new ArrayList<>();
  private final List<StunServerExchange> exchanges = new ArrayList<>();
  private final List<TlsConnectionSeen> tlsConnections = new ArrayList<>();
  private final Set<List<HostPort>> dtlsFlows = new HashSet<>();
  private final List<IcmpEvent> icmpEvents = new ArrayList<>();
  private final Map<String, Long> channelData = new LinkedHashMap<>();
  private final EnumMap<MediaProblem, Long> problems = new EnumMap<>(MediaProblem.class);

  /** An address and port as SDP and checks name them; UDP implied. */
  record HostPort(InetAddress address, int port) {}

  /** Which call and side an ICE ufrag belongs to. */
  private record UfragOwner(IceSession session, boolean caller) {}

  public MediaCorrelator(MediaCorrelatorConfig config) {
    this.config = config;
  }

  // ---- SDP ----

  @Override
  public void onSdp(SdpSeen sdp) {
    String callId = sdp.callId();
    MediaBinding.CallMedia call = calls.get(callId);
    if (call == null) {
      if (calls.size() >= config.maxAnnouncedEndpoints()) {
        problem(MediaProblem.ENDPOINT_TABLE_FULL);
        return;
      }
      call = new MediaBinding.CallMedia(callId);
      calls.put(callId, call);
    }
    List<MediaDescription> media = sdp.sdp().media();
    for (int i = 0; i < media.size(); i++) {
      MediaDescription m = media.get(i);
      MediaBinding binding = new MediaBinding(call, sdp.fromCaller(), i, m);
      call.set(binding);
      InetAddress address = literal(m.effectiveAddress());
      if (address != null && m.port() > 0) {
        announce(new HostPort(address, m.port()), binding);
      }
      List<Candidate> candidates = m.candidates();
      String ufrag = m.iceUfrag();
      if (candidates.isEmpty() && ufrag == null) {
        continue;
      }
      IceSession session = iceSessions.computeIfAbsent(callId, IceSession::new);
      IceSession.Side side = session.side(sdp.fromCaller());
      if (ufrag != null) {
        side.ufrag = ufrag;
        side.pwd = m.icePwd();
        ufrags.put(ufrag, new UfragOwner(session, sdp.fromCaller()));
      }
      for (Candidate c : candidates) {
        if (!session.hasCandidate(sdp.fromCaller(), c.address(), c.port())) {
          side.candidates.add(
              new IceCandidate(
                  sdp.fromCaller(), c.address(), c.port(), c.type(), c.component(), c.priority(),
                  false));
        }
        InetAddress a = literal(c.address());
        if (a != null && "UDP".equals(c.transport())) {
          announce(new HostPort(a, c.port()), binding);
        }
      }
    }
    // streams that started before this SDP, or whose call renegotiated, are bound again
    for (RtpStream s : active.values()) {
      bind(s);
    }
  }

  private void announce(HostPort endpoint, MediaBinding binding) {
    if (announced.size() >= config.maxAnnouncedEndpoints() && !announced.containsKey(endpoint)) {
      problem(MediaProblem.ENDPOINT_TABLE_FULL);
      return;
    }
    announced.put(endpoint, binding);
  }

  /** Parses an IP address literal without name resolution; null for names (FQDN, mDNS). */
  static @Nullable InetAddress literal(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    boolean v6 = text.indexOf(':') >= 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean ok =
          (ch >= '0' && ch <= '9')
              || ch == '.'
              || (v6 && (ch == ':' || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')));
      if (!ok) {
        return null;
      }
    }
    try {
      // a literal never triggers a lookup
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  // ---- RTP ----

  @Override
  public void onRtp(RtpPacket rtp, Packet packet) {
    long ssrc = rtp.ssrc();
    RtpStream stream = active.get(probe.set(packet, ssrc));
    if (stream == null) {
      if (active.size() >= config.maxActiveStreams()) {
        problem(MediaProblem.STREAM_TABLE_FULL);
        return;
      }
      stream =
          new RtpStream(
              ssrc,
              Endpoint.source(packet),
              Endpoint.destination(packet),
              rtp,
              packet,
              config.maxSeriesSeconds());
      bind(stream);
      stream.srtp = dtlsFlows.contains(pair(stream.source(), stream.destination()));
      stream.confirmed = stream.binding != null || config.heuristicConfirmPackets() <= 1;
      active.put(probe.copy(), stream);
      bySsrc.put(ssrc, stream);
    } else if (!stream.confirmed) {
      stream.inSequenceRun = stream.continues(rtp.sequence()) ? stream.inSequenceRun + 1 : 0;
      stream.confirmed = stream.inSequenceRun + 1 >= config.heuristicConfirmPackets();
    }
    int pt = rtp.payloadType();
    if (pt != stream.cachedPayloadType) {
      MediaBinding b = stream.binding;
      stream.cachedPayloadType = pt;
      stream.cachedClockRate =
          ClockRates.forJitter(
              pt,
              b == null ? MediaBinding.staticName(pt) : b.codecName(pt),
              b == null ? -1 : b.sdpClockRate(pt));
    }
    stream.add(rtp, packet, stream.cachedClockRate);
  }

  private void bind(RtpStream s) {
    MediaBinding b = announced.get(hostPort(s.destination()));
    boolean byDestination = true;
    if (b == null) {
      b = announced.get(hostPort(s.source()));
      byDestination = false;
    }
    if (b != null && b != s.binding) {
      s.binding = b;
      s.boundByDestination = byDestination;
      s.confirmed = true;
      s.cachedPayloadType = -1;
    }
  }

  private static HostPort hostPort(Endpoint e) {
    return new HostPort(e.address(), e.port());
  }

  private static List<HostPort> pair(Endpoint a, Endpoint b) {
    HostPort x = hostPort(a);
    HostPort y = hostPort(b);
    // order-independent: the same set for both directions
    return x.toString().compareTo(y.toString()) <= 0 ? List.of(x, y) : List.of(y, x);
  }

  // ---- RTCP ----

  @Override
  public void onRtcp(RtcpCompound rtcp, Packet packet) {
    for (RtcpPacket p : rtcp.packets()) {
      if (p instanceof RtcpPacket.SenderReport sr) {
        RtpStream s = sender(sr.ssrc(), packet);
        if (s != null) {
          s.onSenderReport(sr.packetCount(), sr.octetCount());
          // LSR is the middle 32 bits of the NTP timestamp (RFC 3550 §6.4.1)
          s.lastSrMiddle = (sr.ntpTimestamp() >>> 16) & 0xFFFFFFFFL;
          s.lastSrNanos = packet.timestampNanos;
        }
        reports(sr.reports(), packet);
      } else if (p instanceof RtcpPacket.ReceiverReport rr) {
        sender(rr.ssrc(), packet);
        reports(rr.reports(), packet);
      } else if (p instanceof RtcpPacket.SourceDescription sdes) {
        for (RtcpPacket.SdesChunk chunk : sdes.chunks()) {
          RtpStream s = bySsrc.get(chunk.ssrc());
          String cname = chunk.cname();
          if (s != null && cname != null) {
            s.onCname(cname);
          }
        }
      } else if (p instanceof RtcpPacket.Bye bye) {
        for (long ssrc : bye.ssrcs()) {
          RtpStream s = bySsrc.get(ssrc);
          if (s != null) {
            s.onBye();
          }
        }
      } else if (p instanceof RtcpPacket.ExtendedReport xr) {
        for (VoipMetrics m : xr.voipMetrics()) {
          RtpStream s = bySsrc.get(m.ssrc());
          if (s != null) {
            s.onVoipMetrics(m);
          }
        }
      }
    }
  }

  /** The stream this RTCP sender sends, counting the packet and noting rtcp-mux. */
  private @Nullable RtpStream sender(long ssrc, Packet packet) {
    RtpStream s = bySsrc.get(ssrc);
    if (s != null) {
      s.onRtcp();
      if (s.source().port() == packet.srcPort && s.destination().port() == packet.dstPort) {
        s.rtcpMux = true;
      }
    }
    return s;
  }

  private void reports(List<ReportBlock> blocks, Packet packet) {
    for (ReportBlock b : blocks) {
      RtpStream s = bySsrc.get(b.ssrc());
      if (s == null) {
        continue;
      }
      double jitterMs = s.clockRate() > 0 ? b.jitter() * 1000.0 / s.clockRate() : -1;
      double rtt = -1;
      if (b.lastSr() != 0 && b.lastSr() == s.lastSrMiddle) {
        // RFC 3550 §6.4.1: RTT = A - LSR - DLSR, with A and LSR taken from capture times here
        rtt = (packet.timestampNanos - s.lastSrNanos) / 1e6 - b.delaySinceLastSr() * 1000.0 / 65536;
      }
      s.onPeerReport(
          new PeerReport(b.fractionLost() / 256.0, b.cumulativeLost(), jitterMs, rtt, packet.frame.ref()));
    }
  }

  // ---- STUN and ICE ----

  @Override
  public void onStun(StunMessage message, Packet packet) {
    StunClass kind = message.stunClass();
    String txid = message.transactionIdHex();
    if (kind == StunClass.REQUEST) {
      StunTransaction known = pending.get(txid);
      if (known != null) {
        known.retransmitted(packet);
        return;
      }
      if (pending.size() >= config.maxPendingTransactions()) {
        problem(MediaProblem.TRANSACTION_TABLE_FULL);
        return;
      }
      String username = message.username();
      StunTransaction t;
      if (message.method() == StunMethod.BINDING && username != null && username.indexOf(':') > 0) {
        ConnectivityCheck check = new ConnectivityCheck(message, packet, username);
        link(check, message);
        if (keep(checks, check)) {
          IceSession s = check.callId == null ? null : iceSessions.get(check.callId);
          if (s != null) {
            s.add(check);
          }
        }
        t = check;
      } else {
        StunServerExchange exchange = new StunServerExchange(message, packet);
        keep(exchanges, exchange);
        t = exchange;
      }
      pending.put(txid, t);
    } else if (kind == StunClass.SUCCESS_RESPONSE || kind == StunClass.ERROR_RESPONSE) {
      StunTransaction t = pending.get(txid);
      if (t == null) {
        problem(MediaProblem.RESPONSE_WITHOUT_REQUEST);
        return;
      }
      if (t.outcome() != StunTransaction.Outcome.NO_ANSWER) {
        return;
      }
      t.answered(message, packet);
      if (t instanceof ConnectivityCheck check) {
        answeredCheck(check, message);
      }
    }
  }

  /** Finds the call by the USERNAME's ufrags and fills what the SDP tells about the check. */
  private void link(ConnectivityCheck check, StunMessage request) {
    UfragOwner receiver = ufrags.get(check.receiverUfrag());
    UfragOwner sender = ufrags.get(check.senderUfrag());
    IceSession session;
    boolean receiverIsCaller;
    if (receiver != null) {
      session = receiver.session();
      receiverIsCaller = receiver.caller();
    } else if (sender != null) {
      session = sender.session();
      receiverIsCaller = !sender.caller();
    } else {
      return;
    }
    check.callId = session.callId();
    check.fromCaller = !receiverIsCaller;
    String pwd = session.side(receiverIsCaller).pwd;
    if (pwd != null) {
      check.integrity = request.verifyIntegrity(StunCredentials.shortTermKey(pwd));
    }
    Endpoint src = check.source();
    Endpoint dst = check.destination();
    String srcAddress = src.address().getHostAddress();
    check.sourceAnnounced = session.hasCandidate(!receiverIsCaller, srcAddress, src.port());
    if (!check.sourceAnnounced) {
      // RFC 8445 §7.3.1.3: the receiver learns a peer-reflexive candidate
      session
          .side(!receiverIsCaller)
          .candidates
          .add(new IceCandidate(!receiverIsCaller, srcAddress, src.port(), "prflx", 0,
              check.priority(), true));
    }
    MediaBinding atDestination = announced.get(hostPort(dst));
    check.destinationAnnounced =
        session.hasCandidate(receiverIsCaller, dst.address().getHostAddress(), dst.port())
            || (atDestination != null
                && atDestination.fromCaller() == receiverIsCaller
                && atDestination.callId().equals(session.callId()));
  }

  private void answeredCheck(ConnectivityCheck check, StunMessage response) {
    String callId = check.callId;
    Boolean fromCaller = check.fromCaller;
    if (callId == null || fromCaller == null) {
      return;
    }
    IceSession session = iceSessions.get(callId);
    MediaBinding.CallMedia call = calls.get(callId);
    if (session == null || call == null) {
      return;
    }
    String pwd = session.side(!fromCaller).pwd;
    if (pwd != null) {
      check.responseIntegrity = response.verifyIntegrity(StunCredentials.shortTermKey(pwd));
    }
    if (check.outcome() == StunTransaction.Outcome.SUCCEEDED) {
      // media will flow between the addresses that checked successfully, NAT or not
      MediaBinding senderSide = call.latest(fromCaller, 0);
      MediaBinding receiverSide = call.latest(!fromCaller, 0);
      if (senderSide != null) {
        announce(hostPort(check.source()), senderSide);
      }
      if (receiverSide != null) {
        announce(hostPort(check.destination()), receiverSide);
      }
      for (RtpStream s : active.values()) {
        if (s.binding == null) {
          bind(s);
        }
      }
    }
  }

  @Override
  public void onChannelData(ChannelData data, Packet packet) {
    // relayed media is counted per TURN server; its content is the peer's, not readable here
    String server = (packet.dstPort == 3478 ? Endpoint.destination(packet) : Endpoint.source(packet)).hostPort();
    if (channelData.containsKey(server) || channelData.size() < config.maxAnnouncedEndpoints()) {
      channelData.merge(server, 1L, Long::sum);
    }
  }

  // ---- TLS, DTLS, ICMP ----

  @Override
  public @Nullable TlsListener onTlsStart(Flow flow, boolean datagram, Packet packet) {
    TlsConnectionSeen connection = new TlsConnectionSeen(flow, datagram, packet);
    if (!keep(tlsConnections, connection)) {
      return null;
    }
    if (datagram) {
      Endpoint client = new Endpoint(flow.client(), flow.clientPort(), "UDP");
      Endpoint server = new Endpoint(flow.server(), flow.serverPort(), "UDP");
      List<HostPort> key = pair(client, server);
      if (dtlsFlows.size() < config.maxAnnouncedEndpoints()) {
        dtlsFlows.add(key);
      }
      for (RtpStream s : active.values()) {
        if (pair(s.source(), s.destination()).equals(key)) {
          s.srtp = true;
        }
      }
    }
    return connection.listener();
  }

  @Override
  public void onIcmpError(Packet packet, IcmpError error) {
    String callId = null;
    InetAddress quotedDst = error.quotedDst();
    if (quotedDst != null && error.quotedDstPort() >= 0) {
      MediaBinding b = announced.get(new HostPort(quotedDst, error.quotedDstPort()));
      callId = b == null ? null : b.callId();
    }
    keep(
        icmpEvents,
        new IcmpEvent(error, packet.srcAddress(), packet.dstAddress(), packet.frame.ref(), callId));
  }

  // ---- time ----

  /** Expires state idle for longer than the configured timeouts, at capture time {@code nowNanos}. */
  public void onTimer(long nowNanos) {
    Iterator<RtpStream> streams = active.values().iterator();
    while (streams.hasNext()) {
      RtpStream s = streams.next();
      if (nowNanos - s.lastNanos() > config.streamIdleNanos()) {
        streams.remove();
        retire(s);
      }
    }
    Iterator<StunTransaction> transactions = pending.values().iterator();
    while (transactions.hasNext()) {
      if (nowNanos - transactions.next().firstNanos() > config.transactionTimeoutNanos()) {
        transactions.remove();
      } else {
        // insertion order is capture order: the rest is younger
        break;
      }
    }
  }

  /** Ends the run: every active stream is finished, pending requests count as unanswered. */
  public void finish() {
    for (RtpStream s : active.values()) {
      retire(s);
    }
    active.clear();
    pending.clear();
  }

  private void retire(RtpStream s) {
    if (bySsrc.get(s.ssrc()) == s) {
      bySsrc.remove(s.ssrc());
    }
    if (s.confirmed) {
      if (s.seriesTruncated) {
        problem(MediaProblem.SERIES_TRUNCATED);
      }
      keep(finished, s);
    }
  }

  private <T> boolean keep(List<T> list, T item) {
    if (list.size() >= config.maxFinishedRecords()) {
      problem(MediaProblem.RECORDS_DROPPED);
      return false;
    }
    list.add(item);
    return true;
  }

  private void problem(MediaProblem p) {
    problems.merge(p, 1L, Long::sum);
  }

  // ---- results ----

  /**
   * RTP streams, finished and (before {@link #finish()}) confirmed active ones, by first packet.
   */
  public List<RtpStream> streams() {
    List<RtpStream> out = new ArrayList<>(finished);
    for (RtpStream s : active.values()) {
      if (s.confirmed) {
        out.add(s);
      }
    }
    out.sort(
        Comparator.comparingLong((RtpStream s) -> s.firstFrame().timestampNanos())
            .thenComparingLong(s -> s.firstFrame().number()));
    return out;
  }

  /** ICE sessions by call, in the order their first SDP with ICE was seen. */
  public List<IceSession> iceSessions() {
    return List.copyOf(iceSessions.values());
  }

  /** The ICE session of a call, or null. */
  public @Nullable IceSession iceSession(String callId) {
    return iceSessions.get(callId);
  }

  /** Every connectivity check, including those no call's SDP explains ({@code callId} null). */
  public List<ConnectivityCheck> connectivityChecks() {
    return List.copyOf(checks);
  }

  /** Requests to STUN/TURN servers. */
  public List<StunServerExchange> serverExchanges() {
    return List.copyOf(exchanges);
  }

  /** TLS and DTLS connections in the order they started. */
  public List<TlsConnectionSeen> tlsConnections() {
    return List.copyOf(tlsConnections);
  }

  /** ICMP errors in capture order. */
  public List<IcmpEvent> icmpEvents() {
    return List.copyOf(icmpEvents);
  }

  /** TURN ChannelData frames per TURN server ({@code ip:port}). */
  public Map<String, Long> channelDataFrames() {
    return Map.copyOf(channelData);
  }

  /** What had to be left out, by ID ({@code media.*}); empty when nothing was. */
  public Map<String, Long> problems() {
    Map<String, Long> out = new LinkedHashMap<>();
    problems.forEach((k, v) -> out.put(k.id(), v));
    return out;
  }
}
