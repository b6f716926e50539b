package io.voipdoc.decode.rtp;

/**
 * Limits of the RTP and RTCP decoders.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxExtensionElements}</td><td>{@value #DEFAULT_MAX_EXTENSION_ELEMENTS}</td>
 *       <td>RFC 8285 elements indexed per RTP packet; WebRTC sends at most a handful, and the index
 *       is preallocated in every {@link RtpPacket}</td></tr>
 *   <tr><td>{@code maxRtcpPackets}</td><td>{@value #DEFAULT_MAX_RTCP_PACKETS}</td>
 *       <td>packets decoded per RTCP compound; real compounds hold 2 to 5</td></tr>
 * </table>
 *
 * @param maxExtensionElements RFC 8285 elements kept per RTP packet
 * @param maxRtcpPackets packets decoded per RTCP compound
 */
public record RtpConfig(int maxExtensionElements, int maxRtcpPackets) {
  /** Default for {@link #maxExtensionElements()}. */
  public static final int DEFAULT_MAX_EXTENSION_ELEMENTS = 16;

  /** Default for {@link #maxRtcpPackets()}. */
  public static final int DEFAULT_MAX_RTCP_PACKETS = 16;

  /** The defaults. */
  public static final RtpConfig DEFAULTS =
      new RtpConfig(DEFAULT_MAX_EXTENSION_ELEMENTS, DEFAULT_MAX_RTCP_PACKETS);

  public RtpConfig {
    if (maxExtensionElements < 0 || maxRtcpPackets < 1) {
      throw new IllegalArgumentException(
          "limits out of range: " + maxExtensionElements + ", " + maxRtcpPackets);
    }
  }
}
