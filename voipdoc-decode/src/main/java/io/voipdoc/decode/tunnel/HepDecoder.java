package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/**
 * Decodes HEP (Homer Encapsulation Protocol) messages, versions 1, 2 and 3, as capture agents
 * (Kamailio and OpenSIPS siptrace, heplify, captagent, FreeSWITCH) send them to a Homer server.
 * Stateless; never throws on bad input.
 *
 * <p>HEP3 is recognised on any port by its "HEP3" magic. Versions 1 and 2 have no magic, only a
 * few small header values: on the HEP port they are accepted when those values fit; elsewhere
 * the header length byte must also hold one of the values senders write, so that STUN or other
 * binary payloads are not mistaken for HEP.
 */
public final class HepDecoder {
  /** The port Homer servers listen on. */
  public static final int PORT = 9060;
  /** Length of the HEP3 header: "HEP3" (4) | total length (2). */
  public static final int V3_HEADER = 6;

  private static final int V12_HEADER = 8;
  private static final int V2_TIME_HEADER = 12;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;
  private static final int CHUNK_HEADER = 6;

  private HepDecoder() {}

  /** Whether {@code b} at {@code off} starts with the HEP3 magic "HEP3". Reads 4 bytes at most. */
  public static boolean isHep3(byte[] b, int off, int len) {
    return len >= 4 && b[off] == 'H' && b[off + 1] == 'E' && b[off + 2] == 'P' && b[off + 3] == '3';
  }

  /**
   * Whether the datagram payload looks like a HEP message. Reads at most 4 bytes, never
   * allocates.
   *
   * @param onHepPort whether either UDP port is {@link #PORT}
   */
  public static boolean accepts(byte[] b, int off, int len, boolean onHepPort) {
    if (isHep3(b, off, len)) {
      return len >= V3_HEADER;
    }
    if (len < V12_HEADER + 8) {
      return false;
    }
    int version = b[off] & 0xff;
    int headerLength = b[off + 1] & 0xff;
    int family = b[off + 2] & 0xff;
    int protocol = b[off + 3] & 0xff;
    if ((version != 1 && version != 2) || (family != AF_INET && family != AF_INET6)
        || (protocol != 17 && protocol != 6 && protocol != 132)) {
      return false;
    }
    int addresses = family == AF_INET ? 8 : 32;
    // hp_l: Kamailio and OpenSIPS write the size of the fixed header (8), captagent adds the
    // addresses; sngrep writes the low byte of the whole length, so only the port vouches for it
    return onHepPort || headerLength == V12_HEADER || headerLength == V12_HEADER + addresses;
  }

  /**
   * Decodes the HEP message at {@code off} into {@code out}; returns false (after reporting an
   * anomaly) when it cannot be turned into a packet. Call only after {@link #accepts}.
   */
  public static boolean decode(
      byte[] b, int off, int len, HepMessage out, Frame frame, AnomalyLog anomalies) {
    if (isHep3(b, off, len)) {
      return decodeV3(b, off, len, out, frame, anomalies);
    }
    return decodeV12(b, off, len, out, frame, anomalies);
  }

  private static boolean decodeV12(
      byte[] b, int off, int len, HepMessage out, Frame frame, AnomalyLog anomalies) {
    // hp_v (8) | hp_l (8) | hp_f (8: AF_INET 2, AF_INET6 10) | hp_p (8: IPPROTO_*)
    // hp_sport (16) | hp_dport (16)
    // hp_src (32 or 128) | hp_dst (32 or 128)
    // version 2: tv_sec (32) | tv_usec (32) | captid (16) | padding (16), in the sender's byte
    //   order, little-endian on the x86 hosts that run capture agents
    // payload
    if (len < V12_HEADER) {
      HepProblem.HEADER_TRUNCATED.report(anomalies, frame, "version=1/2 need=8 have=" + len);
      return false;
    }
    int version = b[off] & 0xff;
    out.reset(version);
    int family = b[off + 2] & 0xff;
    if (family != AF_INET && family != AF_INET6) {
      HepProblem.FAMILY_UNKNOWN.report(anomalies, frame, "family=" + family);
      return false;
    }
    out.addressLength = family == AF_INET ? 4 : 16;
    int size = V12_HEADER + 2 * out.addressLength + (version == 2 ? V2_TIME_HEADER : 0);
    if (len < size) {
      HepProblem.HEADER_TRUNCATED.report(
          anomalies, frame, "version=" + version + " need=" + size + " have=" + len);
      return false;
    }
    out.protocol = b[off + 3] & 0xff;
    out.srcPort = GreDecoder.u16(b, off + 4);
    out.dstPort = GreDecoder.u16(b, off + 6);
    int pos = off + V12_HEADER;
    System.arraycopy(b, pos, out.src, 0, out.addressLength);
    System.arraycopy(b, pos + out.addressLength, out.dst, 0, out.addressLength);
    pos += 2 * out.addressLength;
    if (version == 2) {
      out.hasTimestamp = true;
      out.timestampSeconds = Integer.toUnsignedLong(Integer.reverseBytes((int) GreDecoder.u32(b, pos)));
      out.timestampMicros =
          Integer.toUnsignedLong(Integer.reverseBytes((int) GreDecoder.u32(b, pos + 4)));
      out.captureId = Short.toUnsignedInt(Short.reverseBytes((short) GreDecoder.u16(b, pos + 8)));
    }
    out.payloadOffset = off + size;
    out.payloadLength = len - size;
    return true;
  }

