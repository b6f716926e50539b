package io.voipdoc.correlate.media;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.rtp.VoipMetrics;
import io.voipdoc.decode.sdp.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One RTP stream: one SSRC sent from one address/port to another (RFC 3550 §3), with its figures
 * folded packet by packet; no packet is kept. Values change while the capture is read and are
 * final after {@link MediaCorrelator#finish()}.
 *
 * <p>Loss, sequence errors, maximum delta and jitter follow Wireshark's RTP stream analysis so that
 * they agree with {@code tshark -z rtp,streams}: jitter is RFC 3550 A.8's estimate J += (|D| - J) /
 * 16 in ms, using the clock rate of {@link ClockRates}; only "regular" packets (not the first, no
 * marker bit, not comfort noise nor the packet after it, timestamp not going back) count towards
 * the maximum delta and the maximum and mean jitter; lost = expected - received, with expected from
 * the first and the last sequence number and the wrap-arounds seen.
 */
public final class RtpStream {
  /** Comfort noise payload types: 13 (RFC 3389) and the old 19 (RFC 1890). */
  private static final int PT_CN = 13;
  private static final int PT_CN_OLD = 19;

  private final long ssrc;
  private final Endpoint source;
  private final Endpoint destination;
  private final int firstPayloadType;
  private final FrameRef firstFrame;
  private final int maxSeriesSeconds;
  private final long firstNanos;

  @Nullable MediaBinding binding;
  /** Whether {@link #binding} announced the destination (else the source, symmetric RTP). */
  boolean boundByDestination;
  boolean confirmed;
  boolean srtp;
  int inSequenceRun;
  int cachedPayloadType = -1;
  int cachedClockRate;

  private long lastFrameNumber;
  private int lastInterface;
  private long lastNanos;
  private long packets;
  private long bytes;
  private long markers;
  private long talkspurts;
  private long comfortNoise;
  private long dscpSeen;
  private long payloadTypesSeen0;
  private long payloadTypesSeen1;

  // Wireshark-equivalent analysis state (ui/tap-rtp-analysis.c semantics)
  private int startSeq;
  private int stopSeq;
  private int seqNum;
  private int seqCycles;
  private boolean under;
  private long seqTimestamp;
  private long lastRawTimestamp;
  private long extendedTimestamp;
  private double time;
  private int pt;
  private double delta;
  private double maxDelta;
  private double jitter;
  private double maxJitter;
  private double meanJitter;
  private long totalNr;
  private long sequenceErrors;
  private long lateOrDuplicate;
  private long duplicates;
  private long jumps;
  private int clockRate;

  // duplicate detection: bit i set = (highest - i) received, for the 64 numbers below the highest
  private long highestExtended;
  private long window;

  // per-second series
  private int[] seriesPackets = new int[0];
  private int[] seriesLost = new int[0];
  private double[] seriesJitter = new double[0];
  private int seriesLength;
  boolean seriesTruncated;

  // RTCP
  private long rtcpPackets;
  boolean rtcpMux;
  private @Nullable PeerReport peerReport;
  private @Nullable VoipMetrics voipMetrics;
  private @Nullable String cname;
  private boolean bye;
  private long senderPacketCount = -1;
  private long senderOctetCount = -1;
  long lastSrMiddle = -1;
  long lastSrNanos;

  RtpStream(
      long ssrc,
      Endpoint source,
      Endpoint destination,
      RtpPacket rtp,
      Packet packet,
      int maxSeriesSeconds) {
    this.ssrc = ssrc;
    this.source = source;
    this.destination = destination;
    this.firstPayloadType = rtp.payloadType();
    this.firstFrame = packet.frame.ref();
    this.lastFrameNumber = firstFrame.number();
    this.lastInterface = firstFrame.interfaceId();
    this.firstNanos = packet.timestampNanos;
    this.maxSeriesSeconds = maxSeriesSeconds;
  }

  /** Folds one packet in; {@code clockRate} 0 leaves the jitter estimate untouched. */
  void add(RtpPacket rtp, Packet packet, int packetClockRate) {
    long nanos = packet.timestampNanos;
    double now = (nanos - firstNanos) / 1e6;
    int seq = rtp.sequence();
    int payloadType = rtp.payloadType();
    packets++;
    bytes += rtp.payloadLength();
    dscpSeen |= 1L << (packet.dscp & 63);
    if (payloadType < 64) {
      payloadTypesSeen0 |= 1L << payloadType;
    } else {
      payloadTypesSeen1 |= 1L << (payloadType - 64);
    }
    if (payloadType == PT_CN || payloadType == PT_CN_OLD) {
      comfortNoise++;
    }
    if (rtp.marker()) {
      markers++;
    }
    lastFrameNumber = packet.frame.number;
    lastInterface = packet.frame.interfaceId;
    lastNanos = nanos;
    int lostNow = 0;
    if (packets == 1) {
      startSeq = seq;
      stopSeq = seq;
      seqNum = seq;
      lastRawTimestamp = rtp.timestamp();
      extendedTimestamp = rtp.timestamp();
      seqTimestamp = extendedTimestamp;
      time = now;
      pt = payloadType;
      totalNr = 1;
      highestExtended = seq;
      window = 1;
      sample(now, 0, jitter);
      return;
    }
    // RTP timestamps are 32-bit and wrap: extend by the signed distance to the previous one
    extendedTimestamp += (int) (rtp.timestamp() - lastRawTimestamp);
    lastRawTimestamp = rtp.timestamp();
    boolean inTimeSequence = seqTimestamp <= extendedTimestamp;
    boolean wrongTimestamp = !inTimeSequence;

    if (seq < startSeq && inTimeSequence && !under) {
      seqCycles++;
      under = true;
    } else if (seq == 0 && stopSeq == 65535 && inTimeSequence && !under) {
      seqCycles++;
      under = true;
    } else if (seq > startSeq && inTimeSequence && under) {
      under = false;
    }
    if (inTimeSequence && seqNum + 1 == seq) {
      seqNum = seq;
    } else if (inTimeSequence && seqNum == 65535 && seq == 0) {
      seqNum = seq;
    } else if (inTimeSequence && (seqNum + 1 < seq || seqNum - seq > 0xFF00)) {
      int gap = (seq - seqNum - 1) & 0xFFFF;
      // a forward jump loses the packets in between (a huge one is a wrap with losses)
      lostNow = gap < 0x8000 ? gap : 0;
      seqNum = seq;
      sequenceErrors++;
      jumps++;
    } else if (seqNum + 1 > seq) {
      sequenceErrors++;
      lateOrDuplicate++;
    }
    trackDuplicates(seq);

    boolean cn = payloadType == PT_CN || payloadType == PT_CN_OLD;
    boolean followsCn = pt == PT_CN || pt == PT_CN_OLD;
    pt = payloadType;
    double currentJitter = 0;
    int perMs = packetClockRate / 1000;
    if (perMs != 0) {
      clockRate = packetClockRate;
      double nominalDiff = (double) (extendedTimestamp - seqTimestamp) / perMs;
      double expected = time + nominalDiff;
      double diff = Math.abs(now - expected);
      currentJitter = (15 * jitter + diff) / 16;
      delta = now - time;
      jitter = currentJitter;
    } else {
      delta = now - time;
    }
    if (rtp.marker()) {
      // RFC 3551 §4.1: for audio, the marker bit starts a talkspurt after silence
      talkspurts++;
    }
    if (!rtp.marker() && !cn && !wrongTimestamp && !followsCn) {
      if (delta > maxDelta) {
        maxDelta = delta;
      }
      if (perMs != 0) {
        if (jitter > maxJitter) {
          maxJitter = jitter;
        }
        meanJitter = (meanJitter * (totalNr - 1) + currentJitter) / totalNr;
      }
    }
    if (inTimeSequence) {
      time = now;
      if (perMs != 0) {
        seqTimestamp = extendedTimestamp;
      }
    }
    stopSeq = seq;
    totalNr++;
    sample(now, lostNow, jitter);
  }

  private void trackDuplicates(int seq) {
    long candidate = (highestExtended & ~0xFFFFL) | seq;
    // choose the extension nearest to the highest number seen
    if (candidate - highestExtended > 0x8000) {
      candidate -= 0x10000;
    } else if (highestExtended - candidate > 0x8000) {
      candidate += 0x10000;
    }
    if (candidate > highestExtended) {
      long shift = candidate - highestExtended;
      window = shift >= 64 ? 1 : (window << shift) | 1;
      highestExtended = candidate;
    } else {
      long back = highestExtended - candidate;
      if (back < 64) {
        if ((window & (1L << back)) != 0) {
          duplicates++;
        } else {
          window |= 1L << back;
        }
      }
    }
  }

  private void sample(double nowMs, int lost, double jitterMs) {
    int second = (int) Math.min(Integer.MAX_VALUE, Math.max(0, nowMs / 1000));
    if (second >= maxSeriesSeconds) {
      seriesTruncated = true;
      return;
    }
    if (second >= seriesPackets.length) {
      int size = Math.min(maxSeriesSeconds, Math.max(second + 1, seriesPackets.length * 2 + 8));
      seriesPackets = Arrays.copyOf(seriesPackets, size);
      seriesLost = Arrays.copyOf(seriesLost, size);
      seriesJitter = Arrays.copyOf(seriesJitter, size);
    }
    seriesPackets[second]++;
    seriesLost[second] += lost;
    seriesJitter[second] = Math.max(seriesJitter[second], jitterMs);
    seriesLength = Math.max(seriesLength, second + 1);
  }

  /** Whether the next packet continues this stream in sequence (for heuristic confirmation). */
  boolean continues(int seq) {
    return ((seq - seqNum) & 0xFFFF) == 1;
  }

  void onPeerReport(PeerReport report) {
    peerReport = report;
  }

  void onVoipMetrics(VoipMetrics metrics) {
    voipMetrics = metrics;
  }

  void onRtcp() {
    rtcpPackets++;
  }

  void onSenderReport(long packetCount, long octetCount) {
    senderPacketCount = packetCount;
    senderOctetCount = octetCount;
  }

  void onCname(String name) {
    cname = name;
  }

  void onBye() {
    bye = true;
  }

  long lastNanos() {
    return lastNanos == 0 ? firstNanos : lastNanos;
  }

  // ---- results ----

  /** The synchronisation source. */
  public long ssrc() {
    return ssrc;
  }

  /** {@code 0x1234abcd}. */
  public String ssrcHex() {
    return String.format("0x%08x", ssrc);
  }

  /** Where the packets came from. */
  public Endpoint source() {
    return source;
  }

  /** Where the packets went. */
  public Endpoint destination() {
    return destination;
  }

  /** The payload type of the first packet. */
  public int payloadType() {
    return firstPayloadType;
  }

  /** Every payload type seen, ascending. */
  public List<Integer> payloadTypes() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      if (i < 64 ? (payloadTypesSeen0 & (1L << i)) != 0 : (payloadTypesSeen1 & (1L << (i - 64))) != 0) {
        out.add(i);
      }
    }
    return out;
  }

  /** The codec of the first payload type: from the call's SDP, else RFC 3551's table, or null. */
  public @Nullable String codec() {
    MediaBinding b = binding;
    return b == null ? MediaBinding.staticName(firstPayloadType) : b.codecName(firstPayloadType);
  }

  /** The clock rate used for jitter, Hz; 0 when unknown (then jitter is not estimated). */
  public int clockRate() {
    return clockRate;
  }

  /** Call-ID of the call whose SDP announced this stream's endpoints, or null. */
  public @Nullable String callId() {
    MediaBinding b = binding;
    return b == null ? null : b.callId();
  }

  /**
   * Whether the stream flows from the caller to the callee; null when no call is known. Derived
   * from which side's SDP announced the destination (or, failing that, the source).
   */
  public @Nullable Boolean fromCaller() {
    MediaBinding b = binding;
    return b == null ? null : b.fromCaller() != boundByDestination;
  }

  /**
   * The direction attribute of the receiving side's latest SDP for this media (RFC 8866 §6.7), or
   * null without a call: sendonly/inactive there means the receiver holds the call, so silence is
   * expected and not one-way audio.
   */
  public @Nullable Direction receiverDirection() {
    MediaBinding b = binding;
    return b == null ? null : b.directionOf(boundByDestination ? b.fromCaller() : !b.fromCaller());
  }

  /** Whether the media is SRTP: the SDP profile is RTP/SAVP(F), or DTLS ran on this 5-tuple. */
  public boolean srtp() {
    MediaBinding b = binding;
    return srtp || (b != null && b.secure());
  }

  /** Whether an SDP announced this stream's endpoints (else it was found by its packets alone). */
  public boolean announced() {
    return binding != null;
  }

  public long packets() {
    return packets;
  }

  /** RTP payload bytes (headers and padding excluded). */
  public long bytes() {
    return bytes;
  }

  public FrameRef firstFrame() {
    return firstFrame;
  }

  public FrameRef lastFrame() {
    return new FrameRef(firstFrame.input(), lastFrameNumber, lastNanos(), lastInterface);
  }

  /** Duration from the first to the last packet, seconds. */
  public double durationSeconds() {
    return (lastNanos() - firstNanos) / 1e9;
  }

  /** Expected packets: from the first to the last sequence number, wrap-arounds included. */
  public long expected() {
    return (stopSeq + (long) seqCycles * 0x10000) - startSeq + 1;
  }

  /** Expected minus received (negative with duplicates). */
  public long lost() {
    return expected() - packets;
  }

  /** Lost as a percentage of expected. */
  public double lostPercent() {
    long e = expected();
    return e <= 0 ? 0 : 100.0 * lost() / e;
  }

  /** Packets whose sequence number was not the next one (jumps, late and duplicate packets). */
  public long sequenceErrors() {
    return sequenceErrors;
  }

  /** Forward jumps of the sequence number (packets lost before them). */
  public long sequenceJumps() {
    return jumps;
  }

  /** Packets arriving with a number at or below the previous one. */
  public long lateOrDuplicate() {
    return lateOrDuplicate;
  }

  /** Packets whose sequence number was received before (within the last 64). */
  public long duplicates() {
    return duplicates;
  }

  /** Times the sequence number wrapped from 65535 to 0. */
  public int sequenceWraps() {
    return seqCycles;
  }

  /** The longest gap between regular packets, ms. */
  public double maxDeltaMs() {
    return maxDelta;
  }

  /** The highest interarrival jitter estimate, ms. */
  public double maxJitterMs() {
    return maxJitter;
  }

  /** The mean interarrival jitter estimate over regular packets, ms. */
  public double meanJitterMs() {
    return meanJitter;
  }

  /** Packets with the marker bit. */
  public long markers() {
    return markers;
  }

  /** Marker bits after the first packet: talkspurts that followed silence (RFC 3551 §4.1). */
  public long talkspurts() {
    return talkspurts;
  }

  /** Comfort noise packets (payload type 13 or 19, RFC 3389). */
  public long comfortNoisePackets() {
    return comfortNoise;
  }

  /** The DSCP values (RFC 2474) the packets carried, ascending; 46 is EF. */
  public List<Integer> dscpValues() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      if ((dscpSeen & (1L << i)) != 0) {
        out.add(i);
      }
    }
    return out;
  }

  /** Packets, loss and jitter per second since the first packet. */
  public List<SecondSample> series() {
    List<SecondSample> out = new ArrayList<>(seriesLength);
    for (int i = 0; i < seriesLength; i++) {
      out.add(new SecondSample(i, seriesPackets[i], seriesLost[i], seriesJitter[i]));
    }
    return out;
  }

  /** Whether the series stopped at {@link MediaCorrelatorConfig#maxSeriesSeconds()}. */
  public boolean seriesTruncated() {
    return seriesTruncated;
  }

  /** RTCP packets sent by this stream's source about it (SR, SDES, BYE, XR with its SSRC). */
  public long rtcpPackets() {
    return rtcpPackets;
  }

  /** Whether RTCP shared the RTP 5-tuple (rtcp-mux, RFC 5761). */
  public boolean rtcpMux() {
    return rtcpMux;
  }

  /** The latest report the receiver sent about this stream, or null. */
  public @Nullable PeerReport peerReport() {
    return peerReport;
  }

  /** The latest RTCP XR VoIP metrics block (RFC 3611 §4.7) about this stream, or null. */
  public @Nullable VoipMetrics voipMetrics() {
    return voipMetrics;
  }

  /** The sender's CNAME from SDES, or null. */
  public @Nullable String cname() {
    return cname;
  }

  /** Whether the sender said goodbye (RTCP BYE). */
  public boolean bye() {
    return bye;
  }

  /** The sender's packet count of its latest SR, or -1. */
  public long senderPacketCount() {
    return senderPacketCount;
  }

  /** The sender's octet count of its latest SR, or -1. */
  public long senderOctetCount() {
    return senderOctetCount;
  }

  /** An E-model quality estimate from loss, jitter and RTCP round-trip time. */
  public MosEstimate mosEstimate() {
    String c = codec();
    PeerReport r = peerReport;
    return EModel.estimate(
        c == null ? "unknown" : c, Math.max(0, lostPercent()), r == null ? -1 : r.roundTripMs(), meanJitter);
  }

  @Override
  public String toString() {
    return "RtpStream[" + ssrcHex() + " " + source.hostPort() + " -> " + destination.hostPort()
        + " pt=" + firstPayloadType + " packets=" + packets + " lost=" + lost() + "]";
  }
}
