package io.voipdoc.decode.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes RTCP compound packets (RFC 3550 §6). Stateless apart from its configuration;
 * thread-safe; never throws on bad input. Each packet is read only within its own length, so
 * damage in one packet cannot make another misread.
 */
public final class RtcpDecoder {
  private static final int SR = 200;
  private static final int RR = 201;
  private static final int SDES = 202;
  private static final int BYE = 203;
  private static final int APP = 204;
  private static final int RTPFB = 205;
  private static final int PSFB = 206;
  private static final int XR = 207;
  private static final int REPORT_BLOCK_LENGTH = 24;
  private static final int VOIP_METRICS_BLOCK = 7;

  private final RtpConfig config;

  public RtcpDecoder(RtpConfig config) {
    this.config = config;
  }

  public RtcpDecoder() {
    this(RtpConfig.DEFAULTS);
  }

  /**
   * Cheap heuristic: version 2, a first packet type of 200..207 (SR, RR, SDES, BYE, APP, RTPFB,
   * PSFB, XR) and a first packet length that fits the datagram. Never throws, never allocates.
   */
  public static boolean accepts(byte[] buf, int off, int len) {
    if (off < 0 || len < 8 || off > buf.length - len) {
      return false;
    }
    int pt = buf[off + 1] & 0xFF;
    int bytes = (RtpDecoder.u16(buf, off + 2) + 1) * 4;
    return ((buf[off] & 0xFF) >> 6) == 2 && pt >= SR && pt <= XR && bytes <= len;
  }

  /**
   * Decodes the compound at {@code buf[off..off+len)}, or returns null when the first packet is not
   * RTCP by {@link #accepts}'s version and type test. Decoding stops at the first packet whose
   * header is damaged; earlier packets are kept.
   */
  public @Nullable RtcpCompound decode(byte[] buf, int off, int len) {
    if (off < 0 || len < 4 || off > buf.length - len) {
      return null;
    }
    int firstType = buf[off + 1] & 0xFF;
    if (((buf[off] & 0xFF) >> 6) != 2 || firstType < SR || firstType > XR) {
      return null;
    }
    List<RtcpPacket> packets = new ArrayList<>();
    EnumSet<RtpProblem> problems = EnumSet.noneOf(RtpProblem.class);
    int pos = off;
    int end = off + len;
    while (end - pos >= 4) {
      /*
       * |V=2|P|   RC  |      PT       |             length            |   RFC 3550 §6.4.1
       * length is the packet's size in 32-bit words minus one, header included.
       */
      int b0 = buf[pos] & 0xFF;
      if ((b0 >> 6) != 2) {
        problems.add(RtpProblem.RTCP_BAD_VERSION);
        break;
      }
      int count = b0 & 0x1F;
      int type = buf[pos + 1] & 0xFF;
      int size = (RtpDecoder.u16(buf, pos + 2) + 1) * 4;
      if (size > end - pos) {
        problems.add(RtpProblem.RTCP_LENGTH_OVERRUN);
        break;
      }
      if (packets.size() == config.maxRtcpPackets()) {
        problems.add(RtpProblem.RTCP_TOO_MANY_PACKETS);
        break;
      }
      packets.add(packet(buf, pos, size, type, count, problems));
      pos += size;
    }
    if (pos < end && problems.isEmpty()) {
      problems.add(
          end - pos < 4 ? RtpProblem.RTCP_TRAILING_BYTES : RtpProblem.RTCP_LENGTH_OVERRUN);
    }
    return new RtcpCompound(List.copyOf(packets), problems);
  }

