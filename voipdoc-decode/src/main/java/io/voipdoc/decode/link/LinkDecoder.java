package io.voipdoc.decode.link;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.LinkType;

/**
 * Walks the link-layer headers of a frame down to the network layer. Stateless apart from its
 * {@link LinkConfig}; one instance can serve any number of frames, and never throws on bad input.
 *
 * <p>{@link #decode} handles whole frames by link type; {@link #decodeEthernet} and {@link
 * #decodeEtherType} serve tunnels that carry Ethernet frames or EtherType-labelled payloads (GRE,
 * ERSPAN, VXLAN).
 */
public final class LinkDecoder {
  public static final int ETHERTYPE_IPV4 = 0x0800;
  public static final int ETHERTYPE_IPV6 = 0x86DD;
  public static final int ETHERTYPE_VLAN = 0x8100;
  public static final int ETHERTYPE_QINQ = 0x88A8;
  public static final int ETHERTYPE_QINQ_OLD = 0x9100;
  public static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
  public static final int ETHERTYPE_MPLS = 0x8847;
  public static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;

  /** Linux ARPHRD and pseudo-protocol values in SLL headers below this are not EtherTypes. */
  private static final int MIN_ETHERTYPE = 0x0600;
  private static final int ETHERNET_HEADER = 14;
  private static final int SLL_HEADER = 16;
  private static final int SLL2_HEADER = 20;
  private static final int NFLOG_PAYLOAD_TLV = 9;
  private static final int PPP_IPV4 = 0x0021;
  private static final int PPP_IPV6 = 0x0057;

  private final LinkConfig config;

  public LinkDecoder(LinkConfig config) {
    this.config = config;
  }

  /**
   * Finds the network layer of {@code frame} by its link type and fills {@code out} (which is
   * reset first). Unknown link types give {@link NetworkLayer.Kind#UNSUPPORTED} without an
   * anomaly: the caller decides how often to report them.
   */
  public void decode(Frame frame, NetworkLayer out, AnomalyLog anomalies) {
    out.reset();
    byte[] b = frame.data;
    int off = frame.offset;
    int len = frame.capturedLength;
    switch (frame.linkType) {
      case LinkType.ETHERNET -> decodeEthernet(b, off, len, out, frame, anomalies);
      case LinkType.LINUX_SLL -> sll(b, off, len, out, frame, anomalies);
      case LinkType.LINUX_SLL2 -> sll2(b, off, len, out, frame, anomalies);
      case LinkType.RAW, LinkType.RAW_DLT12, LinkType.RAW_DLT14, LinkType.IPV4, LinkType.IPV6 ->
          byVersion(b, off, len, out, frame, anomalies);
      case LinkType.NULL -> loopback(b, off, len, false, out, frame, anomalies);
      case LinkType.LOOP -> loopback(b, off, len, true, out, frame, anomalies);
      case LinkType.NFLOG -> nflog(b, off, len, out, frame, anomalies);
      default -> out.kind = NetworkLayer.Kind.UNSUPPORTED;
    }
  }

  /** Decodes an Ethernet II or 802.3 frame at {@code off} and whatever tags follow it. */
  public void decodeEthernet(
      byte[] b, int off, int len, NetworkLayer out, Frame frame, AnomalyLog anomalies) {
    walk(-1, b, off, off + len, 0, out, frame, anomalies);
  }

  /**
   * Continues from an EtherType that an outer header announced (GRE protocol type, SLL
   * protocol): {@code off} is where the payload of that type starts.
   */
  public void decodeEtherType(
      int etherType,
      byte[] b,
      int off,
      int len,
      NetworkLayer out,
      Frame frame,
      AnomalyLog anomalies) {
    walk(etherType, b, off, off + len, 0, out, frame, anomalies);
  }

