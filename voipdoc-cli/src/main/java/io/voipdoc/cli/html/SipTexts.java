package io.voipdoc.cli.html;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.decode.Flow;
import io.voipdoc.decode.IcmpError;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.rtp.RtcpCompound;
import io.voipdoc.decode.rtp.RtpPacket;
import io.voipdoc.decode.sip.SipMessage;
import io.voipdoc.decode.stun.ChannelData;
import io.voipdoc.decode.stun.StunMessage;
import io.voipdoc.decode.tls.TlsListener;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the text of the SIP messages while the pipeline runs, so that the HTML report can show
 * each message of a ladder in full; every other message goes on to the correlator unchanged.
 * Memory is bounded: at most {@link #MAX_MESSAGE_CHARS} per message and {@link #MAX_TOTAL_CHARS}
 * in all; messages beyond that are reported as not kept.
 */
public final class SipTexts implements MessageListener {
  /** Longest message text kept; longer ones are cut and say so. */
  static final int MAX_MESSAGE_CHARS = 16 * 1024;
  /** Text kept over all messages (about 64 MB of heap). */
  static final long MAX_TOTAL_CHARS = 32L * 1024 * 1024;

  /** A frame of an input. */
  private record Key(String input, long frame) {}

  private final MessageListener next;
  private final Map<Key, String> texts = new HashMap<>();
  private long total;

  /** Records SIP texts and passes everything on to {@code next}. */
  public SipTexts(MessageListener next) {
    this.next = next;
  }

  /** The text of the SIP message in this frame, or null when it was not kept. */
  @Nullable String text(FrameRef frame) {
    return texts.get(new Key(frame.input(), frame.number()));
  }

  @Override
  public void onInputs(int count) {
    next.onInputs(count);
  }

  @Override
  public void onSip(SipMessage message, Packet packet) {
    int length = Math.min(message.end(), message.bytes().length);
    if (total + Math.min(length, MAX_MESSAGE_CHARS) <= MAX_TOTAL_CHARS) {
      // malformed UTF-8 becomes U+FFFD here; the report then shows it as such
      String text = new String(message.bytes(), 0, Math.min(length, MAX_MESSAGE_CHARS), StandardCharsets.UTF_8);
      if (length > MAX_MESSAGE_CHARS) {
        text += "\n[… " + (length - MAX_MESSAGE_CHARS) + " bytes]";
      }
      // a TCP segment may complete several messages: keep them all under its frame
      texts.merge(new Key(packet.frame.input, packet.frame.number), text, (a, b) -> a + "\n" + b);
      total += text.length();
    }
    next.onSip(message, packet);
  }

  @Override
  public void onStun(StunMessage message, Packet packet) {
    next.onStun(message, packet);
  }

  @Override
  public void onChannelData(ChannelData data, Packet packet) {
    next.onChannelData(data, packet);
  }

  @Override
  public void onRtp(RtpPacket rtp, Packet packet) {
    next.onRtp(rtp, packet);
  }

  @Override
  public void onRtcp(RtcpCompound rtcp, Packet packet) {
    next.onRtcp(rtcp, packet);
  }

  @Override
  public void onIcmpError(Packet packet, IcmpError error) {
    next.onIcmpError(packet, error);
  }

  @Override
  public @Nullable TlsListener onTlsStart(Flow flow, boolean datagram, Packet packet) {
    return next.onTlsStart(flow, datagram, packet);
  }
}