  private static RtcpPacket packet(
      byte[] b, int start, int size, int type, int count, EnumSet<RtpProblem> problems) {
    int p = start + 4;
    int end = start + size;
    return switch (type) {
      case SR -> {
        // |SSRC of sender| NTP timestamp (64) | RTP timestamp | packet count | octet count |
        if (end - p < 24) {
          problems.add(RtpProblem.RTCP_BODY_OVERRUN);
          yield new RtcpPacket.Unknown(type, size);
        }
        long ntp = (RtpDecoder.u32(b, p + 4) << 32) | RtpDecoder.u32(b, p + 8);
        yield new RtcpPacket.SenderReport(
            RtpDecoder.u32(b, p),
            ntp,
            RtpDecoder.u32(b, p + 12),
            RtpDecoder.u32(b, p + 16),
            RtpDecoder.u32(b, p + 20),
            reportBlocks(b, p + 24, end, count, problems));
      }
      case RR -> {
        if (end - p < 4) {
          problems.add(RtpProblem.RTCP_BODY_OVERRUN);
          yield new RtcpPacket.Unknown(type, size);
        }
        yield new RtcpPacket.ReceiverReport(
            RtpDecoder.u32(b, p), reportBlocks(b, p + 4, end, count, problems));
      }
      case SDES -> new RtcpPacket.SourceDescription(sdesChunks(b, start, end, count, problems));
      case BYE -> bye(b, p, end, count, problems);
      case APP -> {
        // |SSRC/CSRC| name (ASCII) | application-dependent data |
        if (end - p < 8) {
          problems.add(RtpProblem.RTCP_BODY_OVERRUN);
          yield new RtcpPacket.Unknown(type, size);
        }
        yield new RtcpPacket.App(
            count,
            RtpDecoder.u32(b, p),
            new String(b, p + 4, 4, StandardCharsets.US_ASCII),
            end - p - 8);
      }
      case RTPFB, PSFB -> {
        // |SSRC of packet sender| SSRC of media source | FCI ... |   RFC 4585 §6.1
        if (end - p < 8) {
          problems.add(RtpProblem.RTCP_BODY_OVERRUN);
          yield new RtcpPacket.Unknown(type, size);
        }
        yield new RtcpPacket.Feedback(
            type, count, RtpDecoder.u32(b, p), RtpDecoder.u32(b, p + 4), end - p - 8);
      }
      case XR -> extendedReport(b, p, end, problems, size);
      default -> new RtcpPacket.Unknown(type, size);
    };
  }

  /**
   * Report blocks (RFC 3550 §6.4.1), 24 bytes each.
   *
   * <pre>
   * |                 SSRC_1 (SSRC of first source)                 |
   * | fraction lost |       cumulative number of packets lost       |
   * |           extended highest sequence number received           |
   * |                      interarrival jitter                      |
   * |                         last SR (LSR)                         |
   * |                   delay since last SR (DLSR)                  |
   * </pre>
   */
  private static List<ReportBlock> reportBlocks(
      byte[] b, int p, int end, int count, EnumSet<RtpProblem> problems) {
    int fits = Math.min(count, (end - p) / REPORT_BLOCK_LENGTH);
    if (fits < count) {
      problems.add(RtpProblem.RTCP_BODY_OVERRUN);
    }
    List<ReportBlock> blocks = new ArrayList<>(fits);
    for (int i = 0; i < fits; i++, p += REPORT_BLOCK_LENGTH) {
      // cumulative lost is a signed 24-bit number: shift up, then arithmetic shift down
      int lost = (int) (RtpDecoder.u32(b, p + 4) << 8) >> 8;
      blocks.add(
          new ReportBlock(
              RtpDecoder.u32(b, p),
              b[p + 4] & 0xFF,
              lost,
              RtpDecoder.u32(b, p + 8),
              RtpDecoder.u32(b, p + 12),
              RtpDecoder.u32(b, p + 16),
              RtpDecoder.u32(b, p + 20)));
    }
    return List.copyOf(blocks);
  }

  /**
   * SDES chunks (RFC 3550 §6.5): SSRC, then items {@code type(8) length(8) text}, ended by a null
   * octet and padded to a 32-bit boundary.
   */
  private static List<RtcpPacket.SdesChunk> sdesChunks(
      byte[] b, int start, int end, int count, EnumSet<RtpProblem> problems) {
    List<RtcpPacket.SdesChunk> chunks = new ArrayList<>();
    int p = start + 4;
    for (int c = 0; c < count; c++) {
      if (end - p < 4) {
        problems.add(RtpProblem.RTCP_BODY_OVERRUN);
        break;
      }
      long ssrc = RtpDecoder.u32(b, p);
      p += 4;
      List<RtcpPacket.SdesItem> items = new ArrayList<>();
      boolean ended = false;
      while (p < end) {
        int type = b[p] & 0xFF;
        if (type == 0) {
          ended = true;
          break;
        }
        if (end - p < 2 || (b[p + 1] & 0xFF) > end - p - 2) {
          break;
        }
        int length = b[p + 1] & 0xFF;
        items.add(new RtcpPacket.SdesItem(type, new String(b, p + 2, length, StandardCharsets.UTF_8)));
        p += 2 + length;
      }
      if (!ended) {
        problems.add(RtpProblem.RTCP_BODY_OVERRUN);
        chunks.add(new RtcpPacket.SdesChunk(ssrc, List.copyOf(items)));
        break;
      }
      chunks.add(new RtcpPacket.SdesChunk(ssrc, List.copyOf(items)));
      // skip the null octet and the padding to the next 32-bit boundary of the packet
      p = start + ((p - start + 4) & ~3);
    }
    return List.copyOf(chunks);
  }

