package io.voipdoc.decode.rtp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One packet of an RTCP compound (RFC 3550 §6.4 to §6.7, RFC 4585 §6.1, RFC 3611 §2). */
public sealed interface RtcpPacket {

  /** The packet type (200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP, 205 RTPFB, 206 PSFB, 207 XR). */
  int packetType();

  /**
   * SR (RFC 3550 §6.4.1).
   *
   * @param ntpTimestamp 64-bit NTP timestamp (seconds since 1900 in the top 32 bits)
   * @param rtpTimestamp the same instant in RTP timestamp units
   */
  record SenderReport(
      long ssrc,
      long ntpTimestamp,
      long rtpTimestamp,
      long packetCount,
      long octetCount,
      List<ReportBlock> reports)
      implements RtcpPacket {
    @Override
    public int packetType() {
      return 200;
    }
  }

  /** RR (RFC 3550 §6.4.2). */
  record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {
    @Override
    public int packetType() {
      return 201;
    }
  }

  /** One SDES item (RFC 3550 §6.5): type 1 CNAME, 2 NAME, 3 EMAIL, 4 PHONE, 5 LOC, 6 TOOL, ... */
  record SdesItem(int type, String text) {}

  /** One SDES chunk: a source and its items. */
  record SdesChunk(long ssrc, List<SdesItem> items) {
    /** The CNAME item's text, or null. */
    public @Nullable String cname() {
      for (SdesItem i : items) {
        if (i.type() == 1) {
          return i.text();
        }
      }
      return null;
    }
  }

  /** SDES (RFC 3550 §6.5). */
  record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {
    @Override
    public int packetType() {
      return 202;
    }
  }

  /** BYE (RFC 3550 §6.6). */
  record Bye(List<Long> ssrcs, @Nullable String reason) implements RtcpPacket {
    @Override
    public int packetType() {
      return 203;
    }
  }

  /** APP (RFC 3550 §6.7): the 4-character name and the length of the application data. */
  record App(int subtype, long ssrc, String name, int dataLength) implements RtcpPacket {
    @Override
    public int packetType() {
      return 204;
    }
  }

  /**
   * RTPFB (205) or PSFB (206) common header (RFC 4585 §6.1), e.g. FMT 1 of RTPFB is a generic NACK
   * and FMT 1 of PSFB a picture loss indication.
   *
   * @param fciLength length of the feedback control information in bytes
   */
  record Feedback(int packetType, int format, long senderSsrc, long mediaSsrc, int fciLength)
      implements RtcpPacket {}

  /**
   * XR (RFC 3611 §2): the VoIP metrics blocks decoded, other block types counted.
   *
   * @param otherBlocks report blocks of types other than 7
   */
  record ExtendedReport(long ssrc, List<VoipMetrics> voipMetrics, int otherBlocks)
      implements RtcpPacket {
    @Override
    public int packetType() {
      return 207;
    }
  }

  /** A packet type this decoder does not read; its bytes are skipped by its length. */
  record Unknown(int packetType, int length) implements RtcpPacket {}
}
