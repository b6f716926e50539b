package io.voipdoc.decode;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.UnreadableCaptureException;
import io.voipdoc.decode.ip.IpConfig;
import io.voipdoc.decode.ip.IpHeader;
import io.voipdoc.decode.ip.Ipv4Decoder;
import io.voipdoc.decode.ip.Ipv6Decoder;
import io.voipdoc.decode.link.LinkConfig;
import io.voipdoc.decode.link.LinkDecoder;
import io.voipdoc.decode.link.NetworkLayer;
import io.voipdoc.decode.tcp.TcpStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A capture of the shared corpus read the way the product reads it, {@link Captures#open} then
 * {@link PacketDecoder}, keeping copies of what decoder tests assert on: every datagram with its
 * frame number and addresses, and the in-order bytes of every TCP direction. Copies, because the
 * decoder refills its {@link Packet} for every frame.
 *
 * <p>Tests that check a reassembler on its own take {@link #ipPackets} instead: the IP layer as
 * the link and IP decoders find it, before any reassembly.
 *
 * <p>A test calling {@link #corpus} or {@link #read} is skipped when the shared corpus is absent.
 */
public final class CorpusPackets {

  /**
   * One UDP datagram (or message carried in HEP), as {@link PacketListener#onDatagram} saw it.
   *
   * @param frame frame number, as tshark numbers frames; for a datagram reassembled from IP
   *     fragments, the frame that completed it
   * @param reassembled whether it was reassembled from IP fragments
   */
  public record Datagram(
      long frame, String src, int srcPort, String dst, int dstPort, boolean reassembled,
      byte[] payload) {

    /** "src:port>dst:port", one direction of a flow. */
    public String direction() {
      return src + ":" + srcPort + ">" + dst + ":" + dstPort;
    }
  }

  /**
   * One IPv4 or IPv6 packet of a frame (the outermost one when tunnelled), with the header fields
   * a fragment reassembler takes.
   *
   * @param frame a copy of the frame's metadata (no bytes)
   * @param protocol the transport, or the next header of the fragment header
   * @param fragmentOffset offset of this fragment's payload in the datagram, in bytes
   * @param payload the bytes after all IP headers
   */
  public record IpPacket(
      Frame frame, int version, byte[] src, byte[] dst, int protocol, boolean fragment, long id,
      int fragmentOffset, boolean moreFragments, byte[] payload) {}

  private final List<Datagram> datagrams = new ArrayList<>();
  private final Map<TcpStream, ByteArrayOutputStream> streams = new LinkedHashMap<>();
  private final AnomalyLog anomalies = new AnomalyLog();
  private final DecodeStats stats;

  private CorpusPackets(Path file, @Nullable PacketListener also) throws IOException {
    PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, new Collector(also), anomalies);
    try (CaptureReader reader = open(file, anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
      }
    }
    decoder.finish();
    stats = decoder.stats();
  }

  /** The shared corpus folder; skips the calling test when it is not there. */
  public static Path corpus() {
    Path dir = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present: " + dir);
    return dir;
  }

  /** Reads {@code name} (a path below the corpus folder) through capture and decode. */
  public static CorpusPackets read(String name) throws IOException {
    return new CorpusPackets(corpus().resolve(name), null);
  }

  /** Like {@link #read(String)}, also handing every callback to {@code also}, in capture order. */
  public static CorpusPackets read(String name, PacketListener also) throws IOException {
    return new CorpusPackets(corpus().resolve(name), also);
  }

  /** Every datagram delivered, in capture order. */
  public List<Datagram> datagrams() {
    return datagrams;
  }

  /** The bytes each TCP direction delivered in order, in the order the directions first did. */
  public Map<TcpStream, byte[]> streams() {
    Map<TcpStream, byte[]> out = new LinkedHashMap<>();
    streams.forEach((s, bytes) -> out.put(s, bytes.toByteArray()));
    return out;
  }

  /** What went wrong while reading and decoding. */
  public AnomalyLog anomalies() {
    return anomalies;
  }

  /** The decoder's counters at the end of the capture. */
  public DecodeStats stats() {
    return stats;
  }

  /** Every IP packet of {@code name} (a path below the corpus folder), in capture order. */
  public static List<IpPacket> ipPackets(String name) throws IOException {
    AnomalyLog anomalies = new AnomalyLog();
    LinkDecoder link = new LinkDecoder(LinkConfig.DEFAULTS);
    Ipv6Decoder ipv6 = new Ipv6Decoder(IpConfig.DEFAULTS);
    NetworkLayer network = new NetworkLayer();
    IpHeader ip = new IpHeader();
    List<IpPacket> out = new ArrayList<>();
    try (CaptureReader reader = open(corpus().resolve(name), anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        link.decode(frame, network, anomalies);
        boolean found =
            switch (network.kind) {
              case IPV4 ->
                  Ipv4Decoder.decode(frame.data, network.offset, network.length, ip, frame, anomalies);
              case IPV6 ->
                  ipv6.decode(frame.data, network.offset, network.length, ip, frame, anomalies);
              default -> false;
            };
        if (found) {
          out.add(
              new IpPacket(
                  metadata(frame), ip.version, Arrays.copyOf(ip.src, ip.addressLength),
                  Arrays.copyOf(ip.dst, ip.addressLength), ip.protocol, ip.fragment, ip.id,
                  ip.fragmentOffset, ip.moreFragments,
                  Arrays.copyOfRange(frame.data, ip.payloadOffset, ip.payloadOffset + ip.payloadLength)));
        }
      }
    }
    return out;
  }

  /** Opens a corpus file; one the reader refuses fails the test, since the corpus is all readable. */
  private static CaptureReader open(Path file, AnomalyLog anomalies) throws IOException {
    try {
      return Captures.open(new CaptureInput(file.getFileName().toString(), file), anomalies);
    } catch (UnreadableCaptureException e) {
      throw new AssertionError(file + " is not readable: " + e.getMessage(), e);
    }
  }

  private static Frame metadata(Frame f) {
    Frame copy = new Frame();
    copy.input = f.input;
    copy.number = f.number;
    copy.timestampNanos = f.timestampNanos;
    copy.interfaceId = f.interfaceId;
    copy.linkType = f.linkType;
    copy.originalLength = f.originalLength;
    copy.fileOffset = f.fileOffset;
    return copy;
  }

  private final class Collector implements PacketListener {
    private final @Nullable PacketListener also;

    Collector(@Nullable PacketListener also) {
      this.also = also;
    }

    @Override
    public void onDatagram(Packet p) {
      datagrams.add(
          new Datagram(
              p.frame.number, p.srcAddress().getHostAddress(), p.srcPort,
              p.dstAddress().getHostAddress(), p.dstPort, p.reassembled,
              Arrays.copyOfRange(p.payload, p.payloadOffset, p.payloadOffset + p.payloadLength)));
      if (also != null) {
        also.onDatagram(p);
      }
    }

    @Override
    public void onTcpSegment(Packet packet, TcpStream stream, int flags) {
      if (also != null) {
        also.onTcpSegment(packet, stream, flags);
      }
    }

    @Override
    public void onStreamData(TcpStream stream, Packet packet, byte[] data, int offset, int length) {
      streams.computeIfAbsent(stream, s -> new ByteArrayOutputStream()).write(data, offset, length);
      if (also != null) {
        also.onStreamData(stream, packet, data, offset, length);
      }
    }

    @Override
    public void onStreamGap(TcpStream stream, Packet packet, long missingBytes) {
      if (also != null) {
        also.onStreamGap(stream, packet, missingBytes);
      }
    }

    @Override
    public void onStreamEnd(TcpStream stream) {
      if (also != null) {
        also.onStreamEnd(stream);
      }
    }

    @Override
    public void onIcmpError(Packet packet, IcmpError error) {
      if (also != null) {
        also.onIcmpError(packet, error);
      }
    }
  }
}