  /** BYE (RFC 3550 §6.6): SC sources, then optionally {@code length(8) reason}. */
  private static RtcpPacket.Bye bye(
      byte[] b, int p, int end, int count, EnumSet<RtpProblem> problems) {
    int fits = Math.min(count, (end - p) / 4);
    if (fits < count) {
      problems.add(RtpProblem.RTCP_BODY_OVERRUN);
    }
    List<Long> ssrcs = new ArrayList<>(fits);
    for (int i = 0; i < fits; i++, p += 4) {
      ssrcs.add(RtpDecoder.u32(b, p));
    }
    String reason = null;
    if (fits == count && p < end) {
      int length = b[p] & 0xFF;
      if (length > end - p - 1) {
        problems.add(RtpProblem.RTCP_BODY_OVERRUN);
      } else if (length > 0) {
        reason = new String(b, p + 1, length, StandardCharsets.UTF_8);
      }
    }
    return new RtcpPacket.Bye(List.copyOf(ssrcs), reason);
  }

  /**
   * XR (RFC 3611 §2): SSRC, then blocks {@code BT(8) type-specific(8) block length(16) contents},
   * block length in 32-bit words after the block header.
   */
  private static RtcpPacket extendedReport(
      byte[] b, int p, int end, EnumSet<RtpProblem> problems, int size) {
    if (end - p < 4) {
      problems.add(RtpProblem.RTCP_BODY_OVERRUN);
      return new RtcpPacket.Unknown(XR, size);
    }
    long ssrc = RtpDecoder.u32(b, p);
    p += 4;
    List<VoipMetrics> metrics = new ArrayList<>();
    int others = 0;
    while (end - p >= 4) {
      int blockType = b[p] & 0xFF;
      int blockBytes = RtpDecoder.u16(b, p + 2) * 4;
      if (blockBytes > end - p - 4) {
        problems.add(RtpProblem.RTCP_BODY_OVERRUN);
        break;
      }
      if (blockType == VOIP_METRICS_BLOCK && blockBytes == 32) {
        metrics.add(voipMetrics(b, p + 4));
      } else {
        others++;
      }
      p += 4 + blockBytes;
    }
    return new RtcpPacket.ExtendedReport(ssrc, List.copyOf(metrics), others);
  }

  /**
   * VoIP metrics block contents (RFC 3611 §4.7), 32 bytes.
   *
   * <pre>
   * |                        SSRC of source                         |
   * |   loss rate   | discard rate  | burst density |  gap density  |
   * |       burst duration          |         gap duration          |
   * |     round trip delay          |       end system delay        |
   * | signal level  |  noise level  |     RERL      |     Gmin      |
   * |   R factor    | ext. R factor |    MOS-LQ     |    MOS-CQ     |
   * |   RX config   |   reserved    |          JB nominal           |
   * |          JB maximum           |          JB abs max           |
   * </pre>
   */
  private static VoipMetrics voipMetrics(byte[] b, int p) {
    return new VoipMetrics(
        RtpDecoder.u32(b, p),
        b[p + 4] & 0xFF,
        b[p + 5] & 0xFF,
        b[p + 6] & 0xFF,
        b[p + 7] & 0xFF,
        RtpDecoder.u16(b, p + 8),
        RtpDecoder.u16(b, p + 10),
        RtpDecoder.u16(b, p + 12),
        RtpDecoder.u16(b, p + 14),
        b[p + 16],
        b[p + 17],
        b[p + 18] & 0xFF,
        b[p + 19] & 0xFF,
        b[p + 20] & 0xFF,
        b[p + 21] & 0xFF,
        b[p + 22] & 0xFF,
        b[p + 23] & 0xFF,
        b[p + 24] & 0xFF,
        RtpDecoder.u16(b, p + 26),
        RtpDecoder.u16(b, p + 28),
        RtpDecoder.u16(b, p + 30));
  }
}
