package io.voipdoc.decode;

import io.voipdoc.decode.ip.FragmentReassembler;
import io.voipdoc.decode.ip.IpConfig;
import io.voipdoc.decode.link.LinkConfig;
import io.voipdoc.decode.tcp.TcpReassembler;
import io.voipdoc.decode.tunnel.HepDecoder;

/**
 * Limits and settings of a {@link PacketDecoder}: the limits of each layer's decoder and
 * reassembler, plus the decoder's own.
 *
 * <table>
 *   <caption>Own limits and defaults (the composed records document theirs)</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxTunnelDepth}</td><td>{@value #DEFAULT_MAX_TUNNEL_DEPTH}</td>
 *       <td>tunnels (GRE, ERSPAN, VXLAN, IP-in-IP, HEP) nested in one frame; mirrored traffic
 *       rarely nests more than two, and each level costs a recursion</td></tr>
 *   <tr><td>{@code hepPort}</td><td>{@value HepDecoder#PORT}</td>
 *       <td>UDP/TCP port where HEP versions 1 and 2 are accepted without their stricter header
 *       check, and TCP streams are framed as HEP3</td></tr>
 *   <tr><td>{@code maxHepStreams}</td><td>{@value #DEFAULT_MAX_HEP_STREAMS}</td>
 *       <td>HEP-over-TCP stream directions framed at once; each holds up to 64 KiB</td></tr>
 *   <tr><td>{@code expiryIntervalNanos}</td><td>{@value #DEFAULT_EXPIRY_INTERVAL_NANOS} (1 s)</td>
 *       <td>capture time between calls that let reassemblers drop what timed out</td></tr>
 * </table>
 *
 * @param link link-layer limits
 * @param ip IP header limits
 * @param fragments IP fragment reassembly limits
 * @param tcp TCP stream reassembly limits
 * @param maxTunnelDepth most tunnels nested in one frame
 * @param hepPort the HEP port
 * @param maxHepStreams most HEP-over-TCP stream directions framed at once
 * @param expiryIntervalNanos capture time between expiry runs
 */
public record DecodeConfig(
    LinkConfig link,
    IpConfig ip,
    FragmentReassembler.Limits fragments,
    TcpReassembler.Limits tcp,
    int maxTunnelDepth,
    int hepPort,
    int maxHepStreams,
    long expiryIntervalNanos) {
  public static final int DEFAULT_MAX_TUNNEL_DEPTH = 4;
  public static final int DEFAULT_MAX_HEP_STREAMS = 256;
  public static final long DEFAULT_EXPIRY_INTERVAL_NANOS = 1_000_000_000L;

  public static final DecodeConfig DEFAULTS =
      new DecodeConfig(
          LinkConfig.DEFAULTS,
          IpConfig.DEFAULTS,
          FragmentReassembler.Limits.DEFAULTS,
          TcpReassembler.Limits.DEFAULTS,
          DEFAULT_MAX_TUNNEL_DEPTH,
          HepDecoder.PORT,
          DEFAULT_MAX_HEP_STREAMS,
          DEFAULT_EXPIRY_INTERVAL_NANOS);

  public DecodeConfig {
    if (maxTunnelDepth < 0 || hepPort < 0 || hepPort > 65535 || maxHepStreams < 0
        || expiryIntervalNanos <= 0) {
      throw new IllegalArgumentException(
          "settings out of range: maxTunnelDepth=" + maxTunnelDepth + " hepPort=" + hepPort
              + " maxHepStreams=" + maxHepStreams + " expiryIntervalNanos=" + expiryIntervalNanos);
    }
  }
}
