package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * An rtpmap attribute (RFC 8866 §6.6): {@code a=rtpmap:<payload type> <encoding name>/<clock
 * rate>[/<encoding parameters>]}.
 *
 * @param payloadType RTP payload type 0..127
 * @param encoding encoding name as written (e.g. {@code opus}, {@code PCMU})
 * @param clockRate clock rate in Hz, or -1 when the line omits it (RFC 4475's test messages carry
 *     {@code a=rtpmap:31 LPC}; the name is kept, and the decoder reports the line)
 * @param channels audio channels (the encoding parameters), 1 when not given
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

  static @Nullable RtpMap parse(String v) {
    int sp = v.indexOf(' ');
    if (sp <= 0) {
      return null;
    }
    long pt = Fields.decimal(v, 0, sp, 127);
    // <encoding name>/<clock rate>[/<encoding parameters>], stripped of surrounding whitespace
    int s = sp + 1;
    int end = v.length();
    while (s < end && Character.isWhitespace(v.charAt(s))) {
      s++;
    }
    while (end > s && Character.isWhitespace(v.charAt(end - 1))) {
      end--;
    }
    int slash1 = v.indexOf('/', s);
    slash1 = slash1 < 0 || slash1 >= end ? end : slash1;
    int slash2 = slash1 < end ? v.indexOf('/', slash1 + 1) : -1;
    slash2 = slash2 < 0 || slash2 >= end ? end : slash2;
    if (pt < 0 || (slash2 < end && v.indexOf('/', slash2 + 1) >= 0) || slash1 == s) {
      return null;
    }
    long rate = slash1 == end ? -1 : Fields.decimal(v.substring(slash1 + 1, slash2), Integer.MAX_VALUE);
    long channels = slash2 < end ? Fields.decimal(v.substring(slash2 + 1, end), 255) : 1;
    if ((rate < 0 && slash1 < end) || channels < 0) {
      return null;
    }
    return new RtpMap((int) pt, SdpTokens.substring(v, s, slash1), (int) rate, (int) channels);
  }
}