  /**
   * The EtherType state machine. {@code type} -1 means "an Ethernet header starts at pos". Each
   * tag, label and nested Ethernet header counts against {@link LinkConfig#maxTags()}.
   */
  private void walk(
      int type,
      byte[] b,
      int pos,
      int end,
      int tags,
      NetworkLayer out,
      Frame frame,
      AnomalyLog anomalies) {
    while (true) {
      if (type == -1) {
        if (++tags > config.maxTags()) {
          tooManyTags(pos, tags, frame, anomalies, out);
          return;
        }
        // Ethernet: destination (6) | source (6) | EtherType or 802.3 length (2)
        if (end - pos < ETHERNET_HEADER) {
          truncated("ethernet", pos, ETHERNET_HEADER, end - pos, frame, anomalies, out);
          return;
        }
        type = u16(b, pos + 12);
        pos += ETHERNET_HEADER;
        if (type < MIN_ETHERTYPE) {
          // IEEE 802.3: the field is the payload length; the payload starts with LLC
          // DSAP (1) | SSAP (1) | control (1), and SNAP adds OUI (3) | EtherType (2) (RFC 1042).
          end = Math.min(end, pos + type);
          if (end - pos >= 8 && (b[pos] & 0xff) == 0xAA && (b[pos + 1] & 0xff) == 0xAA
              && (b[pos + 2] & 0xff) == 0x03) {
            type = u16(b, pos + 6);
            pos += 8;
          } else {
            out.etherType = -1;
            out.found(NetworkLayer.Kind.NON_IP, pos, end - pos);
            return;
          }
        }
        continue;
      }
      out.etherType = type;
      switch (type) {
        case ETHERTYPE_IPV4 -> {
          out.found(NetworkLayer.Kind.IPV4, pos, end - pos);
          return;
        }
        case ETHERTYPE_IPV6 -> {
          out.found(NetworkLayer.Kind.IPV6, pos, end - pos);
          return;
        }
        case ETHERTYPE_VLAN, ETHERTYPE_QINQ, ETHERTYPE_QINQ_OLD -> {
          // IEEE 802.1Q tag: PCP (3) | DEI (1) | VID (12) | EtherType (16)
          if (++tags > config.maxTags()) {
            tooManyTags(pos, tags, frame, anomalies, out);
            return;
          }
          if (end - pos < 4) {
            truncated("vlan", pos, 4, end - pos, frame, anomalies, out);
            return;
          }
          out.vlanTags++;
          type = u16(b, pos + 2);
          pos += 4;
        }
        case ETHERTYPE_PPPOE_SESSION -> {
          // RFC 2516 §4: VER (4) | TYPE (4) | CODE (8) | SESSION_ID (16) | LENGTH (16),
          // then the PPP protocol field (RFC 1661 §2, 16 bits) and the PPP payload.
          if (end - pos < 8) {
            truncated("pppoe", pos, 8, end - pos, frame, anomalies, out);
            return;
          }
          int length = u16(b, pos + 4);
          if (length < 2) {
            LinkProblem.PPPOE_LENGTH_INVALID.report(
                anomalies, frame, "at=" + (pos - frame.offset) + " length=" + length);
            out.kind = NetworkLayer.Kind.DAMAGED;
            return;
          }
          out.pppoe = true;
          // A length beyond the capture is snaplen's doing or damage; IP reports the shortfall.
          end = Math.min(end, pos + 6 + length);
          int ppp = u16(b, pos + 6);
          pos += 8;
          out.etherType = ppp;
          if (ppp == PPP_IPV4) {
            out.found(NetworkLayer.Kind.IPV4, pos, end - pos);
          } else if (ppp == PPP_IPV6) {
            out.found(NetworkLayer.Kind.IPV6, pos, end - pos);
          } else {
            out.found(NetworkLayer.Kind.NON_IP, pos, end - pos);
          }
          return;
        }
        case ETHERTYPE_MPLS, ETHERTYPE_MPLS_MULTICAST -> {
          // RFC 3032 §2.1: Label (20) | TC (3) | S (1) | TTL (8), repeated until S = 1
          boolean bottom = false;
          while (!bottom) {
            if (++tags > config.maxTags()) {
              tooManyTags(pos, tags, frame, anomalies, out);
              return;
            }
            if (end - pos < 4) {
              truncated("mpls", pos, 4, end - pos, frame, anomalies, out);
              return;
            }
            out.mplsLabels++;
            bottom = (b[pos + 2] & 0x01) != 0;
            pos += 4;
          }
          if (end - pos < 1) {
            truncated("mpls_payload", pos, 1, 0, frame, anomalies, out);
            return;
          }
          // No protocol field follows the stack: the first nibble tells IPv4 (4), IPv6 (6), a
          // pseudowire control word (0, RFC 4385 §3) or else an Ethernet pseudowire without
          // control word (RFC 4448 §3), the same guess routers and Wireshark make.
          int nibble = (b[pos] & 0xff) >>> 4;
          if (nibble == 4) {
            type = ETHERTYPE_IPV4;
          } else if (nibble == 6) {
            type = ETHERTYPE_IPV6;
          } else {
            if (nibble == 0) {
              if (end - pos < 4) {
                truncated("pw_control_word", pos, 4, end - pos, frame, anomalies, out);
                return;
              }
              pos += 4;
            }
            type = -1;
          }
        }
        default -> {
          out.found(NetworkLayer.Kind.NON_IP, pos, end - pos);
          return;
        }
      }
    }
  }

  private void sll(byte[] b, int off, int len, NetworkLayer out, Frame f, AnomalyLog a) {
    // Linux cooked v1: packet type (2) | ARPHRD type (2) | address length (2) | address (8) |
    // protocol (2)
    if (len < SLL_HEADER) {
      truncated("sll", off, SLL_HEADER, len, f, a, out);
      return;
    }
    etherTypeOrOther(u16(b, off + 14), b, off + SLL_HEADER, len - SLL_HEADER, out, f, a);
  }

  private void sll2(byte[] b, int off, int len, NetworkLayer out, Frame f, AnomalyLog a) {
    // Linux cooked v2: protocol (2) | reserved (2) | interface index (4) | ARPHRD type (2) |
    // packet type (1) | address length (1) | address (8)
    if (len < SLL2_HEADER) {
      truncated("sll2", off, SLL2_HEADER, len, f, a, out);
      return;
    }
    etherTypeOrOther(u16(b, off), b, off + SLL2_HEADER, len - SLL2_HEADER, out, f, a);
  }

