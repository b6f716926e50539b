package io.voipdoc.correlate.media;

/**
 * An estimate of listening quality by the ITU-T G.107 E-model, from figures seen in the capture.
 * It is an estimate: the equipment impairment values are G.113 Appendix I figures or, where G.113
 * has none, approximations (flagged), and delay comes from RTCP when present.
 *
 * @param mos the mean opinion score, 1.0..4.5 (G.107 Annex B)
 * @param rFactor the transmission rating R, 0..100
 * @param codec the codec name the impairments were chosen for
 * @param ie equipment impairment factor Ie
 * @param bpl packet-loss robustness factor Bpl
 * @param approximated whether Ie/Bpl are approximations rather than G.113 table values
 * @param lossPercent packet loss used (Ppl), percent
 * @param oneWayDelayMs absolute one-way delay used (Ta), ms
 * @param delayFromRtcp whether the delay is half the RTCP round-trip time (else a default)
 */
public record MosEstimate(
    double mos,
    double rFactor,
    String codec,
    double ie,
    double bpl,
    boolean approximated,
    double lossPercent,
    double oneWayDelayMs,
    boolean delayFromRtcp) {}
