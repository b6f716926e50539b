package io.voipdoc.decode.sdp;

/**
 * The words nearly every SDP body repeats (network and address types, media, transport profiles,
 * the usual payload types, attribute names, rtpmap values and encoding names) as one shared constant each. A
 * decoded description is kept with its call for the diagnosis, so that its fields do not each
 * hold a copy of {@code IN}, {@code IP4} or {@code rtpmap}.
 */
final class SdpTokens {
  private static final String[] COMMON = {
    "-", "0", "8", "9", "18", "96", "97", "100", "101", "IN", "IP4", "IP6", "audio", "video",
    "image", "RTP/AVP", "RTP/SAVP", "RTP/AVPF", "RTP/SAVPF", "UDP/TLS/RTP/SAVPF", "rtpmap",
    "fmtp", "ptime", "maxptime", "sendrecv", "sendonly", "recvonly", "inactive", "rtcp",
    "rtcp-mux", "candidate", "ice-ufrag", "ice-pwd", "crypto", "fingerprint", "setup", "mid",
    "ssrc", "20", "0 PCMU/8000", "8 PCMA/8000", "9 G722/8000", "18 G729/8000",
    "101 telephone-event/8000", "101 0-16", "101 0-15", "PCMU", "PCMA", "G722", "G729", "opus",
    "telephone-event"
  };

  /** The common words by length: few to compare with for any field. */
  private static final String[][] BY_LENGTH = byLength();

  private SdpTokens() {}

  private static String[][] byLength() {
    int longest = 0;
    for (String t : COMMON) {
      longest = Math.max(longest, t.length());
    }
    String[][] out = new String[longest + 1][];
    for (int n = 0; n <= longest; n++) {
      final int length = n;
      out[n] = java.util.Arrays.stream(COMMON).filter(t -> t.length() == length).toArray(String[]::new);
    }
    return out;
  }

  /** {@code v.substring(start, end)}, as the shared constant when it is one of the common words. */
  static String substring(String v, int start, int end) {
    int length = end - start;
    if (length > 0 && length < BY_LENGTH.length) {
      char first = v.charAt(start);
      for (String t : BY_LENGTH[length]) {
        if (t.charAt(0) == first && v.regionMatches(start, t, 0, length)) {
          return t;
        }
      }
    }
    return v.substring(start, end);
  }
}
