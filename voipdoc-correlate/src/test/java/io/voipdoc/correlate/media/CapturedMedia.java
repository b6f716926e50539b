package io.voipdoc.correlate.media;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.Flow;
import io.voipdoc.decode.IcmpError;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketDecoder;
import io.voipdoc.decode.rtp.RtcpCompound;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.sdp.SdpDecoder;
import io.voipdoc.decode.sip.BodyPart;
import io.voipdoc.decode.sip.NameAddr;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.stun.ChannelData;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.tls.TlsListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a capture through capture and decode into a {@link MediaCorrelator}, with a small SDP
 * extraction standing in for the SIP correlation: the caller is the sender of the first INVITE of
 * a Call-ID (its From tag), requests carry offers and responses answers.
 */
final class CapturedMedia implements MessageListener {
  private static final long TIMER_NANOS = 1_000_000_000L;

  final MediaCorrelator media;
  private final Map<String, String> callerTags = new HashMap<>();
  private long lastTimer = Long.MIN_VALUE;

  private CapturedMedia(MediaCorrelator media) {
    this.media = media;
  }

  /** The shared corpus, or a skipped test. */
  static Path corpus() {
    Path dir = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared corpus not present: " + dir);
    return dir;
  }

  static MediaCorrelator run(Path file) throws Exception {
    return run(file, MediaCorrelatorConfig.DEFAULTS);
  }

  static MediaCorrelator run(Path file, MediaCorrelatorConfig config) throws Exception {
    CapturedMedia run = new CapturedMedia(new MediaCorrelator(config));
    AnomalyLog anomalies = new AnomalyLog();
    PacketDecoder decoder =
        new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(run, anomalies), anomalies);
    for (CaptureInput input : CaptureInput.expand(List.of(file.toString()))) {
      try (CaptureReader reader = Captures.open(input, anomalies)) {
        Frame frame = new Frame();
        while (reader.next(frame)) {
          decoder.decode(frame);
        }
      }
    }
    decoder.finish();
    run.media.finish();
    return run.media;
  }

  private void tick(Packet p) {
    if (p.timestampNanos - lastTimer >= TIMER_NANOS) {
      lastTimer = p.timestampNanos;
      media.onTimer(p.timestampNanos);
    }
  }

  @Override
  public void onSip(SipMessage m, Packet p) {
    tick(p);
    String callId = m.callId();
    NameAddr from = m.from();
    NameAddr to = m.to();
    if (callId == null || from == null) {
      return;
    }
    String fromTag = from.tag() == null ? "" : from.tag();
    if (m.isRequest() && "INVITE".equals(m.method())) {
      callerTags.putIfAbsent(callId, fromTag);
    }
    BodyPart body = m.sdp();
    String callerTag = callerTags.get(callId);
    if (body == null || callerTag == null) {
      return;
    }
    boolean fromTagIsCaller = fromTag.equals(callerTag);
    boolean fromCaller = m.isRequest() == fromTagIsCaller;
    media.onSdp(
        new SdpSeen(
            callId,
            fromTag,
            to == null ? null : to.tag(),
            fromCaller,
            m.isRequest() && !"ACK".equals(m.method()),
            SdpDecoder.decode(body.data(), body.offset(), body.length()),
            p.frame.ref(),
            Endpoint.source(p),
            Endpoint.destination(p)));
  }

  @Override
  public void onStun(StunMessage message, Packet packet) {
    tick(packet);
    media.onStun(message, packet);
  }

  @Override
  public void onChannelData(ChannelData data, Packet packet) {
    tick(packet);
    media.onChannelData(data, packet);
  }

  @Override
  public void onRtp(RtpPacket rtp, Packet packet) {
    tick(packet);
    media.onRtp(rtp, packet);
  }

  @Override
  public void onRtcp(RtcpCompound rtcp, Packet packet) {
    tick(packet);
    media.onRtcp(rtcp, packet);
  }

  @Override
  public void onIcmpError(Packet packet, IcmpError error) {
    tick(packet);
    media.onIcmpError(packet, error);
  }

  @Override
  public @Nullable TlsListener onTlsStart(Flow flow, boolean datagram, Packet packet) {
    tick(packet);
    return media.onTlsStart(flow, datagram, packet);
  }
}
