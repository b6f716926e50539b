package io.voipdoc.decode.rtp;

import org.jspecify.annotations.Nullable;

/**
 * Decodes RTP fixed headers, CSRC lists and header extensions (RFC 3550 §5.1 and §5.3.1, RFC
 * 8285). Stateless apart from its configuration; thread-safe; never throws on bad input.
 */
public final class RtpDecoder {
  static final int HEADER_LENGTH = 12;
  private static final int ONE_BYTE_PROFILE = 0xBEDE;

  private final RtpConfig config;

  public RtpDecoder(RtpConfig config) {
    this.config = config;
  }

  public RtpDecoder() {
    this(RtpConfig.DEFAULTS);
  }

  /**
   * Cheap heuristic: version 2, at least a fixed header plus the CSRCs it announces, and a payload
   * type outside 72..76, which on a shared port are RTCP SR, RR, SDES, BYE and APP (RFC 5761 §4).
   * Reads 2 bytes; never throws, never allocates.
   */
  public static boolean accepts(byte[] buf, int off, int len) {
    if (off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
      return false;
    }
    int b0 = buf[off] & 0xFF;
    int pt = buf[off + 1] & 0x7F;
    return (b0 >> 6) == 2 && (pt < 72 || pt > 76) && HEADER_LENGTH + 4 * (b0 & 0x0F) <= len;
  }

  /** Allocating form of {@link #decode(byte[], int, int, RtpPacket)}, for tests and tools. */
  public @Nullable RtpPacket decode(byte[] buf, int off, int len) {
    RtpPacket p = new RtpPacket(config);
    return decode(buf, off, len, p) ? p : null;
  }

  /**
   * Decodes the packet at {@code buf[off..off+len)} into {@code into}. Returns false, leaving
   * {@code into} unspecified, when the bytes are not RTP (fewer than 12 bytes, or a version other
   * than 2). Damage in a packet that is RTP sets {@link RtpPacket#problem()}; what could be read
   * is kept and the payload is empty when its start is unknown.
   */
  public boolean decode(byte[] buf, int off, int len, RtpPacket into) {
    if (off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
      return false;
    }
    /*
     *  0                   1                   2                   3
     *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
     * |                           timestamp                           |
     * |           synchronization source (SSRC) identifier            |
     * |            contributing source (CSRC) identifiers             |
     * |                             ....                              |   RFC 3550 §5.1
     */
    int b0 = buf[off] & 0xFF;
    int b1 = buf[off + 1] & 0xFF;
    if ((b0 >> 6) != 2) {
      return false;
    }
    into.clear();
    into.version = 2;
    into.padding = (b0 & 0x20) != 0;
    into.extension = (b0 & 0x10) != 0;
    into.marker = (b1 & 0x80) != 0;
    into.payloadType = b1 & 0x7F;
    into.sequence = u16(buf, off + 2);
    into.timestamp = u32(buf, off + 4);
    into.ssrc = u32(buf, off + 8);
    int end = off + len;
    int cc = b0 & 0x0F;
    int pos = off + HEADER_LENGTH;
    into.csrcCount = Math.min(cc, (end - pos) / 4);
    for (int i = 0; i < into.csrcCount; i++) {
      into.csrc[i] = u32(buf, pos + 4 * i);
    }
    if (into.csrcCount < cc) {
      return damaged(into, RtpProblem.CSRC_OVERRUN, end);
    }
    pos += 4 * cc;
    if (into.extension) {
      /*
       * |      defined by profile       |           length              |
       * |                        header extension                       |   RFC 3550 §5.3.1
       * length counts 32-bit words after this 4-byte header.
       */
      if (end - pos < 4) {
        return damaged(into, RtpProblem.EXTENSION_OVERRUN, end);
      }
      int profile = u16(buf, pos);
      int words = u16(buf, pos + 2);
      if (words * 4 > end - pos - 4) {
        return damaged(into, RtpProblem.EXTENSION_OVERRUN, end);
      }
      into.extensionProfile = profile;
      into.extensionOffset = pos + 4;
      into.extensionLength = words * 4;
      pos += 4 + words * 4;
      if (profile == ONE_BYTE_PROFILE) {
        readOneByteElements(buf, into);
      } else if ((profile & 0xFFF0) == 0x1000) {
        readTwoByteElements(buf, into);
      }
    }
    into.payloadOffset = pos;
    into.payloadLength = end - pos;
    if (into.padding) {
      // the last octet counts the padding octets, itself included (RFC 3550 §5.1)
      int count = into.payloadLength == 0 ? 0 : buf[end - 1] & 0xFF;
      if (count == 0 || count > into.payloadLength) {
        into.problem = RtpProblem.PADDING_INVALID;
      } else {
        into.paddingLength = count;
        into.payloadLength -= count;
      }
    }
    return true;
  }

  private static boolean damaged(RtpPacket into, RtpProblem problem, int end) {
    into.problem = problem;
    into.payloadOffset = end;
    into.payloadLength = 0;
    return true;
  }

  /**
   * RFC 8285 §4.2, profile 0xBEDE.
   *
   * <pre>
   *  0 1 2 3 4 5 6 7
   * +-+-+-+-+-+-+-+-+
   * |  ID   |  len  |  data: len+1 bytes; ID 0 is a padding byte, ID 15 ends the list
   * </pre>
   */
  private static void readOneByteElements(byte[] buf, RtpPacket into) {
    int pos = into.extensionOffset;
    int end = pos + into.extensionLength;
    while (pos < end) {
      int id = (buf[pos] & 0xF0) >> 4;
      if (id == 0) {
        pos++;
        continue;
      }
      if (id == 15) {
        return;
      }
      int length = (buf[pos] & 0x0F) + 1;
      if (!addElement(into, id, pos + 1, length, end)) {
        return;
      }
      pos += 1 + length;
    }
  }

  /**
   * RFC 8285 §4.3, profile 0x100 followed by 4 application bits.
   *
   * <pre>
   * |       ID      |     length    |  data: length bytes; ID 0 is a padding byte
   * </pre>
   */
  private static void readTwoByteElements(byte[] buf, RtpPacket into) {
    int pos = into.extensionOffset;
    int end = pos + into.extensionLength;
    while (pos < end) {
      int id = buf[pos] & 0xFF;
      if (id == 0) {
        pos++;
        continue;
      }
      if (end - pos < 2) {
        into.problem = RtpProblem.EXTENSION_ELEMENT_OVERRUN;
        return;
      }
      int length = buf[pos + 1] & 0xFF;
      if (!addElement(into, id, pos + 2, length, end)) {
        return;
      }
      pos += 2 + length;
    }
  }

  private static boolean addElement(RtpPacket into, int id, int offset, int length, int end) {
    if (length > end - offset) {
      into.problem = RtpProblem.EXTENSION_ELEMENT_OVERRUN;
      return false;
    }
    if (into.elementCount == into.elementId.length) {
      into.problem = RtpProblem.TOO_MANY_EXTENSION_ELEMENTS;
      return false;
    }
    into.elementId[into.elementCount] = id;
    into.elementOffset[into.elementCount] = offset;
    into.elementLength[into.elementCount] = length;
    into.elementCount++;
    return true;
  }

  static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  static long u32(byte[] b, int i) {
    return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }
}
