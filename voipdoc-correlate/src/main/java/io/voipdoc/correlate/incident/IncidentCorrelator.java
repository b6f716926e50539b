package io.voipdoc.correlate.incident;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.media.MediaCorrelator;
import io.voipdoc.correlate.media.MediaCorrelatorConfig;
import io.voipdoc.correlate.points.PointMatcher;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.Registration;
import io.voipdoc.correlate.sip.SipCorrelator;
import io.voipdoc.correlate.sip.SipCorrelatorConfig;
import io.voipdoc.correlate.web.WebSocketUpgrades;
import io.voipdoc.decode.Flow;
import io.voipdoc.decode.IcmpError;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.rtp.RtcpCompound;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.stun.ChannelData;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.tls.TlsListener;
import io.voipdoc.decode.ws.WebSocketUpgrade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Wires the SIP and media correlation together: SIP messages go to the {@link SipCorrelator},
 * which hands every SDP body to the {@link MediaCorrelator}, which gets everything else. Idle
 * media state expires once per second of capture time (the SIP side keeps its own timer). The
 * {@link PointMatcher} gets every message too and compares the capture points. WebSocket opening
 * handshakes are collected apart ({@link WebSocketUpgrades}).
 */
public final class IncidentCorrelator implements MessageListener {
  /** How often, in capture time, idle media state is expired. */
  public static final long TIMER_INTERVAL_NANOS = 1_000_000_000L;

  /** Truncated SIP frames kept per input as examples; beyond this they are only counted. */
  public static final int MAX_TRUNCATED_FRAMES = 16;

  private final MediaCorrelator media;
  private final SipCorrelator sip;
  private final List<Call> calls = new ArrayList<>();
  private final List<Registration> registrations = new ArrayList<>();
  private final Map<String, InputCounter> inputs = new LinkedHashMap<>();
  private final PointMatcher points = new PointMatcher();
  private final WebSocketUpgrades webSocketUpgrades = new WebSocketUpgrades();
  private long lastTimer = Long.MIN_VALUE;

  public IncidentCorrelator(SipCorrelatorConfig sipConfig, MediaCorrelatorConfig mediaConfig) {
    this.media = new MediaCorrelator(mediaConfig);
    this.sip = new SipCorrelator(sipConfig, media, calls::add, registrations::add);
  }

  /** With the default limits. */
  public IncidentCorrelator() {
    this(SipCorrelatorConfig.DEFAULTS, MediaCorrelatorConfig.DEFAULTS);
  }

  /** Ends all correlation and returns what was found. */
  public Incident finish() {
    sip.finish();
    media.finish();
    calls.sort(Comparator.comparingInt(Call::index));
    registrations.sort(Comparator.comparingLong(r -> r.attempts().isEmpty() ? 0 : r.attempts().get(0).request().timeNanos()));
    return new Incident(
        List.copyOf(calls),
        List.copyOf(registrations),
        media.streams(),
        media.iceSessions(),
        media.connectivityChecks(),
        media.serverExchanges(),
        media.tlsConnections(),
        media.icmpEvents(),
        sip.sources(),
        sip.subscriptions(),
        sip.keepAlives(),
        inputs.values().stream().map(InputCounter::seen).toList(),
        sip.strays(),
        points.finish(),
        webSocketUpgrades.all());
  }

  private void seen(Packet p, boolean isSip) {
    InputCounter c = inputs.computeIfAbsent(p.frame.input, k -> new InputCounter(p.frame.ref()));
    c.last = p.frame.ref();
    if (isSip) {
      c.sip++;
      if (p.frame.truncated()) {
        c.truncated++;
        if (c.truncatedFrames.size() < MAX_TRUNCATED_FRAMES) {
          c.truncatedFrames.add(new InputSeen.Cut(p.frame.ref(), p.frame.capturedLength, p.frame.originalLength));
        }
      }
    } else {
      c.other++;
    }
    if (loopback(p.src, p.addressLength) || loopback(p.dst, p.addressLength)) {
      c.loopback++;
    }
  }

  /** 127.0.0.0/8 (RFC 1122 §3.2.1.3) or ::1 (RFC 4291 §2.5.3). */
  private static boolean loopback(byte[] a, int length) {
    if (length == 4) {
      return a[0] == 127;
    }
    if (length != 16) {
      return false;
    }
    for (int i = 0; i < 15; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[15] == 1;
  }

  /** Counts for one input while it is read. */
  private static final class InputCounter {
    final FrameRef first;
    FrameRef last;
    long sip;
    long other;
    long loopback;
    long truncated;
    final List<InputSeen.Cut> truncatedFrames = new ArrayList<>();

    InputCounter(FrameRef first) {
      this.first = first;
      this.last = first;
    }

    InputSeen seen() {
      return new InputSeen(first.input(), first, last, sip, other, loopback, truncated,
          List.copyOf(truncatedFrames));
    }
  }

  private void tick(Packet p) {
    if (p.timestampNanos - lastTimer >= TIMER_INTERVAL_NANOS) {
      lastTimer = p.timestampNanos;
      media.onTimer(p.timestampNanos);
    }
  }

  @Override
  public void onInputs(int count) {
    points.onInputs(count);
  }

  @Override
  public void onSip(SipMessage message, Packet packet) {
    tick(packet);
    seen(packet, true);
    sip.onSip(message, packet);
    points.onSip(message, packet);
  }

  @Override
  public void onStun(StunMessage message, Packet packet) {
    tick(packet);
    seen(packet, false);
    media.onStun(message, packet);
    points.onStun(message, packet);
  }

  @Override
  public void onChannelData(ChannelData data, Packet packet) {
    tick(packet);
    seen(packet, false);
    media.onChannelData(data, packet);
    points.onChannelData(data, packet);
  }

  @Override
  public void onRtp(RtpPacket rtp, Packet packet) {
    tick(packet);
    seen(packet, false);
    media.onRtp(rtp, packet);
    points.onRtp(rtp, packet);
  }

  @Override
  public void onRtcp(RtcpCompound rtcp, Packet packet) {
    tick(packet);
    seen(packet, false);
    media.onRtcp(rtcp, packet);
    points.onRtcp(rtcp, packet);
  }

  @Override
  public void onIcmpError(Packet packet, IcmpError error) {
    tick(packet);
    seen(packet, false);
    media.onIcmpError(packet, error);
    points.onIcmpError(packet, error);
  }

  @Override
  public @Nullable TlsListener onTlsStart(Flow flow, boolean datagram, Packet packet) {
    tick(packet);
    seen(packet, false);
    points.onTlsStart(flow, datagram, packet);
    return media.onTlsStart(flow, datagram, packet);
  }

  @Override
  public void onWebSocketUpgrade(Flow flow, WebSocketUpgrade upgrade) {
    webSocketUpgrades.onWebSocketUpgrade(flow, upgrade);
  }
}
