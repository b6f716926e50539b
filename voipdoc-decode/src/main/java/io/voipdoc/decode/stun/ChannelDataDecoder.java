package io.voipdoc.decode.stun;

import org.jspecify.annotations.Nullable;

/**
 * Decodes TURN ChannelData frames (RFC 8656 §12.4), which share a 5-tuple with STUN and are told
 * apart by the first byte (64..79, RFC 7983 §7). Only meaningful on flows to or from a TURN
 * server; the first-byte test alone would misread unrelated traffic. Stateless; never throws.
 */
public final class ChannelDataDecoder {
  private static final int HEADER_LENGTH = 4;

  private ChannelDataDecoder() {}

  /**
   * Whether the datagram is one complete ChannelData frame: first byte 0x40..0x4F and a Length that
   * fits. Over UDP the frame may be followed by up to 3 bytes of padding (RFC 8656 §12.5).
   */
  public static boolean accepts(byte[] buf, int off, int len) {
    if (off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
      return false;
    }
    int first = buf[off] & 0xFF;
    int length = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
    return first >= 0x40 && first <= 0x4F && length <= len - HEADER_LENGTH;
  }

  /**
   * Decodes the frame at {@code buf[off..off+len)}, or returns null when it is not ChannelData
   * (fewer than 4 bytes or a first byte outside 0x40..0x4F). A frame whose Length exceeds the bytes
   * present is returned with what is present and {@link StunProblem#CHANNEL_DATA_TRUNCATED}.
   */
  public static @Nullable ChannelData decode(byte[] buf, int off, int len) {
    if (off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
      return null;
    }
    /*
     *  0                   1                   2                   3
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |         Channel Number        |            Length             |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * /                       Application Data                        /   RFC 8656 §12.4
     */
    int channel = ((buf[off] & 0xFF) << 8) | (buf[off + 1] & 0xFF);
    if (channel < 0x4000 || channel > 0x4FFF) {
      return null;
    }
    int length = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
    int present = len - HEADER_LENGTH;
    if (length > present) {
      return new ChannelData(
          channel, length, off + HEADER_LENGTH, present, StunProblem.CHANNEL_DATA_TRUNCATED);
    }
    return new ChannelData(channel, length, off + HEADER_LENGTH, length, null);
  }
}
