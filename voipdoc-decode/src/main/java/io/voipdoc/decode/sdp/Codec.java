package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * A format of a media section with what is known about it: from its rtpmap, or for the static
 * payload types of RFC 3551 §6 (tables 4 and 5) from the RTP/AVP profile.
 *
 * @param payloadType the RTP payload type
 * @param name encoding name, or null when neither rtpmap nor the static table names it
 * @param clockRate clock rate in Hz, or -1 when unknown
 * @param channels channels, 1 when not given
 * @param fmtp the fmtp parameters, or null
 */
public record Codec(
    int payloadType, @Nullable String name, int clockRate, int channels, @Nullable String fmtp) {

  /** RFC 3551 §6: name/clock rate/channels of static payload types 0..34 (null = unassigned). */
  private static final String[] STATIC = {
    "PCMU/8000", null, null, "GSM/8000", "G723/8000", "DVI4/8000", "DVI4/16000", "LPC/8000",
    "PCMA/8000", "G722/8000", "L16/44100/2", "L16/44100", "QCELP/8000", "CN/8000", "MPA/90000",
    "G728/8000", "DVI4/11025", "DVI4/22050", "G729/8000", null, null, null, null, null, null,
    "CelB/90000", "JPEG/90000", null, "nv/90000", null, null, "H261/90000", "MPV/90000",
    "MP2T/90000", "H263/90000"
  };

  /** The static assignment of RFC 3551 for a payload type, or null. */
  public static @Nullable RtpMap staticPayloadType(int pt) {
    if (pt < 0 || pt >= STATIC.length || STATIC[pt] == null) {
      return null;
    }
    return RtpMap.parse(pt + " " + STATIC[pt]);
  }
}
