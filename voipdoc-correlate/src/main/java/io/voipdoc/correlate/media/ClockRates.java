package io.voipdoc.correlate.media;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * RTP clock rates as Wireshark's RTP stream analysis picks them, so that jitter figures match
 * {@code tshark -z rtp,streams}: static payload types by the RFC 3551 §6 table (whatever the SDP
 * says), dynamic ones by the SDP rtpmap rate, else by the encoding name (IANA RTP parameters
 * registry). telephone-event (RFC 4733 §2.2.1) gets 0: its timestamp stays fixed during an event,
 * so it must not feed the jitter estimate.
 */
final class ClockRates {
  private ClockRates() {}

  /** The first dynamic payload type (RFC 3551 §3). */
  static final int FIRST_DYNAMIC = 96;

  /** Clock rates of the static payload types 0..34; 0 = unassigned (RFC 3551 tables 4 and 5). */
  private static final int[] STATIC = {
    8000, 8000, 8000, 8000, 8000, 8000, 16000, 8000, 8000, 8000, 44100, 44100, 8000, 8000, 90000,
    8000, 11025, 22050, 8000, 8000, 0, 0, 0, 0, 0, 90000, 90000, 0, 90000, 0, 0, 90000, 90000,
    90000, 90000
  };

  /** Encoding names and clock rates of the IANA registry's dynamic formats, prefix-matched. */
  private static final String[] NAMES = {
    "amr-wb", "amr", "bmpeg", "bt656", "dv", "evrcwb", "evrcb", "evrc", "evs", "g7221", "g726",
    "g729d", "g729e", "gsm-efr", "h263-", "h264", "mp1s", "mp2p", "mp4v-es", "mpa-robust", "opus",
    "pointer", "raw", "red", "smv", "t140"
  };

  private static final int[] NAME_RATES = {
    16000, 8000, 90000, 90000, 90000, 16000, 8000, 8000, 16000, 16000, 8000, 8000, 8000, 8000,
    90000, 90000, 90000, 90000, 90000, 90000, 48000, 90000, 90000, 1000, 8000, 1000
  };

  /**
   * The clock rate for the jitter estimate, 0 when unknown or not to be used.
   *
   * @param payloadType 0..127
   * @param name the encoding name from SDP, or null
   * @param sdpRate the rtpmap clock rate, or -1
   */
  static int forJitter(int payloadType, @Nullable String name, int sdpRate) {
    if (payloadType < FIRST_DYNAMIC) {
      return payloadType < STATIC.length ? STATIC[payloadType] : 0;
    }
    if (name == null) {
      return 0;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("telephone-event")) {
      return 0;
    }
    if (sdpRate > 0) {
      return sdpRate;
    }
    for (int i = 0; i < NAMES.length; i++) {
      if (n.startsWith(NAMES[i])) {
        return NAME_RATES[i];
      }
    }
    return 0;
  }
}
