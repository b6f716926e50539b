package io.voipdoc.decode;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.FrameRef;
import io.voipdoc.decode.rtp.RtcpCompound;
import io.voipdoc.decode.rtp.RtcpDecoder;
import io.voipdoc.decode.rtp.RtpDecoder;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.rtp.RtpProblem;
import io.voipdoc.decode.sip.SipDecoder;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.sip.SipProblem;
import io.voipdoc.decode.sip.SipStreamFramer;
import io.voipdoc.decode.stun.ChannelData;
import io.voipdoc.decode.stun.ChannelDataDecoder;
import io.voipdoc.decode.stun.StunDecoder;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.stun.StunProblem;
import io.voipdoc.decode.tcp.TcpStream;
import io.voipdoc.decode.tls.ClientHello;
import io.voipdoc.decode.tls.DtlsConnection;
import io.voipdoc.decode.tls.ServerHello;
import io.voipdoc.decode.tls.TlsAlert;
import io.voipdoc.decode.tls.TlsCertificate;
import io.voipdoc.decode.tls.TlsConfig;
import io.voipdoc.decode.tls.TlsConnection;
import io.voipdoc.decode.tls.TlsListener;
import io.voipdoc.decode.tls.TlsProblem;
import io.voipdoc.decode.ws.WebSocketConnection;
import io.voipdoc.decode.ws.WebSocketHandshake;
import io.voipdoc.decode.ws.WebSocketMessage;
import io.voipdoc.decode.ws.WebSocketProblem;
import io.voipdoc.decode.ws.WebSocketUpgrade;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Says which transport payloads are SIP, STUN, TURN ChannelData, DTLS, RTP, RTCP or TLS, and hands
 * them to their decoders and on to a {@link MessageListener}. This is the one table of protocol
 * recognition; every decoder is reached from here.
 *
 * <p>UDP payloads are told apart by their first byte as RFC 7983 (§7) lays out for media ports,
 * with SIP recognised by its start line (so on any port, as Wireshark's heuristic does):
 *
 * <pre>
 *   0..3     STUN (magic cookie required; the RFC 3489 form only on port 3478)
 *   128..191 RTCP (packet types 200..204) else RTP (version 2, both ports above 1023)
 *   20..63   DTLS
 *   text     SIP (request or status line); before ChannelData because 'A'..'O' overlap 64..79
 *   64..79   TURN ChannelData, only to or from a TURN server port (3478)
 * </pre>
 *
 * TCP streams are recognised by their first bytes: a TLS handshake record, an HTTP GET that
 * upgrades to WebSocket (RFC 6455), or a SIP start line. SIP streams are framed by Content-Length;
 * each WebSocket data message is one SIP message (RFC 7118 §5), decoded like a datagram. Each
 * WebSocket's opening handshake is handed on once ({@link MessageListener#onWebSocketUpgrade}):
 * when the server answers, or when the connection ends without an answer.
 *
 * <p>Damage found by the protocol decoders is reported to the {@link AnomalyLog}, with the frame.
 */
public final class Dissector implements PacketListener {
  /** Most DTLS conversations tracked at once; the oldest is dropped beyond this. */
  public static final int MAX_DTLS_FLOWS = 1024;

  private static final int STUN_PORT = 3478;
  private static final int FIRST_UNPRIVILEGED_PORT = 1024;
  private static final int TCP_FIN = 0x01;

  private final MessageListener listener;
  private final AnomalyLog anomalies;
  private final SipChecks sipChecks;
  private final StunDecoder stun = new StunDecoder();
  private final RtpDecoder rtpDecoder = new RtpDecoder();
  private final RtcpDecoder rtcpDecoder = new RtcpDecoder();
  private final RtpPacket rtp = new RtpPacket();
  private final Map<TcpStream, StreamState> streams = new IdentityHashMap<>();
  private final Map<Long, TlsState> tlsConnections = new HashMap<>();
  private final Map<Long, WebSocketState> webSockets = new HashMap<>();
  /** WebSockets whose upgrading GET was read and whose answer has not come yet. */
  private final Map<Long, WebSocketState> awaitingAnswer = new HashMap<>();
  private final Map<UdpKey, TlsState> dtlsFlows =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UdpKey, TlsState> eldest) {
          return size() > MAX_DTLS_FLOWS;
        }
      };

  private long sipRequests;
  private long sipResponses;
  private long stunMessages;
  private long channelData;
  private long rtpPackets;
  private long rtcpPackets;
  private long tlsRecords;
  private long dtlsRecords;
  private long otherUdp;
  private long otherTcpStreams;
  private long webSocketMessages;
  /** Capture time of the last packet decoded: how far the capture watched a waiting upgrade. */
  private long lastNanos;

  /**
   * How much of each SIP message is checked, and its problems reported, before it is handed on;
   * the listener says which it needs ({@link MessageListener#sipChecks()}).
   */
  public enum SipChecks {
    /**
     * Every problem {@link SipMessage#problems()} finds, which parses every typed view of every
     * message: for callers that report damage.
     */
    FULL,
    /**
     * Only the {@link SipMessage#structuralProblems()}: the typed views are parsed when the
     * listener uses them, and their problems are not reported. For callers that do not report
     * damage, such as a call list.
     */
    STRUCTURE
  }

  public Dissector(MessageListener listener, AnomalyLog anomalies) {
    this.listener = listener;
    this.anomalies = anomalies;
    this.sipChecks = listener.sipChecks();
  }

  /** What was recognised, by kind, in a stable order. */
  public Map<String, Long> counts() {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("sipRequests", sipRequests);
    c.put("sipResponses", sipResponses);
    c.put("stun", stunMessages);
    c.put("turnChannelData", channelData);
    c.put("rtp", rtpPackets);
    c.put("rtcp", rtcpPackets);
    c.put("tls", tlsRecords);
    c.put("dtls", dtlsRecords);
    c.put("otherUdp", otherUdp);
    c.put("otherTcpStreams", otherTcpStreams);
    c.put("webSocketMessages", webSocketMessages);
    return c;
  }

  @Override
  public void onDatagram(Packet p) {
    lastNanos = p.timestampNanos;
    byte[] b = p.payload;
    int off = p.payloadOffset;
    int len = p.payloadLength;
    if (len == 0) {
      return;
    }
    int first = b[off] & 0xff;
    if (first <= 3 && StunDecoder.accepts(b, off, len)) {
      StunMessage m = stun.decode(b, off, len);
      if (m != null && (!m.classic() || p.srcPort == STUN_PORT || p.dstPort == STUN_PORT)) {
        stunMessages++;
        for (StunProblem problem : m.problems()) {
          report(problem.id(), p, "transaction=" + m.transactionIdHex());
        }
        listener.onStun(m, p);
        return;
      }
    }
    if (first >= 128 && first <= 191) {
      if (RtcpDecoder.accepts(b, off, len)) {
        RtcpCompound rtcp = rtcpDecoder.decode(b, off, len);
        if (rtcp != null) {
          rtcpPackets++;
          for (RtpProblem problem : rtcp.problems()) {
            report(problem.id(), p, "");
          }
          listener.onRtcp(rtcp, p);
          return;
        }
      }
      if (p.srcPort >= FIRST_UNPRIVILEGED_PORT
          && p.dstPort >= FIRST_UNPRIVILEGED_PORT
          && RtpDecoder.accepts(b, off, len)
          && rtpDecoder.decode(b, off, len, rtp)) {
        rtpPackets++;
        RtpProblem problem = rtp.problem();
        if (problem != null) {
          report(problem.id(), p, "ssrc=" + Long.toHexString(rtp.ssrc()));
        }
        listener.onRtp(rtp, p);
        return;
      }
    }
    if (first >= 20 && first <= 63 && DtlsConnection.accepts(b, off, len)) {
      dtls(p);
      return;
    }
    if (SipDecoder.accepts(b, off, len)) {
      SipMessage m = SipDecoder.decode(b, off, len);
      if (m != null) {
        sip(m, p);
        return;
      }
    }
    if (first >= 64 && first <= 79 && (p.srcPort == STUN_PORT || p.dstPort == STUN_PORT)) {
      ChannelData data = ChannelDataDecoder.decode(b, off, len);
      if (data != null) {
        channelData++;
        listener.onChannelData(data, p);
        return;
      }
    }
    otherUdp++;
  }

  private void sip(SipMessage m, Packet p) {
    if (m.isRequest()) {
      sipRequests++;
    } else {
      sipResponses++;
    }
    List<SipProblem.At> problems =
        sipChecks == SipChecks.FULL ? m.problems() : m.structuralProblems();
    for (SipProblem.At problem : problems) {
      report(problem.problem().id(), p, problem.detail());
    }
    listener.onSip(m, p);
  }

  private void dtls(Packet p) {
    UdpKey key = UdpKey.of(p);
    TlsState state = dtlsFlows.get(key);
    if (state == null) {
      Flow flow = new Flow("UDP", p.srcAddress(), p.srcPort, p.dstAddress(), p.dstPort);
      state = new TlsState(key.clientIs(p), listener.onTlsStart(flow, true, p), p, true);
      state.dtls = new DtlsConnection(TlsConfig.DEFAULTS, state);
      dtlsFlows.put(key, state);
    }
    DtlsConnection connection = state.dtls;
    if (connection != null) {
      connection.onDatagram(key.clientIs(p) == state.clientIsFirst ? 0 : 1, p.payload, p.payloadOffset, p.payloadLength);
    }
  }

  @Override
  public void onStreamData(TcpStream stream, Packet p, byte[] data, int offset, int length) {
    StreamState s = streams.computeIfAbsent(stream, k -> new StreamState());
    if (s.kind == Kind.UNDECIDED) {
      byte[] held = s.held;
      if (held != null) {
        // what the stream sent before, joined with this: an upgrading GET in several segments
        byte[] joined = Arrays.copyOf(held, held.length + length);
        System.arraycopy(data, offset, joined, held.length, length);
        data = joined;
        offset = 0;
        length = joined.length;
        s.held = null;
      }
      s.kind = classify(stream, p, data, offset, length);
      if (s.held != null) {
        return;
      }
    }
    switch (s.kind) {
      case SIP -> {
        SipStreamFramer framer = s.framer;
        if (framer != null) {
          framer.feed(data, offset, length);
          drain(framer, p);
        }
      }
      case TLS -> {
        TlsState tls = tlsConnections.get(stream.connectionId);
        if (tls != null && tls.stream != null) {
          tls.stream.onStreamData(stream.fromInitiator ? 0 : 1, data, offset, length);
        }
      }
      case WEBSOCKET -> {
        WebSocketState ws = webSockets.get(stream.connectionId);
        if (ws != null) {
          int side = ws.side(stream);
          ws.serverSpoke |= side == WebSocketConnection.SERVER;
          ws.connection.onStreamData(side, data, offset, length);
          upgrade(stream.connectionId, ws, p);
          drain(ws.connection, p);
        }
      }
      default -> {}
    }
  }

  private Kind classify(TcpStream stream, Packet p, byte[] data, int offset, int length) {
    TlsState existing = tlsConnections.get(stream.connectionId);
    if (existing != null) {
      return Kind.TLS;
    }
    if (TlsConnection.accepts(data, offset, length)) {
      Flow flow =
          stream.fromInitiator
              ? new Flow("TCP", p.srcAddress(), p.srcPort, p.dstAddress(), p.dstPort)
              : new Flow("TCP", p.dstAddress(), p.dstPort, p.srcAddress(), p.srcPort);
      TlsState state = new TlsState(true, listener.onTlsStart(flow, false, p), p, false);
      state.stream = new TlsConnection(TlsConfig.DEFAULTS, state);
      tlsConnections.put(stream.connectionId, state);
      return Kind.TLS;
    }
    if (webSockets.containsKey(stream.connectionId)) {
      return Kind.WEBSOCKET;
    }
    if (WebSocketHandshake.accepts(data, offset, length)) {
      Flow flow = new Flow("TCP", p.srcAddress(), p.srcPort, p.dstAddress(), p.dstPort);
      webSockets.put(stream.connectionId, new WebSocketState(stream.fromInitiator, flow));
      return Kind.WEBSOCKET;
    }
    if (WebSocketHandshake.mayStillUpgrade(data, offset, length)) {
      // held until the header section is complete
      streams.get(stream).held = Arrays.copyOfRange(data, offset, offset + length);
      return Kind.UNDECIDED;
    }
    if (SipDecoder.accepts(data, offset, length)) {
      streams.get(stream).framer = new SipStreamFramer();
      return Kind.SIP;
    }
    boolean onlyLineBreaks = true;
    for (int i = offset; i < offset + length && onlyLineBreaks; i++) {
      onlyLineBreaks = data[i] == '\r' || data[i] == '\n';
    }
    if (onlyLineBreaks) {
      return Kind.UNDECIDED;
    }
    otherTcpStreams++;
    return Kind.OTHER;
  }

  private void drain(SipStreamFramer framer, Packet p) {
    SipMessage m;
    while ((m = framer.next()) != null) {
      sip(m, p);
    }
    for (SipProblem.At problem : framer.drainProblems()) {
      report(problem.problem().id(), p, problem.detail());
    }
  }

  /**
   * Notes the frame that completed the upgrading GET, and hands the handshake on once the server's
   * answer is read.
   */
  private void upgrade(long connectionId, WebSocketState ws, Packet p) {
    WebSocketConnection c = ws.connection;
    String target = c.requestTarget();
    if (ws.handedOn || target == null) {
      return;
    }
    if (ws.request == null) {
      ws.request = p.frame.ref();
      awaitingAnswer.put(connectionId, ws);
    }
    if (c.answered()) {
      FrameRef answer = p.frame.ref();
      handOn(connectionId, ws, answer, c.upgradeStatus(), p.timestampNanos);
    }
  }

  private void handOn(
      long connectionId, WebSocketState ws, @Nullable FrameRef answer, int status, long endNanos) {
    WebSocketConnection c = ws.connection;
    FrameRef request = ws.request;
    String target = c.requestTarget();
    if (request == null || target == null) {
      return;
    }
    ws.handedOn = true;
    awaitingAnswer.remove(connectionId);
    listener.onWebSocketUpgrade(
        ws.flow,
        new WebSocketUpgrade(
            request,
            target,
            c.requestHost(),
            c.requestedProtocols(),
            answer,
            status,
            ws.closed,
            ws.closedBy,
            endNanos));
  }

  /**
   * Every TCP segment: the capture time, and the first FIN of a WebSocket still waiting for its
   * answer (the segment comes here after the reassembler has ended the direction it closes).
   */
  @Override
  public void onTcpSegment(Packet packet, TcpStream stream, int flags) {
    lastNanos = packet.timestampNanos;
    if ((flags & TCP_FIN) != 0 && !awaitingAnswer.isEmpty()) {
      WebSocketState ws = awaitingAnswer.get(stream.connectionId);
      if (ws != null && ws.closed == null) {
        ws.closed = packet.frame.ref();
        ws.closedBy = ws.side(stream);
      }
    }
  }

  private void drain(WebSocketConnection connection, Packet p) {
    WebSocketMessage message;
    while ((message = connection.next()) != null) {
      webSocketMessages++;
      byte[] payload = message.payload();
      // other subprotocols share the upgrade mechanism; only SIP start lines are decoded
      SipMessage m =
          SipDecoder.accepts(payload, 0, payload.length)
              ? SipDecoder.decode(payload, 0, payload.length)
              : null;
      if (m != null) {
        sip(m, p);
      }
    }
    for (WebSocketProblem.At problem : connection.drainProblems()) {
      report(problem.problem().id(), p, problem.detail());
    }
  }

  @Override
  public void onStreamGap(TcpStream stream, Packet packet, long missingBytes) {
    StreamState s = streams.get(stream);
    if (s != null && s.framer != null) {
      s.framer.gap(missingBytes);
      drain(s.framer, packet);
    }
    WebSocketState ws =
        s != null && s.kind == Kind.WEBSOCKET ? webSockets.get(stream.connectionId) : null;
    if (ws != null) {
      ws.serverSpoke |= ws.side(stream) == WebSocketConnection.SERVER;
      ws.connection.gap(ws.side(stream), missingBytes);
      drain(ws.connection, packet);
    }
  }

  @Override
  public void onStreamEnd(TcpStream stream) {
    StreamState s = streams.remove(stream);
    if (s != null && s.framer != null) {
      s.framer.end();
    }
    TlsState tls = tlsConnections.get(stream.connectionId);
    if (tls != null && ++tls.endedDirections == 2) {
      tlsConnections.remove(stream.connectionId);
    }
    WebSocketState ws = webSockets.get(stream.connectionId);
    if (ws != null && ++ws.endedDirections == 2) {
      webSockets.remove(stream.connectionId);
      // Without a word from the server the answer never came; when the server sent bytes that
      // were not read as an answer (lost in a gap), the capture cannot tell, and says nothing.
      if (!ws.handedOn && !ws.serverSpoke) {
        handOn(stream.connectionId, ws, null, -1, lastNanos);
      }
      awaitingAnswer.remove(stream.connectionId);
    }
  }

  @Override
  public void onIcmpError(Packet packet, IcmpError error) {
    listener.onIcmpError(packet, error);
  }

  private void report(String id, Packet p, String detail) {
    anomalies.report(id, p.frame.input, p.frame.number, p.frame.fileOffset, detail);
  }

  private enum Kind {
    UNDECIDED,
    SIP,
    TLS,
    WEBSOCKET,
    OTHER
  }

  /**
   * One WebSocket connection, which direction of the TCP connection its client sends, and what is
   * known about its opening handshake.
   */
  private static final class WebSocketState {
    final WebSocketConnection connection = new WebSocketConnection();
    final boolean clientIsInitiator;
    final Flow flow;
    int endedDirections;
    /** The frame that completed the upgrading GET, once read. */
    @Nullable FrameRef request;
    /** The first FIN while waiting for the answer, and its side. */
    @Nullable FrameRef closed;
    int closedBy = -1;
    /** Whether the server sent any byte (or bytes went missing from it). */
    boolean serverSpoke;
    /** Whether the handshake was handed to the listener. */
    boolean handedOn;

    WebSocketState(boolean clientIsInitiator, Flow flow) {
      this.clientIsInitiator = clientIsInitiator;
      this.flow = flow;
    }

    int side(TcpStream stream) {
      return stream.fromInitiator == clientIsInitiator
          ? WebSocketConnection.CLIENT
          : WebSocketConnection.SERVER;
    }
  }

  /** Per direction of a TCP connection: what it carries, and the SIP framer if SIP. */
  private static final class StreamState {
    Kind kind = Kind.UNDECIDED;
    @Nullable SipStreamFramer framer;
    /** The start of a GET whose header section is not complete yet (at most 4 KB). */
    byte @Nullable [] held;
  }

  /**
   * One TLS or DTLS conversation: counts records, reports damage, and passes everything on to the
   * listener the {@link MessageListener} chose.
   */
  private final class TlsState implements TlsListener {
    final boolean clientIsFirst;
    final @Nullable TlsListener delegate;
    final Packet packet;
    final boolean datagram;
    @Nullable TlsConnection stream;
    @Nullable DtlsConnection dtls;
    int endedDirections;

    TlsState(boolean clientIsFirst, @Nullable TlsListener delegate, Packet packet, boolean datagram) {
      this.clientIsFirst = clientIsFirst;
      this.delegate = delegate;
      this.packet = packet;
      this.datagram = datagram;
    }

    @Override
    public void onRecord(int side, int contentType, int version, int epoch, int length) {
      if (datagram) {
        dtlsRecords++;
      } else {
        tlsRecords++;
      }
      if (delegate != null) {
        delegate.onRecord(side, contentType, version, epoch, length);
      }
    }

    @Override
    public void onHandshake(int side, int type, int length) {
      if (delegate != null) {
        delegate.onHandshake(side, type, length);
      }
    }

    @Override
    public void onClientHello(int side, ClientHello hello) {
      if (delegate != null) {
        delegate.onClientHello(side, hello);
      }
    }

    @Override
    public void onServerHello(int side, ServerHello hello) {
      if (delegate != null) {
        delegate.onServerHello(side, hello);
      }
    }

    @Override
    public void onCertificates(int side, List<TlsCertificate> chain) {
      if (delegate != null) {
        delegate.onCertificates(side, chain);
      }
    }

    @Override
    public void onAlert(int side, TlsAlert alert) {
      if (delegate != null) {
        delegate.onAlert(side, alert);
      }
    }

    @Override
    public void onChangeCipherSpec(int side) {
      if (delegate != null) {
        delegate.onChangeCipherSpec(side);
      }
    }

    @Override
    public void onApplicationData(int side, int length) {
      if (delegate != null) {
        delegate.onApplicationData(side, length);
      }
    }

    @Override
    public void onProblem(int side, TlsProblem problem, String detail) {
      report(problem.id(), packet, detail);
      if (delegate != null) {
        delegate.onProblem(side, problem, detail);
      }
    }
  }

  /** A UDP conversation regardless of direction: the lower endpoint first. */
  private record UdpKey(byte[] a, int aPort, byte[] b, int bPort) {
    static UdpKey of(Packet p) {
      byte[] src = Arrays.copyOf(p.src, p.addressLength);
      byte[] dst = Arrays.copyOf(p.dst, p.addressLength);
      int c = Arrays.compare(src, dst);
      return c < 0 || (c == 0 && p.srcPort <= p.dstPort)
          ? new UdpKey(src, p.srcPort, dst, p.dstPort)
          : new UdpKey(dst, p.dstPort, src, p.srcPort);
    }

    /** Whether the packet's source is this key's first endpoint. */
    boolean clientIs(Packet p) {
      return p.srcPort == aPort && Arrays.equals(a, 0, a.length, p.src, 0, p.addressLength);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UdpKey k
          && aPort == k.aPort
          && bPort == k.bPort
          && Arrays.equals(a, k.a)
          && Arrays.equals(b, k.b);
    }

    @Override
    public int hashCode() {
      return (Arrays.hashCode(a) * 31 + aPort) * 31 + Arrays.hashCode(b) * 17 + bPort;
    }
  }
}
