package io.voipdoc.correlate.points;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.IcmpError;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.rtp.RtcpCompound;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.sip.BodyPart;
import io.voipdoc.decode.sip.CSeq;
import io.voipdoc.decode.sip.Contact;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.sip.Via;
import io.voipdoc.decode.stun.ChannelData;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.tls.TlsListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Matches packets across capture points and folds what the matches show into {@link
 * CapturePoints}. Feed it every message of every input in capture-time order (inputs merged by
 * time), then call {@link #finish()}.
 *
 * <p>Identity of a packet across points: SIP by Call-ID, CSeq, top Via branch and method or status
 * (RFC 3261 §8.1.1.7, §17.2.3: a proxy forwards with its own Via, so equal branches mean the same
 * hop); STUN by transaction ID and class (RFC 8489 §6); RTP by SSRC and sequence number (RFC 3550
 * §5.1). A NAT changes addresses and ports but none of these.
 *
 * <p>Each packet waits {@link PointMatcherConfig#matchWindowNanos()} of capture time for its copies
 * and is then settled: a copy at two points gives a clock-offset sample, an address rewrite, and
 * for SIP a field-by-field comparison; a point that did not see it decides whether it vanished on
 * the way (the point was capturing, and its matched traffic with the last point that saw the packet
 * contains the packet's destination) or was simply not captured there (before the point started,
 * after it ended). Settled packets are only counted per flow.
 *
 * <p>Limits: copies further apart than the window (clocks that differ by more) are not matched;
 * whether a point was capturing at a packet's time is judged on raw capture times.
 */
public final class PointMatcher implements MessageListener {
  private static final long TIMER_INTERVAL_NANOS = 1_000_000_000L;
  /** Time differences kept per flow and pair of points for the offset estimate. */
  private static final int SAMPLES_PER_FLOW = 64;
  /** Flows per pair of points whose time differences are kept. */
  private static final int SAMPLED_FLOWS = 32;

  private static final int BEFORE = 1;
  private static final int DURING = 2;
  private static final int TAIL = 3;

  private final PointMatcherConfig config;
  private final List<PointState> points = new ArrayList<>();
  private final Map<String, PointState> pointsByInput = new HashMap<>();
  private final LinkedHashMap<Key, Pending> pending = new LinkedHashMap<>();
  private final Map<GroupKey, Group> groups = new LinkedHashMap<>();
  private final Map<Long, PairState> pairs = new LinkedHashMap<>();
  private final Map<RewriteKey, RewriteAgg> rewrites = new LinkedHashMap<>();
  private final Map<String, SipChangeAgg> sipChanges = new LinkedHashMap<>();
  private long lastTimer = Long.MIN_VALUE;
  /** Whether the reader said there is one input ({@link #onInputs}). */
  private boolean single;

  public PointMatcher(PointMatcherConfig config) {
    this.config = config;
  }

  /** With the default limits. */
  public PointMatcher() {
    this(PointMatcherConfig.DEFAULTS);
  }

  // --- input ------------------------------------------------------------------------------------

  /**
   * With one input there is one capture point and no copy to wait for: packets are then only
   * counted, without waiting 5 s for copies that cannot come.
   */
  @Override
  public void onInputs(int count) {
    single = count == 1;
  }

  @Override
  public void onSip(SipMessage m, Packet packet) {
    PointState at = seen(packet);
    CSeq cseq = m.cseq();
    List<Via> vias = m.via();
    Via top = vias.isEmpty() ? null : vias.get(0);
    String callId = m.callId();
    String branch = top == null ? null : top.branch();
    if (at == null || callId == null || cseq == null || top == null || branch == null) {
      return;
    }
    at.sip++;
    if (single) {
      return;
    }
    int status = m.isRequest() ? -1 : m.statusCode();
    String method = m.isRequest() ? String.valueOf(m.method()) : cseq.method();
    String id = callId + "|" + cseq.number() + "|" + method + "|" + branch + "|" + status;
    List<Contact> contacts = m.contact();
    String contact =
        contacts.isEmpty() || contacts.get(0).address() == null
            ? null
            : contacts.get(0).address().uri().text();
    String sentBy = top.port() < 0 ? top.host() : top.host() + ":" + top.port();
    SipView view =
        new SipView(callId, method, status, branch, sentBy, contact, sdpLines(m));
    sight(new Key(PacketKind.SIP, id, 0), at, packet, -1, view);
  }

  @Override
  public void onStun(StunMessage m, Packet packet) {
    PointState at = seen(packet);
    if (at == null) {
      return;
    }
    at.stun++;
    if (single) {
      return;
    }
    sight(new Key(PacketKind.STUN, m.transactionIdHex() + "/" + m.messageType(), 0), at, packet, -1,
        null);
  }

  @Override
  public void onRtp(RtpPacket rtp, Packet packet) {
    PointState at = seen(packet);
    if (at == null) {
      return;
    }
    at.rtp++;
    at.stream(rtp.ssrc(), at.flow(packet, config.maxFlows()), packet, config.maxFlows());
    if (single) {
      return;
    }
    sight(new Key(PacketKind.RTP, "", (rtp.ssrc() << 16) | rtp.sequence()), at, packet, rtp.ssrc(),
        null);
  }

  @Override
  public void onChannelData(ChannelData data, Packet packet) {
    seen(packet);
  }

  @Override
  public void onRtcp(RtcpCompound rtcp, Packet packet) {
    seen(packet);
  }

  @Override
  public void onIcmpError(Packet packet, IcmpError error) {
    seen(packet);
  }

  @Override
  public @Nullable TlsListener onTlsStart(
      io.voipdoc.decode.Flow flow, boolean datagram, Packet packet) {
    seen(packet);
    return null;
  }

  /** Notes that the packet's point was capturing at its time; null when beyond the point limit. */
  private @Nullable PointState seen(Packet packet) {
    long now = packet.timestampNanos;
    if (now - lastTimer >= TIMER_INTERVAL_NANOS) {
      lastTimer = now;
      expire(now - config.matchWindowNanos());
    }
    String input = packet.frame.input;
    PointState at = pointsByInput.get(input);
    if (at == null) {
      if (points.size() >= config.maxPoints()) {
        return null;
      }
      at = new PointState(points.size(), input);
      points.add(at);
      pointsByInput.put(input, at);
    }
    if (at.first == null) {
      at.first = packet.frame.ref();
    }
    if (now >= at.lastNanos) {
      // kept as numbers: a reference per packet would be garbage for all but the last
      at.lastNanos = now;
      at.lastNumber = packet.frame.number;
      at.lastInterface = packet.frame.interfaceId;
    }
    return at;
  }

  private void sight(Key key, PointState at, Packet packet, long ssrc, @Nullable SipView sip) {
    Pending p = pending.get(key);
    if (p == null) {
      if (pending.size() >= config.maxPending()) {
        Iterator<Pending> eldest = pending.values().iterator();
        settle(eldest.next());
        eldest.remove();
      }
      p = new Pending(key.kind(), packet.timestampNanos, ssrc);
      pending.put(key, p);
    }
    for (Sighting s : p.sightings) {
      if (s.point == at.index) {
        return; // a retransmission or duplicate at the same point: its first copy stands
      }
    }
    p.sightings.add(new Sighting(at.index, at.name, packet.frame.number, packet.frame.interfaceId,
        packet.timestampNanos, at.flow(packet, config.maxFlows()), sip));
  }

  /** Settles every packet first seen before {@code horizon}. */
  private void expire(long horizon) {
    Iterator<Pending> it = pending.values().iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.firstTime >= horizon) {
        return;
      }
      settle(p);
      it.remove();
    }
  }

  // --- settling one packet ------------------------------------------------------------------------

  private void settle(Pending p) {
    List<Sighting> seen = p.sightings;
    for (int i = 0; i < seen.size(); i++) {
      for (int j = i + 1; j < seen.size(); j++) {
        Sighting a = seen.get(i);
        Sighting b = seen.get(j);
        if (a.point > b.point) {
          Sighting t = a;
          a = b;
          b = t;
        }
        matched(p, a, b);
      }
    }
    if (points.size() < 2) {
      return;
    }
    long mask = 0;
    for (Sighting s : seen) {
      mask |= 1L << s.point;
    }
    long phases = 0;
    for (PointState u : points) {
      if ((mask & (1L << u.index)) == 0) {
        long phase =
            u.first == null || u.first.timestampNanos() > p.firstTime
                ? BEFORE
                : u.lastNanos >= p.firstTime ? DURING : TAIL;
        phases |= phase << (2 * u.index);
      }
    }
    if (phases == 0) {
      return; // seen everywhere
    }
    Sighting first = seen.get(0);
    String what = first.sip == null ? "" : first.sip.label();
    GroupKey key = new GroupKey(p.kind, p.ssrc, what, first.flow, mask, phases);
    Group g = groups.get(key);
    if (g == null) {
      if (groups.size() >= config.maxFlows()) {
        return;
      }
      g = new Group(key, List.copyOf(seen));
      groups.put(key, g);
    }
    g.packets++;
    g.last = List.copyOf(seen);
  }

  private void matched(Pending p, Sighting a, Sighting b) {
    PairState pair = pairs.computeIfAbsent(pairKey(a.point, b.point), k -> new PairState(a.point, b.point));
    pair.count[p.kind.ordinal()]++;
    pair.sample(a.flow, b.time - a.time);
    pair.route(a, b, config.maxFlows());
    if (!a.source().equals(b.source()) || !a.destination().equals(b.destination())) {
      RewriteKey key = new RewriteKey(p.kind, a.flow, b.flow);
      RewriteAgg r = rewrites.get(key);
      if (r == null && rewrites.size() < config.maxFlows()) {
        r = new RewriteAgg(p.kind, a, b);
        rewrites.put(key, r);
      }
      if (r != null) {
        r.packets++;
      }
    }
    if (a.sip != null && b.sip != null) {
      compare(a, b, "Via", a.sip.via(), b.sip.via());
      compare(a, b, "Contact", a.sip.contact(), b.sip.contact());
      for (String type : new String[] {"o=", "c=", "m="}) {
        compare(a, b, "SDP " + type, a.sip.sdp(type), b.sip.sdp(type));
      }
    }
  }

  private void compare(Sighting a, Sighting b, String field, @Nullable String va, @Nullable String vb) {
    if (Objects.equals(va, vb) || sipChanges.size() >= config.maxFlows()) {
      return;
    }
    SipView v = Objects.requireNonNull(a.sip);
    String key = v.callId() + "|" + v.label() + "|" + a.point + "#" + a.number + "|" + b.point + "#"
        + b.number + "|" + field;
    sipChanges.putIfAbsent(key, new SipChangeAgg(a, b, field, va, vb));
  }

  // --- result -------------------------------------------------------------------------------------

  /** Settles every waiting packet and returns what the points show. */
  public CapturePoints finish() {
    for (Pending p : pending.values()) {
      settle(p);
    }
    pending.clear();
    List<CapturePoint> outPoints = new ArrayList<>();
    for (PointState s : points) {
      FrameRef last =
          s.first == null ? null : new FrameRef(s.name, s.lastNumber, s.lastNanos, s.lastInterface);
      outPoints.add(new CapturePoint(s.name, s.first, last, s.sip, s.stun, s.rtp,
          s.streams.stream().map(StreamAgg::result).toList()));
    }
    Map<Long, Long> offsets = new HashMap<>();
    List<PointPair> outPairs = new ArrayList<>();
    for (PairState pair : pairs.values()) {
      PointPair r = pair.result(points.get(pair.a).name, points.get(pair.b).name);
      offsets.put(pairKey(pair.a, pair.b), pair.offset);
      outPairs.add(r);
    }
    List<AddressRewrite> outRewrites = new ArrayList<>();
    for (RewriteAgg r : rewrites.values()) {
      boolean forward = earlier(r.a, r.b, offsets);
      Sighting from = forward ? r.a : r.b;
      Sighting to = forward ? r.b : r.a;
      outRewrites.add(new AddressRewrite(r.kind, name(from), name(to), from.source(),
          from.destination(), to.source(), to.destination(), r.packets, from.frame(), to.frame()));
    }
    List<SipChange> outChanges = new ArrayList<>();
    for (SipChangeAgg c : sipChanges.values()) {
      boolean forward = earlier(c.a, c.b, offsets);
      Sighting from = forward ? c.a : c.b;
      Sighting to = forward ? c.b : c.a;
      SipView v = Objects.requireNonNull(from.sip);
      outChanges.add(new SipChange(v.callId(), v.method(), v.status(), v.branch(), name(from),
          name(to),
          from.frame(), to.frame(), c.field, forward ? c.va : c.vb, forward ? c.vb : c.va));
    }
    Map<List<Object>, VanishedAgg> vanished = new LinkedHashMap<>();
    Map<List<Integer>, GapAgg> gaps = new LinkedHashMap<>();
    for (Group g : groups.values()) {
      judge(g, offsets, vanished, gaps);
    }
    List<Vanished> outVanished = new ArrayList<>();
    for (VanishedAgg v : vanished.values()) {
      outVanished.add(v.result());
    }
    List<CoverageGap> outGaps = new ArrayList<>();
    for (GapAgg gap : gaps.values()) {
      outGaps.add(new CoverageGap(points.get(gap.point).name, points.get(gap.other).name,
          gap.before, gap.after, Objects.requireNonNull(gap.first),
          Objects.requireNonNull(gap.last)));
    }
    return new CapturePoints(List.copyOf(outPoints), List.copyOf(outPairs), List.copyOf(outVanished),
        List.copyOf(outRewrites), List.copyOf(outChanges), List.copyOf(outGaps));
  }

  /** Decides, for every point that did not see a group of packets, why: vanished or not captured. */
  private void judge(Group g, Map<Long, Long> offsets, Map<List<Object>, VanishedAgg> vanished,
      Map<List<Integer>, GapAgg> gaps) {
    Sighting last = g.first.get(0);
    Sighting earliest = g.first.get(0);
    for (Sighting s : g.first) {
      if (earlier(last, s, offsets)) {
        last = s;
      }
      if (earlier(s, earliest, offsets)) {
        earliest = s;
      }
    }
    Sighting at = last;
    Sighting lastOfGroup = last;
    for (Sighting s : g.last) {
      if (s.point == last.point) {
        lastOfGroup = s;
      }
    }
    for (PointState u : points) {
      long phase = (g.key.phases() >>> (2 * u.index)) & 3;
      if (phase == 0) {
        continue;
      }
      PairState next = pairs.get(pairKey(last.point, u.index));
      boolean downstream = next != null && next.passes(last.point, last.destination());
      PairState before = pairs.get(pairKey(earliest.point, u.index));
      boolean upstream = before != null && before.cameThrough(earliest.point, earliest.source());
      boolean ended = phase == TAIL && u.lastNanos < last.time;
      if ((phase == BEFORE || ended) && (downstream || upstream)) {
        GapAgg gap = gaps.computeIfAbsent(List.of(u.index, last.point), k -> new GapAgg(u.index, k.get(1)));
        gap.add(phase == BEFORE, g.packets, last.frame(), lastOfGroup.frame());
      } else if (downstream) {
        // lost on the way from the last point that saw it to u while u was capturing (a packet
        // that should have passed u before the others, upstream, cannot have vanished there)
        List<Object> key = List.of(g.key.kind(), last.point, u.index, last.flow, g.key.ssrc(),
            g.key.what());
        VanishedAgg v = vanished.computeIfAbsent(key, k -> new VanishedAgg(g.key, at, u.index));
        v.add(g.packets, last.frame(), lastOfGroup.frame());
      }
    }
  }

  /** Whether {@code a} was seen before {@code b}, after correcting their points' clock offset. */
  private static boolean earlier(Sighting a, Sighting b, Map<Long, Long> offsets) {
    if (a.point == b.point) {
      return a.time <= b.time;
    }
    long offset = offsets.getOrDefault(pairKey(a.point, b.point), 0L);
    // offset is the higher-numbered point's clock minus the lower one's
    long bOnAClock = a.point < b.point ? b.time - offset : b.time + offset;
    return a.time < bOnAClock || (a.time == bOnAClock && a.point < b.point);
  }

  private String name(Sighting s) {
    return points.get(s.point).name;
  }

  private static long pairKey(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  /** The o=, c= and m= lines of the SDP body, in order, for comparing copies. */
  private static List<String> sdpLines(SipMessage m) {
    BodyPart body = m.sdp();
    if (body == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : body.text().split("\r?\n")) {
      if (line.startsWith("o=") || line.startsWith("c=") || line.startsWith("m=")) {
        out.add(line.strip());
      }
    }
    return out;
  }

  // --- state --------------------------------------------------------------------------------------

  /** What identifies one packet at every point. */
  private record Key(PacketKind kind, String id, long number) {}

  /** The parts of a SIP message a rewrite between points shows in. */
  private record SipView(
      String callId, String method, int status, String branch, String via,
      @Nullable String contact,
      List<String> sdpLines) {
    String label() {
      return status < 0 ? method : status + " " + method;
    }

    /** The lines of one SDP type joined, or null without any. */
    @Nullable String sdp(String type) {
      StringBuilder b = new StringBuilder();
      for (String line : sdpLines) {
        if (line.startsWith(type)) {
          b.append(b.length() == 0 ? "" : " | ").append(line);
        }
      }
      return b.length() == 0 ? null : b.toString();
    }
  }

  /** One packet's first copy at one point. */
  private record Sighting(
      int point, String input, long number, int iface, long time, Flow flow,
      @Nullable SipView sip) {
    FrameRef frame() {
      return new FrameRef(input, number, time, iface);
    }

    Endpoint source() {
      return flow.source;
    }

    Endpoint destination() {
      return flow.destination;
    }
  }

  /**
   * One address pair at one point, made once and then found again by the packet's raw addresses
   * and ports (no allocation per packet); compared by identity.
   */
  private static final class Flow {
    final Endpoint source;
    final Endpoint destination;
    /** RTP streams on this flow by SSRC, usually one. */
    final Map<Long, StreamAgg> streams = new HashMap<>(2);

    Flow(Endpoint source, Endpoint destination) {
      this.source = source;
      this.destination = destination;
    }
  }

  /** The raw addresses, ports and transport of a packet, as a hash key. */
  private static final class FlowProbe {
    final byte[] src = new byte[16];
    final byte[] dst = new byte[16];
    int length;
    int srcPort;
    int dstPort;
    int protocol;
    int hash;

    FlowProbe set(Packet p) {
      length = p.addressLength;
      System.arraycopy(p.src, 0, src, 0, length);
      System.arraycopy(p.dst, 0, dst, 0, length);
      srcPort = p.srcPort;
      dstPort = p.dstPort;
      protocol = p.protocol;
      int h = protocol;
      for (int i = 0; i < length; i++) {
        h = 31 * h + src[i];
        h = 31 * h + dst[i];
      }
      hash = 31 * (31 * h + srcPort) + dstPort;
      return this;
    }

    FlowProbe copy() {
      FlowProbe c = new FlowProbe();
      c.length = length;
      System.arraycopy(src, 0, c.src, 0, length);
      System.arraycopy(dst, 0, c.dst, 0, length);
      c.srcPort = srcPort;
      c.dstPort = dstPort;
      c.protocol = protocol;
      c.hash = hash;
      return c;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FlowProbe f && f.hash == hash && f.length == length
          && f.srcPort == srcPort && f.dstPort == dstPort && f.protocol == protocol
          && Arrays.equals(f.src, 0, length, src, 0, length)
          && Arrays.equals(f.dst, 0, length, dst, 0, length);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A packet waiting for its copies. */
  private static final class Pending {
    final PacketKind kind;
    final long firstTime;
    final long ssrc;
    final List<Sighting> sightings = new ArrayList<>(2);

    Pending(PacketKind kind, long firstTime, long ssrc) {
      this.kind = kind;
      this.firstTime = firstTime;
      this.ssrc = ssrc;
    }
  }

  /**
   * Settled packets of one flow that some points did not see: the flow as its first point saw it,
   * which points saw it, and per unseen point whether it was before that point's start, while it
   * captured, or after its last packet so far (2 bits per point).
   */
  private record GroupKey(
      PacketKind kind, long ssrc, String what, Flow flow, long mask, long phases) {}

  private static final class Group {
    final GroupKey key;
    final List<Sighting> first;
    List<Sighting> last;
    long packets;

    Group(GroupKey key, List<Sighting> first) {
      this.key = key;
      this.first = first;
      this.last = first;
    }
  }

  private static final class PointState {
    final int index;
    final String name;
    @Nullable FrameRef first;
    long lastNanos = Long.MIN_VALUE;
    long lastNumber;
    int lastInterface;
    long sip;
    long stun;
    long rtp;
    /** RTP streams in order first seen. */
    final List<StreamAgg> streams = new ArrayList<>();
    final Map<FlowProbe, Flow> flows = new HashMap<>();
    private final FlowProbe probe = new FlowProbe();

    PointState(int index, String name) {
      this.index = index;
      this.name = name;
    }

    /** The packet's flow at this point (beyond the limit, made anew and not kept). */
    Flow flow(Packet packet, int max) {
      Flow f = flows.get(probe.set(packet));
      if (f == null) {
        f = new Flow(Endpoint.source(packet), Endpoint.destination(packet));
        if (flows.size() < max) {
          flows.put(probe.copy(), f);
        }
      }
      return f;
    }

    void stream(long ssrc, Flow flow, Packet packet, int max) {
      StreamAgg s = flow.streams.get(ssrc);
      if (s == null) {
        if (streams.size() >= max) {
          return;
        }
        s = new StreamAgg(ssrc, flow.source, flow.destination, packet.frame.ref());
        flow.streams.put(ssrc, s);
        streams.add(s);
      }
      s.packets++;
    }
  }

  private static final class StreamAgg {
    final long ssrc;
    final Endpoint source;
    final Endpoint destination;
    final FrameRef first;
    long packets;

    StreamAgg(long ssrc, Endpoint source, Endpoint destination, FrameRef first) {
      this.ssrc = ssrc;
      this.source = source;
      this.destination = destination;
      this.first = first;
    }

    PointStream result() {
      return new PointStream(ssrc, source, destination, packets, first);
    }
  }

  /** Matches between two points (a < b): counts, time differences per flow, endpoints seen. */
  private static final class PairState {
    final int a;
    final int b;
    final long[] count = new long[PacketKind.values().length];
    /** Time differences per flow, as the first point saw it. */
    final Map<Flow, Samples> samples = new LinkedHashMap<>();
    /** Per destination as seen at a (b): the first matched packet's time at b minus at a. */
    final Map<Endpoint, Long> towardsA = new HashMap<>();
    final Map<Endpoint, Long> towardsB = new HashMap<>();
    /** Per source as seen at a (b): the first matched packet's time at b minus at a. */
    final Map<Endpoint, Long> fromA = new HashMap<>();
    final Map<Endpoint, Long> fromB = new HashMap<>();
    /** The offset used to order packets of this pair: the estimate, or 0 when insignificant. */
    long offset;

    PairState(int a, int b) {
      this.a = a;
      this.b = b;
    }

    void sample(Flow flow, long delta) {
      Samples s = samples.get(flow);
      if (s == null) {
        if (samples.size() >= SAMPLED_FLOWS) {
          return;
        }
        s = new Samples();
        samples.put(flow, s);
      }
      if (s.n < SAMPLES_PER_FLOW) {
        s.values[s.n++] = delta;
      }
    }

    /** Notes where a matched packet came from and went to at each point. */
    void route(Sighting atA, Sighting atB, int max) {
      long delta = atB.time - atA.time;
      if (towardsA.size() < max) {
        towardsA.putIfAbsent(atA.destination(), delta);
        fromA.putIfAbsent(atA.source(), delta);
      }
      if (towardsB.size() < max) {
        towardsB.putIfAbsent(atB.destination(), delta);
        fromB.putIfAbsent(atB.source(), delta);
      }
    }

    /**
     * Whether matched packets to this destination (as {@code point} saw it) passed {@code point}
     * first and the pair's other point next: traffic to it is known to flow that way. Valid after
     * {@link #result}.
     */
    boolean passes(int point, Endpoint destination) {
      Long delta = (point == a ? towardsA : towardsB).get(destination);
      if (delta == null) {
        return false;
      }
      return point == a ? delta - offset > 0 : delta - offset < 0;
    }

    /**
     * Whether matched packets from this source (as {@code point} saw it) passed the pair's other
     * point first and {@code point} next. Valid after {@link #result}.
     */
    boolean cameThrough(int point, Endpoint source) {
      Long delta = (point == a ? fromA : fromB).get(source);
      if (delta == null) {
        return false;
      }
      return point == a ? delta - offset < 0 : delta - offset > 0;
    }

    PointPair result(String nameA, String nameB) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (Samples e : samples.values()) {
        long[] sorted = Arrays.copyOf(e.values, e.n);
        Arrays.sort(sorted);
        long median = sorted[e.n / 2];
        min = Math.min(min, median);
        max = Math.max(max, median);
      }
      // flows in one direction see offset + transit, the other direction offset - transit
      long estimate = min + (max - min) / 2;
      long transit = (max - min) / 2;
      // an offset within the spread of the flows' transit times cannot be told from none: then
      // the clocks are taken as equal for ordering (raw times order packets best)
      offset = Math.abs(estimate) > transit ? estimate : 0;
      boolean both = bothDirections();
      return new PointPair(nameA, nameB, count[PacketKind.SIP.ordinal()],
          count[PacketKind.STUN.ordinal()], count[PacketKind.RTP.ordinal()], estimate,
          both ? transit : 0, both);
    }

    /**
     * Whether traffic went both ways: some sampled flow goes between the same two addresses as
     * another in reverse (ports may differ: a NAT may map each direction's flow apart).
     */
    private boolean bothDirections() {
      for (Flow f : samples.keySet()) {
        for (Flow g : samples.keySet()) {
          if (f.source.address().equals(g.destination.address())
              && f.destination.address().equals(g.source.address())) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** Flows are per point and compared by identity, so they name the points too. */
  private record RewriteKey(PacketKind kind, Flow atA, Flow atB) {}

  private static final class Samples {
    final long[] values = new long[SAMPLES_PER_FLOW];
    int n;
  }

  private static final class RewriteAgg {
    final PacketKind kind;
    final Sighting a;
    final Sighting b;
    long packets;

    RewriteAgg(PacketKind kind, Sighting a, Sighting b) {
      this.kind = kind;
      this.a = a;
      this.b = b;
    }
  }

  private record SipChangeAgg(
      Sighting a, Sighting b, String field, @Nullable String va, @Nullable String vb) {}

  private final class VanishedAgg {
    final GroupKey key;
    final Sighting at;
    final int to;
    long packets;
    FrameRef first;
    FrameRef last;

    VanishedAgg(GroupKey key, Sighting at, int to) {
      this.key = key;
      this.at = at;
      this.to = to;
      this.first = at.frame();
      this.last = at.frame();
    }

    void add(long n, FrameRef firstFrame, FrameRef lastFrame) {
      packets += n;
      if (firstFrame.timestampNanos() < first.timestampNanos()) {
        first = firstFrame;
      }
      if (lastFrame.timestampNanos() > last.timestampNanos()) {
        last = lastFrame;
      }
    }

    Vanished result() {
      return new Vanished(key.kind(), points.get(at.point).name, points.get(to).name, at.source(),
          at.destination(), key.ssrc(), key.what(), packets, first, last);
    }
  }

  private static final class GapAgg {
    final int point;
    final int other;
    long before;
    long after;
    @Nullable FrameRef first;
    @Nullable FrameRef last;

    GapAgg(int point, int other) {
      this.point = point;
      this.other = other;
    }

    void add(boolean isBefore, long n, FrameRef firstFrame, FrameRef lastFrame) {
      if (isBefore) {
        before += n;
      } else {
        after += n;
      }
      if (first == null || firstFrame.timestampNanos() < first.timestampNanos()) {
        first = firstFrame;
      }
      if (last == null || lastFrame.timestampNanos() > last.timestampNanos()) {
        last = lastFrame;
      }
    }
  }
}
