package io.voipdoc.correlate.media;

import java.util.Locale;

/**
 * The ITU-T G.107 E-model reduced to what a capture shows: R = Ro - Is - Id - Ie,eff + A with the
 * default values of G.107 Table 3 (Ro - Is = 93.2, A = 0), delay impairment Id from the one-way
 * delay (G.107 §7.2, with the default echo path terms folded into the simplified form widely used
 * for monitoring), and Ie,eff from Ie, Bpl and random loss (G.107 §7.3, BurstR = 1).
 */
final class EModel {
  private EModel() {}

  /** Ro - Is with G.107 default parameters. */
  private static final double R_DEFAULT = 93.2;
  /** One-way delay assumed when RTCP gives none: a LAN call with a small jitter buffer, ms. */
  static final double DEFAULT_DELAY_MS = 50;

  /**
   * Estimates quality for a stream.
   *
   * @param codec encoding name (PCMU, PCMA, G722, G729, opus, ...)
   * @param lossPercent packet loss, percent
   * @param roundTripMs RTCP round-trip time, or negative when unknown
   * @param jitterMs mean jitter, ms (a jitter buffer of about twice that adds delay)
   */
  static MosEstimate estimate(String codec, double lossPercent, double roundTripMs, double jitterMs) {
    String c = codec.toLowerCase(Locale.ROOT);
    double ie;
    double bpl;
    boolean approximated;
    if (c.equals("pcmu") || c.equals("pcma")) {
      // G.113 Appendix I, Table I.3: G.711 with packet loss concealment
      ie = 0;
      bpl = 25.1;
      approximated = false;
    } else if (c.startsWith("g729")) {
      // G.113 Appendix I, Table I.3: G.729A + VAD
      ie = 11;
      bpl = 19;
      approximated = false;
    } else if (c.equals("g722")) {
      // wideband codec rated on the narrowband scale: no worse than G.711 in a narrowband call
      ie = 0;
      bpl = 25.1;
      approximated = true;
    } else if (c.equals("opus")) {
      // no G.113 entry; good concealment and FEC, rated like G.711 with PLC at its usual rates
      ie = 0;
      bpl = 25.1;
      approximated = true;
    } else {
      // unknown codec: assume a low-bitrate codec in the G.729 class
      ie = 11;
      bpl = 19;
      approximated = true;
    }
    double ppl = Math.max(0, Math.min(100, lossPercent));
    boolean fromRtcp = roundTripMs >= 0;
    double delay = (fromRtcp ? roundTripMs / 2 : DEFAULT_DELAY_MS) + 2 * Math.max(0, jitterMs);
    double id = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
    double ieEff = ie + (95 - ie) * ppl / (ppl + bpl);
    double r = Math.max(0, Math.min(100, R_DEFAULT - id - ieEff));
    // G.107 Annex B: MOS from R
    double mos = r <= 0 ? 1 : r >= 100 ? 4.5 : 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
    mos = Math.max(1, Math.min(4.5, mos));
    return new MosEstimate(mos, r, codec, ie, bpl, approximated, ppl, delay, fromRtcp);
  }
}