  private void etherTypeOrOther(
      int protocol, byte[] b, int off, int len, NetworkLayer out, Frame f, AnomalyLog a) {
    if (protocol < MIN_ETHERTYPE) {
      // Linux pseudo-protocols (ETH_P_802_2, ETH_P_CAN, ...): not IP
      out.etherType = protocol;
      out.found(NetworkLayer.Kind.NON_IP, off, len);
      return;
    }
    walk(protocol, b, off, off + len, 0, out, f, a);
  }

  private void byVersion(byte[] b, int off, int len, NetworkLayer out, Frame f, AnomalyLog a) {
    if (len < 1) {
      truncated("raw", off, 1, 0, f, a, out);
      return;
    }
    int version = (b[off] & 0xff) >>> 4;
    if (version == 4) {
      out.found(NetworkLayer.Kind.IPV4, off, len);
    } else if (version == 6) {
      out.found(NetworkLayer.Kind.IPV6, off, len);
    } else {
      LinkProblem.NOT_IP.report(a, f, "link=raw version=" + version);
      out.kind = NetworkLayer.Kind.DAMAGED;
    }
  }

  private void loopback(
      byte[] b, int off, int len, boolean bigEndian, NetworkLayer out, Frame f, AnomalyLog a) {
    // BSD loopback: address family (4), in the capturing host's byte order for NULL and
    // big-endian for LOOP. A NULL value with bits in the upper half came from the other order.
    if (len < 4) {
      truncated("loopback", off, 4, len, f, a, out);
      return;
    }
    long family = bigEndian ? u32(b, off) : Integer.toUnsignedLong(Integer.reverseBytes(
        (int) u32(b, off)));
    if (!bigEndian && (family & 0xFFFF0000L) != 0) {
      family = u32(b, off);
    }
    out.etherType = (int) family;
    if (family == 2) {
      out.found(NetworkLayer.Kind.IPV4, off + 4, len - 4);
    } else if (family == 24 || family == 28 || family == 30) {
      // AF_INET6 is 24 on NetBSD/OpenBSD, 28 on FreeBSD, 30 on macOS
      out.found(NetworkLayer.Kind.IPV6, off + 4, len - 4);
    } else {
      out.found(NetworkLayer.Kind.NON_IP, off + 4, len - 4);
    }
  }

  private void nflog(byte[] b, int off, int len, NetworkLayer out, Frame f, AnomalyLog a) {
    // NFLOG: family (1) | version (1) | resource ID (2, big-endian), then TLVs of
    // length (2) | type (2) | value, each padded to 4 bytes; length counts the 4-byte TLV header
    // but not the padding. Length and type are in the capturing host's byte order: take little
    // endian unless only big endian makes the first TLV fit.
    if (len < 4) {
      truncated("nflog", off, 4, len, f, a, out);
      return;
    }
    int family = b[off] & 0xff;
    int end = off + len;
    int pos = off + 4;
    boolean little = true;
    if (end - pos >= 4) {
      int le = u16le(b, pos);
      int be = u16(b, pos);
      little = fits(le, end - pos) || !fits(be, end - pos);
    }
    while (end - pos >= 4) {
      int tlvLength = little ? u16le(b, pos) : u16(b, pos);
      int type = (little ? u16le(b, pos + 2) : u16(b, pos + 2)) & 0x3fff;
      if (!fits(tlvLength, end - pos)) {
        LinkProblem.NFLOG_TLV_LENGTH_INVALID.report(
            a, f, "at=" + (pos - f.offset) + " length=" + tlvLength + " have=" + (end - pos));
        out.kind = NetworkLayer.Kind.DAMAGED;
        return;
      }
      if (type == NFLOG_PAYLOAD_TLV) {
        out.etherType = family;
        // AF_INET (2) or AF_INET6 (10) in the header; trust the version nibble when it is unset
        byVersion(b, pos + 4, tlvLength - 4, out, f, a);
        return;
      }
      pos += (tlvLength + 3) & ~3;
    }
    LinkProblem.NFLOG_NO_PAYLOAD.report(a, f, "family=" + family);
    out.kind = NetworkLayer.Kind.DAMAGED;
  }

  private static boolean fits(int tlvLength, int remaining) {
    return tlvLength >= 4 && tlvLength <= remaining;
  }

  private static void truncated(
      String header, int pos, int need, int have, Frame f, AnomalyLog a, NetworkLayer out) {
    LinkProblem.HEADER_TRUNCATED.report(
        a, f, "header=" + header + " at=" + (pos - f.offset) + " need=" + need + " have=" + have);
    out.kind = NetworkLayer.Kind.DAMAGED;
  }

  private void tooManyTags(int pos, int tags, Frame f, AnomalyLog a, NetworkLayer out) {
    LinkProblem.TOO_MANY_TAGS.report(
        a, f, "at=" + (pos - f.offset) + " tags=" + tags + " max=" + config.maxTags());
    out.kind = NetworkLayer.Kind.DAMAGED;
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }

  private static int u16le(byte[] b, int i) {
    return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
  }

  private static long u32(byte[] b, int i) {
    return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }
}
