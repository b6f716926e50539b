package io.voipdoc.diagnose.rules.media;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.media.SecondSample;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * BANDWIDTH_EXCEEDED: audio is fine while one call runs and breaks up as soon as several run at
 * once: the calls together need more than the link (usually the upload) carries.
 *
 * <p>Signature: the RTP streams (RFC 3550 §3) of the calls in the captures are cut into seconds and
 * each second is labelled with the number of calls sending media in it. In the seconds with the
 * most calls at once (at least {@link #MIN_PEAK_CALLS}) the packet loss is above {@link
 * #MAX_LOSS_PERCENT} percent or the mean jitter above {@link #MAX_JITTER_MS} ms (the "VoIP ready"
 * limits of KNOWLEDGE.md §4), while in the seconds with at most half as many calls, loss stays at
 * or below {@link #MAX_CALM_LOSS_PERCENT} percent and jitter within its limit. Each group needs
 * {@link #MIN_SECONDS} seconds of media. Loss that does not depend on the number of calls (a bad
 * Wi-Fi, a lossy line) is POOR_QUALITY alone.
 *
 * <p>The evidence gives the bandwidth estimate per codec: the packets and payload the streams
 * really carried, plus 58 bytes of headers per packet (RTP 12, UDP 8, IPv4 20, Ethernet 14 and
 * frame check 4), e.g. G.711 with 20 ms packets: 87.2 kbit/s per call and direction; times the
 * peak number of calls at once. The link's capacity is not in the captures; the admin compares
 * the estimate with it.
 *
 * <p>Catalogue: KNOWLEDGE.md §3, BANDWIDTH_EXCEEDED; §4 for the limits. Lab: {@code
 * lab/bandwidth-exceeded} (a 200 kbit/s uplink, four G.711 calls at once).
 */
@RuleSpec(id = "BANDWIDTH_EXCEEDED", severity = Severity.WARNING)
public final class BandwidthExceeded implements Rule {
  /** Calls at once needed before concurrency can explain anything. */
  static final int MIN_PEAK_CALLS = 2;
  /** Loss limit at the peak, percent (KNOWLEDGE.md §4). */
  static final double MAX_LOSS_PERCENT = 3.0;
  /** Mean jitter limit at the peak, ms (KNOWLEDGE.md §4). */
  static final double MAX_JITTER_MS = 20.0;
  /** Loss with few calls at or below this counts as clean, percent. */
  static final double MAX_CALM_LOSS_PERCENT = 1.0;
  /** Seconds of media needed in each group (peak and calm). */
  static final int MIN_SECONDS = 5;
  /** Header bytes per packet on an Ethernet link: RTP 12, UDP 8, IPv4 20, Ethernet 14, FCS 4. */
  static final int HEADER_BYTES = 58;

  private static final long NANOS = 1_000_000_000L;

  @Override
  public void judge(Incident incident, Findings out) {
    // per capture second: the calls sending media, and per call and stream their sample
    // calls by their first Call-ID: a call seen at two capture points is one call
    TreeMap<Long, Set<String>> callsPerSecond = new TreeMap<>();
    List<Sampled> samples = new ArrayList<>();
    Map<RtpStream, Call> callOf = new LinkedHashMap<>();
    for (Call call : incident.calls()) {
      for (RtpStream s : incident.streamsOf(call)) {
        // streams merged from several capture points mix two vantage points (see POOR_QUALITY);
        // a call seen at two capture points lists the same stream twice
        if (s.packets() > s.expected() + s.expected() / 10 || callOf.containsKey(s)) {
          continue;
        }
        callOf.put(s, call);
        long start = s.firstFrame().timestampNanos() / NANOS;
        for (SecondSample x : s.series()) {
          if (x.packets() == 0) {
            continue;
          }
          long second = start + x.second();
          callsPerSecond.computeIfAbsent(second, k -> new HashSet<>()).add(call.callIds().get(0));
          samples.add(new Sampled(s, second, x));
        }
      }
    }
    int peak = callsPerSecond.values().stream().mapToInt(Set::size).max().orElse(0);
    if (peak < MIN_PEAK_CALLS) {
      return;
    }
    Map<Integer, Group> byCalls = new TreeMap<>();
    for (Sampled x : samples) {
      int n = callsPerSecond.get(x.second).size();
      byCalls.computeIfAbsent(n, k -> new Group()).add(x);
    }
    Group high = byCalls.get(peak);
    Group calm = new Group();
    for (Map.Entry<Integer, Group> e : byCalls.entrySet()) {
      if (e.getKey() * 2 <= peak) {
        calm.merge(e.getValue());
      }
    }
    if (high == null || high.seconds.size() < MIN_SECONDS || calm.seconds.size() < MIN_SECONDS) {
      return;
    }
    boolean bad = high.lossPercent() > MAX_LOSS_PERCENT || high.meanJitter() > MAX_JITTER_MS;
    boolean clean = calm.lossPercent() <= MAX_CALM_LOSS_PERCENT && calm.meanJitter() <= MAX_JITTER_MS;
    if (!bad || !clean) {
      return;
    }
    Findings.Builder f = out.add(this, "calls").title(peak, high.lossPercent(),
        calm.lossPercent());
    for (Estimate e : estimates(callOf.keySet())) {
      f.evidence(e.example.firstFrame(), "estimate", "rtp.p_type == " + e.example.payloadType(),
          e.codec, e.ptimeMs, e.kbits, peak, e.kbits * peak);
    }
    f.evidence(high.worstFrame(), "peak", "", peak, high.seconds.size(), high.lost, high.expected,
        high.lossPercent(), high.meanJitter());
    f.evidence(calm.worstFrame(), "calm", "", peak / 2, calm.seconds.size(), calm.lost, calm.expected,
        calm.lossPercent(), calm.meanJitter());
    for (Map.Entry<Integer, Group> e : byCalls.entrySet()) {
      f.evidence(null, "by_calls", "", e.getKey(), e.getValue().lossPercent());
    }
    f.advice("measure_uplink").advice("qos").advice("codec").advice("limit_calls").done();
  }

  /** Bandwidth per call and direction per codec and packet time, from what the streams carried. */
  private static List<Estimate> estimates(Iterable<RtpStream> streams) {
    Map<String, Estimate> out = new LinkedHashMap<>();
    for (RtpStream s : streams) {
      double seconds = s.durationSeconds();
      if (s.packets() < 2 || seconds <= 0) {
        continue;
      }
      // packets per second from the span of the stream: loss lowers the count, not the rate sent
      double rate = (s.expected() - 1) / seconds;
      double payload = s.bytes() / (double) s.packets();
      int ptimeMs = (int) Math.round(1000.0 / rate);
      String codec = s.codec() == null ? "PT " + s.payloadType() : s.codec();
      double kbits = (payload + HEADER_BYTES) * 8 * rate / 1000.0;
      String key = codec + "/" + ptimeMs;
      Estimate e = out.get(key);
      if (e == null || kbits > e.kbits) {
        out.put(key, new Estimate(codec, ptimeMs, kbits, s));
      }
    }
    return new ArrayList<>(out.values());
  }

  private record Estimate(String codec, int ptimeMs, double kbits, RtpStream example) {}

  private record Sampled(RtpStream stream, long second, SecondSample sample) {}

  /** Loss and jitter of the stream-seconds with the same number of calls. */
  private static final class Group {
    final Set<Long> seconds = new HashSet<>();
    long lost;
    long expected;
    double jitterSum;
    int jitterCount;
    final Map<RtpStream, Long> lostPerStream = new HashMap<>();

    void add(Sampled x) {
      seconds.add(x.second);
      lost += x.sample.lost();
      expected += x.sample.packets() + x.sample.lost();
      lostPerStream.merge(x.stream, (long) x.sample.lost(), Long::sum);
      if (x.stream.clockRate() > 0) {
        jitterSum += x.sample.maxJitterMs();
        jitterCount++;
      }
    }

    void merge(Group g) {
      seconds.addAll(g.seconds);
      lost += g.lost;
      expected += g.expected;
      jitterSum += g.jitterSum;
      jitterCount += g.jitterCount;
      g.lostPerStream.forEach((k, v) -> lostPerStream.merge(k, v, Long::sum));
    }

    double lossPercent() {
      return expected == 0 ? 0 : lost * 100.0 / expected;
    }

    double meanJitter() {
      return jitterCount == 0 ? 0 : jitterSum / jitterCount;
    }

    /** The first frame of the stream that lost most in this group (the earliest of equals). */
    @Nullable FrameRef worstFrame() {
      RtpStream worst = null;
      long most = -1;
      for (Map.Entry<RtpStream, Long> e : lostPerStream.entrySet()) {
        if (worst == null || e.getValue() > most || (e.getValue() == most
            && e.getKey().firstFrame().timestampNanos() < worst.firstFrame().timestampNanos())) {
          worst = e.getKey();
          most = e.getValue();
        }
      }
      return worst == null ? null : worst.firstFrame();
    }
  }
}