  private static boolean decodeV3(
      byte[] b, int off, int len, HepMessage out, Frame frame, AnomalyLog anomalies) {
    out.reset(3);
    // "HEP3" (32) | total length (16, this header included)
    // chunks: vendor ID (16) | type ID (16) | length (16, this header included) | value
    if (len < V3_HEADER) {
      HepProblem.HEADER_TRUNCATED.report(anomalies, frame, "version=3 need=6 have=" + len);
      return false;
    }
    int total = GreDecoder.u16(b, off + 4);
    if (total < V3_HEADER) {
      HepProblem.LENGTH_INVALID.report(anomalies, frame, "length=" + total + " have=" + len);
      return false;
    }
    if (total > len) {
      if (!frame.truncated()) {
        HepProblem.LENGTH_INVALID.report(anomalies, frame, "length=" + total + " have=" + len);
      }
      total = len;
    }
    int end = off + total;
    int pos = off + V3_HEADER;
    int family = -1;
    int srcLength = 0;
    int dstLength = 0;
    boolean compressed = false;
    while (end - pos >= CHUNK_HEADER) {
      int vendor = GreDecoder.u16(b, pos);
      int type = GreDecoder.u16(b, pos + 2);
      int length = GreDecoder.u16(b, pos + 4);
      if (length < CHUNK_HEADER || length > end - pos) {
        HepProblem.CHUNK_LENGTH_INVALID.report(
            anomalies, frame, "type=" + type + " length=" + length + " have=" + (end - pos));
        return false;
      }
      int v = pos + CHUNK_HEADER;
      int n = length - CHUNK_HEADER;
      if (vendor == 0) {
        int need = switch (type) {
          case 1, 2, 11 -> 1;   // IP family, IP protocol, payload type
          case 7, 8 -> 2;       // source port, destination port
          case 3, 4, 9, 10, 12 -> 4; // IPv4 addresses, seconds, microseconds, capture ID
          case 5, 6 -> 16;      // IPv6 addresses
          default -> -1;        // payload, keys, correlation IDs: any length
        };
        if (need >= 0 && n != need) {
          HepProblem.CHUNK_LENGTH_INVALID.report(
              anomalies, frame, "type=" + type + " length=" + length + " expected=" + (need + 6));
          return false;
        }
        switch (type) {
          case 1 -> family = b[v] & 0xff;
          case 2 -> out.protocol = b[v] & 0xff;
          case 3, 5 -> {
            System.arraycopy(b, v, out.src, 0, n);
            srcLength = n;
          }
          case 4, 6 -> {
            System.arraycopy(b, v, out.dst, 0, n);
            dstLength = n;
          }
          case 7 -> out.srcPort = GreDecoder.u16(b, v);
          case 8 -> out.dstPort = GreDecoder.u16(b, v);
          case 9 -> {
            out.timestampSeconds = GreDecoder.u32(b, v);
            out.hasTimestamp = true;
          }
          case 10 -> out.timestampMicros = GreDecoder.u32(b, v);
          case 11 -> out.payloadType = b[v] & 0xff;
          case 12 -> out.captureId = GreDecoder.u32(b, v);
          case 15 -> {
            out.payloadOffset = v;
            out.payloadLength = n;
          }
          case 16 -> compressed = true;
          default -> {
            // keep-alive, authentication key, correlation ID, vendor extensions: not needed
          }
        }
      }
      pos += length;
    }
    if (family != AF_INET && family != AF_INET6) {
      if (family == -1) {
        HepProblem.CHUNK_MISSING.report(anomalies, frame, "chunk=1");
      } else {
        HepProblem.FAMILY_UNKNOWN.report(anomalies, frame, "family=" + family);
      }
      return false;
    }
    out.addressLength = family == AF_INET ? 4 : 16;
    if (srcLength != out.addressLength || dstLength != out.addressLength) {
      HepProblem.CHUNK_MISSING.report(
          anomalies, frame, "chunk=" + (family == AF_INET ? "3/4" : "5/6") + " family=" + family);
      return false;
    }
    if (out.srcPort < 0 || out.dstPort < 0) {
      HepProblem.CHUNK_MISSING.report(anomalies, frame, "chunk=7/8");
      return false;
    }
    if (out.payloadOffset < 0) {
      if (compressed) {
        HepProblem.COMPRESSED_PAYLOAD.report(anomalies, frame, "chunk=16");
      } else {
        HepProblem.CHUNK_MISSING.report(anomalies, frame, "chunk=15");
      }
      return false;
    }
    return true;
  }
}
