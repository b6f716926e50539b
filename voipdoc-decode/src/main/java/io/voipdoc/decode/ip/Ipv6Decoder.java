package io.voipdoc.decode.ip;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import org.jspecify.annotations.Nullable;

/**
 * Decodes IPv6 headers (RFC 8200 §3) and walks the extension headers whose length is known, so
 * that {@link IpHeader#protocol} names the upper layer. Stateless apart from its {@link
 * IpConfig}; never throws on bad input.
 */
public final class Ipv6Decoder {
  private static final int HEADER = 40;
  static final int HOP_BY_HOP = 0;
  static final int ROUTING = 43;
  static final int FRAGMENT = 44;
  static final int AUTHENTICATION = 51;
  static final int DESTINATION_OPTIONS = 60;

  private final IpConfig config;

  public Ipv6Decoder(IpConfig config) {
    this.config = config;
  }

  /**
   * Decodes the IPv6 header at {@code off} and its extension headers into {@code out}; returns
   * false (after reporting an anomaly) when there is no usable fixed header. Damaged extension
   * headers are reported and give {@link IpHeader#protocol} -1 with no payload.
   */
  public boolean decode(
      byte[] b, int off, int len, IpHeader out, Frame frame, AnomalyLog anomalies) {
    return decode(b, off, len, out, frame, anomalies, false);
  }

  /**
   * Decodes the header of a packet quoted in an ICMPv6 error; returns false when even the fixed
   * header is incomplete. An extension header cut by the quote leaves {@link IpHeader#protocol}
   * at -1; the caller reports it.
   */
  boolean decodeQuoted(byte[] b, int off, int len, IpHeader out, Frame frame) {
    return decode(b, off, len, out, frame, null, true);
  }

  private boolean decode(
      byte[] b,
      int off,
      int len,
      IpHeader out,
      Frame frame,
      @Nullable AnomalyLog anomalies,
      boolean quoted) {
    out.reset(6);
    // Version (4) | Traffic Class (8) | Flow Label (20)
    // Payload Length (16) | Next Header (8) | Hop Limit (8)
    // Source Address (128)
    // Destination Address (128)
    if (len < HEADER) {
      if (anomalies != null) {
        IpHeaderProblem.HEADER_TRUNCATED.report(anomalies, frame, "version=6 need=40 have=" + len);
      }
      return false;
    }
    int version = (b[off] & 0xff) >>> 4;
    if (version != 6) {
      if (anomalies != null) {
        IpHeaderProblem.VERSION_MISMATCH.report(anomalies, frame, "expected=6 found=" + version);
      }
      return false;
    }
    out.dscp = (((b[off] & 0x0f) << 4) | ((b[off + 1] & 0xff) >>> 4)) >>> 2;
    int payloadLength = Ipv4Decoder.u16(b, off + 4);
    int next = b[off + 6] & 0xff;
    out.ttl = b[off + 7] & 0xff;
    System.arraycopy(b, off + 8, out.src, 0, 16);
    System.arraycopy(b, off + 24, out.dst, 0, 16);
    int available = len - HEADER;
    if (payloadLength == 0 && !quoted) {
      // A jumbogram (RFC 2675) or a segmentation-offload capture: the captured bytes are the
      // packet.
      payloadLength = available;
    }
    if (payloadLength > available) {
      if (anomalies != null && !frame.truncated()) {
        IpHeaderProblem.LENGTH_EXCEEDS_CAPTURE.report(
            anomalies, frame, "version=6 claimed=" + (HEADER + payloadLength) + " captured=" + len);
      }
    } else {
      available = payloadLength;
    }
    int pos = off + HEADER;
    int end = pos + available;
    int walked = 0;
    while (true) {
      int size;
      switch (next) {
        case HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS -> {
          // RFC 8200 §4.3-4.6: Next Header (8) | Hdr Ext Len (8, in 8 octets, not counting the
          // first 8) | ...
          size = end - pos >= 2 ? ((b[pos + 1] & 0xff) + 1) * 8 : 8;
        }
        case AUTHENTICATION -> {
          // RFC 4302 §2: Next Header (8) | Payload Len (8, in 4 octets, minus 2) | ...
          size = end - pos >= 2 ? ((b[pos + 1] & 0xff) + 2) * 4 : 8;
        }
        case FRAGMENT -> size = 8;
        // RFC 6275 §6.1.1: the mobility header is the last header; its Payload Proto field is
        // to be 59 (no next header), so nothing after it is walked, as Wireshark does too
        default -> {
          out.protocol = next;
          out.payloadOffset = pos;
          out.payloadLength = end - pos;
          return true;
        }
      }
      // Damaged extension headers leave the fixed header valid: the addresses are known, the
      // protocol is not (-1), and there is no payload to hand on.
      if (++walked > config.maxExtensionHeaders()) {
        if (anomalies != null) {
          IpHeaderProblem.TOO_MANY_EXTENSION_HEADERS.report(
              anomalies, frame, "max=" + config.maxExtensionHeaders());
        }
        out.payloadOffset = end;
        return true;
      }
      if (size > end - pos) {
        if (anomalies != null) {
          IpHeaderProblem.EXTENSION_HEADER_TRUNCATED.report(
              anomalies, frame, "header=" + next + " need=" + size + " have=" + (end - pos));
        }
        out.payloadOffset = end;
        return true;
      }
      if (next == FRAGMENT) {
        // RFC 8200 §4.5: Next Header (8) | Reserved (8) | Fragment Offset (13) | Res (2) | M (1)
        // | Identification (32)
        int offsetFlags = Ipv4Decoder.u16(b, pos + 2);
        int fragmentOffset = offsetFlags & 0xfff8;
        boolean more = (offsetFlags & 1) != 0;
        // an atomic fragment (offset 0, M 0; RFC 6946) is a whole packet: pass it on
        if (fragmentOffset != 0 || more) {
          out.fragment = true;
          out.fragmentOffset = fragmentOffset;
          out.moreFragments = more;
          out.id = ((long) Ipv4Decoder.u16(b, pos + 4) << 16) | Ipv4Decoder.u16(b, pos + 6);
          out.protocol = b[pos] & 0xff;
          out.payloadOffset = pos + 8;
          out.payloadLength = end - pos - 8;
          return true;
        }
      }
      next = b[pos] & 0xff;
      pos += size;
    }
  }
}
