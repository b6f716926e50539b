package io.voipdoc.decode.rtp;

/**
 * The VoIP metrics report block of RTCP XR (RFC 3611 §4.7, block type 7). Values are as on the
 * wire; 127 (for signal values) or 255/65535 usually mean "unavailable" per that section.
 *
 * @param ssrc the source reported on
 * @param lossRate fraction of packets lost, in 1/256 units
 * @param discardRate fraction discarded by the jitter buffer, in 1/256 units
 * @param burstDensity fraction lost or discarded within bursts, in 1/256 units
 * @param gapDensity fraction lost or discarded within gaps, in 1/256 units
 * @param burstDuration mean burst duration in ms
 * @param gapDuration mean gap duration in ms
 * @param roundTripDelay most recent round trip delay in ms
 * @param endSystemDelay most recent end system delay in ms
 * @param signalLevel signal level in dBm0, signed
 * @param noiseLevel noise level in dBm0, signed
 * @param residualEchoReturnLoss RERL in dB
 * @param gmin gap threshold
 * @param rFactor R factor (ITU-T G.107), 127 if unavailable
 * @param externalRFactor external R factor, 127 if unavailable
 * @param mosLq listening quality MOS times 10, 127 if unavailable
 * @param mosCq conversational quality MOS times 10, 127 if unavailable
 * @param receiverConfig RX config byte (PLC, jitter buffer adaptive/non-adaptive, rate)
 * @param jitterBufferNominal nominal jitter buffer delay in ms
 * @param jitterBufferMaximum maximum jitter buffer delay in ms
 * @param jitterBufferAbsoluteMaximum absolute maximum jitter buffer size in ms
 */
public record VoipMetrics(
    long ssrc,
    int lossRate,
    int discardRate,
    int burstDensity,
    int gapDensity,
    int burstDuration,
    int gapDuration,
    int roundTripDelay,
    int endSystemDelay,
    int signalLevel,
    int noiseLevel,
    int residualEchoReturnLoss,
    int gmin,
    int rFactor,
    int externalRFactor,
    int mosLq,
    int mosCq,
    int receiverConfig,
    int jitterBufferNominal,
    int jitterBufferMaximum,
    int jitterBufferAbsoluteMaximum) {}
