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
    long pt = Fields.decimal(v.substring(0, sp), 127);
    String[] e = v.substring(sp + 1).strip().split("/", -1);
    if (pt < 0 || e.length > 3 || e[0].isEmpty()) {
      return null;
    }
    long rate = e.length == 1 ? -1 : Fields.decimal(e[1], Integer.MAX_VALUE);
    long channels = e.length == 3 ? Fields.decimal(e[2], 255) : 1;
    if ((rate < 0 && e.length > 1) || channels < 0) {
      return null;
    }
    return new RtpMap((int) pt, e[0], (int) rate, (int) channels);
  }
}
