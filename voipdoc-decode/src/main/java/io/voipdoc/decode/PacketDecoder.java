package io.voipdoc.decode;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.LinkType;
import io.voipdoc.decode.ip.FragmentReassembler;
import io.voipdoc.decode.ip.IcmpDecoder;
import io.voipdoc.decode.ip.IcmpMessage;
import io.voipdoc.decode.ip.IpHeader;
import io.voipdoc.decode.ip.Ipv4Decoder;
import io.voipdoc.decode.ip.Ipv6Decoder;
import io.voipdoc.decode.ip.TcpHeaderDecoder;
import io.voipdoc.decode.ip.TransportHeader;
import io.voipdoc.decode.ip.UdpDecoder;
import io.voipdoc.decode.link.LinkDecoder;
import io.voipdoc.decode.link.LinkProblem;
import io.voipdoc.decode.link.NetworkLayer;
import io.voipdoc.decode.tcp.TcpReassembler;
import io.voipdoc.decode.tcp.TcpStream;
import io.voipdoc.decode.tunnel.ErspanDecoder;
import io.voipdoc.decode.tunnel.GreDecoder;
import io.voipdoc.decode.tunnel.GreHeader;
import io.voipdoc.decode.tunnel.HepDecoder;
import io.voipdoc.decode.tunnel.HepMessage;
import io.voipdoc.decode.tunnel.HepProblem;
import io.voipdoc.decode.tunnel.HepStreamFramer;
import io.voipdoc.decode.tunnel.TunnelProblem;
import io.voipdoc.decode.tunnel.VxlanDecoder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Takes frames through link layer, tunnels, IP (with fragment reassembly) and UDP, TCP (with
 * stream reassembly) or ICMP, and tells a {@link PacketListener} what it finds.
 *
 * <p>Feed every frame of a capture, in order, to {@link #decode}, then call {@link #finish}.
 * Damage never stops decoding: it is reported to the {@link AnomalyLog} and the frame is
 * dropped at the layer where it is found. Time is capture time ({@link Frame#timestampNanos});
 * reassembly timeouts run once per {@link DecodeConfig#expiryIntervalNanos()} of it, so the same
 * code serves files and live captures.
 *
 * <p>Tunnelled packets are decoded as if captured directly. {@link Packet#encapsulation} and
 * {@link Packet#outerSrc}/{@link Packet#outerDst} describe the outermost tunnel, which is where
 * the capture was made (the mirroring switch of ERSPAN, the HEP agent, ...).
 *
 * <p>The hot path allocates nothing per packet: one {@link Packet} and one holder per layer are
 * refilled. Not thread-safe: one instance per capture pipeline.
 */
public final class PacketDecoder {
  private static final int ICMP = 1;
  private static final int IPIP = 4;
  private static final int TCP = 6;
  private static final int UDP = 17;
  private static final int IPV6_IN_IP = 41;
  private static final int GRE = 47;
  private static final int ICMPV6 = 58;

  private final DecodeConfig config;
  private final PacketListener listener;
  private final AnomalyLog anomalies;
  private final LinkDecoder link;
  private final Ipv6Decoder ipv6;
  private final IcmpDecoder icmp;
  private final FragmentReassembler fragments;
  private final TcpReassembler streams;
  private final DecodeStats stats = new DecodeStats();

  private final NetworkLayer network = new NetworkLayer();
  private final IpHeader ip = new IpHeader();
  private final TransportHeader transport = new TransportHeader();
  private final GreHeader gre = new GreHeader();
  private final HepMessage hep = new HepMessage();
  private final IcmpMessage icmpMessage = new IcmpMessage();
  private final Packet packet = new Packet();
  /** Filled for HEP messages framed from a TCP stream, while {@link #packet} holds the segment. */
  private final Packet streamHepPacket = new Packet();
  private final Map<TcpStream, HepStreamFramer> hepStreams = new IdentityHashMap<>();
  private @Nullable TcpStream framingStream;
  private final HepStreamFramer.Handler streamHep = this::onStreamHep;
  private long nextExpiryNanos = Long.MIN_VALUE;

  public PacketDecoder(DecodeConfig config, PacketListener listener, AnomalyLog anomalies) {
    this.config = config;
    this.listener = listener;
    this.anomalies = anomalies;
    this.link = new LinkDecoder(config.link());
    this.ipv6 = new Ipv6Decoder(config.ip());
    this.icmp = new IcmpDecoder(config.ip());
    this.fragments = new FragmentReassembler(config.fragments(), anomalies);
    this.streams = new TcpReassembler(config.tcp(), new StreamSink(), anomalies);
  }

  /** Decodes one frame; listener callbacks happen inside this call. */
  public void decode(Frame frame) {
    stats.frames++;
    packet.frame = frame;
    reset(packet, frame);
    expireIfDue(frame.timestampNanos);
    link.decode(frame, network, anomalies);
    countLink();
    switch (network.kind) {
      case IPV4 -> ip(frame.data, network.offset, network.length, 4, 0);
      case IPV6 -> ip(frame.data, network.offset, network.length, 6, 0);
      case NON_IP -> stats.nonIp++;
      case UNSUPPORTED -> unsupported(frame);
      case DAMAGED -> stats.damaged++;
    }
  }

  /**
   * End of input: reports fragments that never completed and ends every TCP stream (flushing
   * what the reassembler still holds).
   */
  public void finish() {
    fragments.finish();
    streams.finish();
    hepStreams.clear();
  }

  /** The counters so far. */
  public DecodeStats stats() {
    return stats;
  }

  private void expireIfDue(long now) {
    if (now >= nextExpiryNanos) {
      fragments.expire(now);
      streams.expire(now);
      nextExpiryNanos = now + config.expiryIntervalNanos();
    }
  }

  private static void reset(Packet p, Frame frame) {
    p.frame = frame;
    p.timestampNanos = frame.timestampNanos;
    p.reassembled = false;
    p.srcPort = 0;
    p.dstPort = 0;
    p.payload = frame.data;
    p.payloadOffset = 0;
    p.payloadLength = 0;
    p.encapsulation = Packet.Encapsulation.NONE;
    p.outerAddressLength = 0;
    p.hepCaptureId = -1;
    p.hepPayloadType = -1;
  }

  private void countLink() {
    if (network.vlanTags > 0) {
      stats.vlan++;
    }
    if (network.mplsLabels > 0) {
      stats.mpls++;
    }
    if (network.pppoe) {
      stats.pppoe++;
    }
  }

  private void unsupported(Frame frame) {
    stats.unsupportedLinkType++;
    Long before = stats.unsupportedLinkTypes.merge(frame.linkType, 1L, Long::sum);
    if (before == 1L) {
      LinkProblem.UNSUPPORTED_TYPE.report(
          anomalies, frame, "linktype=" + frame.linkType + " name=" + LinkType.name(frame.linkType));
    }
  }

  /** An IP packet of {@code version} at {@code off}, {@code depth} tunnels deep. */
  private void ip(byte[] b, int off, int len, int version, int depth) {
    Frame frame = packet.frame;
    boolean ok =
        version == 4
            ? Ipv4Decoder.decode(b, off, len, ip, frame, anomalies)
            : ipv6.decode(b, off, len, ip, frame, anomalies);
    if (!ok) {
      return;
    }
    if (version == 4) {
      stats.ipv4++;
    } else {
      stats.ipv6++;
    }
    packet.ipVersion = version;
    packet.addressLength = ip.addressLength;
    System.arraycopy(ip.src, 0, packet.src, 0, ip.addressLength);
    System.arraycopy(ip.dst, 0, packet.dst, 0, ip.addressLength);
    packet.protocol = ip.protocol;
    packet.dscp = ip.dscp;
    packet.ttl = ip.ttl;
    byte[] data = b;
    int pos = ip.payloadOffset;
    int length = ip.payloadLength;
    if (ip.fragment) {
      stats.ipFragments++;
      FragmentReassembler.Reassembled whole =
          fragments.add(
              version, ip.src, ip.dst, ip.addressLength, ip.id, ip.protocol, ip.fragmentOffset,
              ip.moreFragments, b, pos, length, frame);
      if (whole == null) {
        return;
      }
      stats.ipReassembled++;
      packet.reassembled = true;
      packet.protocol = whole.protocol();
      data = whole.data();
      pos = 0;
      length = whole.length();
    }
    transport(packet.protocol, data, pos, length, depth);
  }

  private void transport(int protocol, byte[] b, int off, int len, int depth) {
    switch (protocol) {
      case UDP -> udp(b, off, len, depth);
      case TCP -> tcp(b, off, len);
      case ICMP -> icmp(4, b, off, len);
      case ICMPV6 -> icmp(6, b, off, len);
      case GRE -> gre(b, off, len, depth);
      case IPIP, IPV6_IN_IP -> {
        stats.ipInIp++;
        if (enterTunnel(Packet.Encapsulation.IP_IN_IP, depth)) {
          ip(b, off, len, protocol == IPIP ? 4 : 6, depth + 1);
        }
      }
      default -> {
        // another transport (SCTP, ESP, OSPF, ...): counted at the IP layer only
      }
    }
  }

  /**
   * Records the tunnel about to be entered; returns false (after reporting) when it would nest
   * deeper than allowed. The outermost tunnel names the capture point, so later ones keep it.
   */
  private boolean enterTunnel(Packet.Encapsulation kind, int depth) {
    if (depth + 1 > config.maxTunnelDepth()) {
      TunnelProblem.DEPTH_EXCEEDED.report(
          anomalies, packet.frame, "kind=" + kind + " max=" + config.maxTunnelDepth());
      return false;
    }
    if (packet.outerAddressLength == 0) {
      packet.encapsulation = kind;
      packet.outerAddressLength = packet.addressLength;
      System.arraycopy(packet.src, 0, packet.outerSrc, 0, packet.addressLength);
      System.arraycopy(packet.dst, 0, packet.outerDst, 0, packet.addressLength);
    }
    return true;
  }

  private void udp(byte[] b, int off, int len, int depth) {
    if (!UdpDecoder.decode(b, off, len, transport, packet.frame, anomalies)) {
      return;
    }
    stats.udp++;
    int sport = transport.srcPort;
    int dport = transport.dstPort;
    int pos = transport.payloadOffset;
    int length = transport.payloadLength;
    packet.srcPort = sport;
    packet.dstPort = dport;
    packet.payload = b;
    packet.payloadOffset = pos;
    packet.payloadLength = length;
    if (isVxlanPort(sport) || isVxlanPort(dport)) {
      if (VxlanDecoder.accepts(b, pos, length)) {
        stats.vxlan++;
        if (enterTunnel(Packet.Encapsulation.VXLAN, depth)) {
          ethernet(b, pos + VxlanDecoder.HEADER, length - VxlanDecoder.HEADER, depth + 1);
        }
        return;
      }
    }
    boolean hepPort = sport == config.hepPort() || dport == config.hepPort();
    if (HepDecoder.accepts(b, pos, length, hepPort)) {
      hepDatagram(b, pos, length, depth);
      return;
    }
    listener.onDatagram(packet);
  }

  private static boolean isVxlanPort(int port) {
    return port == VxlanDecoder.PORT || port == VxlanDecoder.LINUX_PORT;
  }

  private void hepDatagram(byte[] b, int off, int len, int depth) {
    if (!HepDecoder.decode(b, off, len, hep, packet.frame, anomalies)) {
      return;
    }
    stats.hep++;
    if (enterTunnel(Packet.Encapsulation.HEP, depth)) {
      deliverHep(packet, b);
    }
  }

  /** Fills {@code p} from {@link #hep} (payload in {@code b}) and hands it on as a datagram. */
  private void deliverHep(Packet p, byte[] b) {
    p.ipVersion = hep.addressLength == 4 ? 4 : 6;
    p.addressLength = hep.addressLength;
    System.arraycopy(hep.src, 0, p.src, 0, hep.addressLength);
    System.arraycopy(hep.dst, 0, p.dst, 0, hep.addressLength);
    p.protocol = hep.protocol;
    p.srcPort = hep.srcPort;
    p.dstPort = hep.dstPort;
    // the agent's header says nothing of DSCP or TTL
    p.dscp = 0;
    p.ttl = 0;
    p.payload = b;
    p.payloadOffset = hep.payloadOffset;
    p.payloadLength = hep.payloadLength;
    p.hepCaptureId = hep.captureId;
    p.hepPayloadType = hep.payloadType;
    if (hep.hasTimestamp) {
      p.timestampNanos = hep.timestampSeconds * 1_000_000_000L + hep.timestampMicros * 1_000L;
    }
    listener.onDatagram(p);
  }

  private void tcp(byte[] b, int off, int len) {
    if (!TcpHeaderDecoder.decode(b, off, len, transport, packet.frame, anomalies)) {
      return;
    }
    stats.tcp++;
    packet.srcPort = transport.srcPort;
    packet.dstPort = transport.dstPort;
    packet.payload = b;
    packet.payloadOffset = transport.payloadOffset;
    packet.payloadLength = transport.payloadLength;
    int flags = transport.flags;
    TcpStream stream =
        streams.segment(
            packet.src, packet.dst, packet.addressLength, transport.srcPort, transport.dstPort,
            transport.seq, transport.ack, flags, b, transport.payloadOffset,
            transport.payloadLength, packet.frame);
    listener.onTcpSegment(packet, stream, flags);
  }

  private void icmp(int version, byte[] b, int off, int len) {
    stats.icmp++;
    packet.payload = b;
    packet.payloadOffset = off;
    packet.payloadLength = len;
    if (!icmp.decode(version, b, off, len, icmpMessage, packet.frame, anomalies)) {
      return;
    }
    stats.icmpErrors++;
    IcmpMessage m = icmpMessage;
    listener.onIcmpError(
        packet,
        new IcmpError(
            m.icmpVersion, m.type, m.code, m.quotedProtocol,
            address(m.quotedSrc, m.quotedAddressLength), address(m.quotedDst, m.quotedAddressLength),
            m.quotedSrcPort, m.quotedDstPort));
  }

  private static @Nullable InetAddress address(byte[] bytes, int length) {
    if (length != 4 && length != 16) {
      return null;
    }
    try {
      return InetAddress.getByAddress(Arrays.copyOf(bytes, length));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address length " + length, e);
    }
  }

  private void gre(byte[] b, int off, int len, int depth) {
    if (!GreDecoder.decode(b, off, len, gre, packet.frame, anomalies)) {
      return;
    }
    stats.gre++;
    int pos = gre.payloadOffset;
    int length = gre.payloadLength;
    switch (gre.protocol) {
      case LinkDecoder.ETHERTYPE_IPV4, LinkDecoder.ETHERTYPE_IPV6 -> {
        if (enterTunnel(Packet.Encapsulation.GRE, depth)) {
          ip(b, pos, length, gre.protocol == LinkDecoder.ETHERTYPE_IPV4 ? 4 : 6, depth + 1);
        }
      }
      case GreDecoder.TRANSPARENT_ETHERNET -> {
        if (enterTunnel(Packet.Encapsulation.GRE, depth)) {
          ethernet(b, pos, length, depth + 1);
        }
      }
      case GreDecoder.ERSPAN_I_II, GreDecoder.ERSPAN_III -> {
        stats.erspan++;
        int start = ErspanDecoder.decode(gre, b, pos, length, packet.frame, anomalies);
        if (start >= 0 && enterTunnel(Packet.Encapsulation.ERSPAN, depth)) {
          ethernet(b, start, pos + length - start, depth + 1);
        }
      }
      default -> {
        if (enterTunnel(Packet.Encapsulation.GRE, depth)) {
          network.reset();
          link.decodeEtherType(gre.protocol, b, pos, length, network, packet.frame, anomalies);
          network(b, depth + 1);
        }
      }
    }
  }

  private void ethernet(byte[] b, int off, int len, int depth) {
    network.reset();
    link.decodeEthernet(b, off, len, network, packet.frame, anomalies);
    network(b, depth);
  }

  /** Continues with what {@link #network} found in {@code b} inside a tunnel. */
  private void network(byte[] b, int depth) {
    countLink();
    switch (network.kind) {
      case IPV4 -> ip(b, network.offset, network.length, 4, depth);
      case IPV6 -> ip(b, network.offset, network.length, 6, depth);
      case NON_IP -> stats.nonIp++;
      case UNSUPPORTED, DAMAGED -> {
        // damage was reported by the link decoder
      }
    }
  }

  private void onStreamHep(byte[] data, int off, int len) {
    TcpStream s = framingStream;
    if (s == null || !HepDecoder.decode(data, off, len, hep, packet.frame, anomalies)) {
      return;
    }
    stats.hep++;
    Packet p = streamHepPacket;
    reset(p, packet.frame);
    p.encapsulation = Packet.Encapsulation.HEP;
    p.outerAddressLength = s.src.length;
    System.arraycopy(s.src, 0, p.outerSrc, 0, s.src.length);
    System.arraycopy(s.dst, 0, p.outerDst, 0, s.dst.length);
    deliverHep(p, data);
  }

  /** Feeds reassembled TCP data to the listener, and HEP streams to their framer. */
  private final class StreamSink implements TcpReassembler.Sink {
    @Override
    public void onData(TcpStream s, byte[] data, int off, int len) {
      listener.onStreamData(s, packet, data, off, len);
      HepStreamFramer framer = hepFramer(s, data, off, len);
      if (framer != null) {
        framingStream = s;
        framer.append(data, off, len, streamHep, packet.frame, anomalies);
        framingStream = null;
      }
    }

    @Override
    public void onGap(TcpStream s, long missingBytes) {
      listener.onStreamGap(s, packet, missingBytes);
      HepStreamFramer framer = hepStreams.get(s);
      if (framer != null) {
        framer.gap();
      }
    }

    @Override
    public void onEnd(TcpStream s) {
      hepStreams.remove(s);
      listener.onStreamEnd(s);
    }
  }

  /**
   * The framer of {@code s} when it carries HEP: a stream on the HEP port, or one whose data
   * starts with "HEP3". Null for every other stream.
   */
  private @Nullable HepStreamFramer hepFramer(TcpStream s, byte[] data, int off, int len) {
    HepStreamFramer framer = hepStreams.get(s);
    if (framer != null) {
      return framer;
    }
    boolean hepPort = s.srcPort == config.hepPort() || s.dstPort == config.hepPort();
    if (!hepPort && !HepDecoder.isHep3(data, off, len)) {
      return null;
    }
    if (hepStreams.size() >= config.maxHepStreams()) {
      HepProblem.STREAM_LIMIT_REACHED.report(
          anomalies, packet.frame, "max=" + config.maxHepStreams());
      return null;
    }
    framer = new HepStreamFramer();
    hepStreams.put(s, framer);
    return framer;
  }
}
