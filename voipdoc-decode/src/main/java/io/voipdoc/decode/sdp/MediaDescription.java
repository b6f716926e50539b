package io.voipdoc.decode.sdp;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One media section (RFC 8866 §5.14): {@code m=<media> <port>[/<number of ports>] <proto> <fmt>
 * ...} and the lines that follow it up to the next m= line. Values that the session level can
 * supply (connection, direction, ICE credentials, fingerprint, setup) have an {@code effective}
 * or fallback accessor that applies RFC 8866 §5.7, §6.7 and RFC 8839 §5.4.
 */
public final class MediaDescription {
  private final String media;
  private final int port;
  private final int portCount;
  private final String proto;
  private final List<String> formats;
  private final List<Connection> connections;
  private final List<Bandwidth> bandwidths;
  private final List<Attribute> attributes;
  private final @Nullable Connection sessionConnection;
  private final List<Attribute> sessionAttributes;
  private @Nullable List<Codec> codecs;

  MediaDescription(
      String media,
      int port,
      int portCount,
      String proto,
      List<String> formats,
      List<Connection> connections,
      List<Bandwidth> bandwidths,
      List<Attribute> attributes,
      @Nullable Connection sessionConnection,
      List<Attribute> sessionAttributes) {
    this.media = media;
    this.port = port;
    this.portCount = portCount;
    this.proto = proto;
    this.formats = List.copyOf(formats);
    this.connections = List.copyOf(connections);
    this.bandwidths = List.copyOf(bandwidths);
    this.attributes = List.copyOf(attributes);
    this.sessionConnection = sessionConnection;
    this.sessionAttributes = sessionAttributes;
  }

  /** The media type: {@code audio}, {@code video}, {@code application}, ... */
  public String media() {
    return media;
  }

  /** The transport port; 0 means the stream is rejected or disabled (RFC 3264 §6). */
  public int port() {
    return port;
  }

  /** The number of ports from {@code <port>/<number of ports>}, 1 when not given. */
  public int portCount() {
    return portCount;
  }

  /** The transport protocol, e.g. {@code RTP/AVP}, {@code UDP/TLS/RTP/SAVPF}. */
  public String proto() {
    return proto;
  }

  /** The media formats (RTP payload types for RTP protocols), as written. */
  public List<String> formats() {
    return formats;
  }

  /** The c= lines of this section (several for layered multicast). */
  public List<Connection> connections() {
    return connections;
  }

  /** This section's first c= line, else the session's, else null (RFC 8866 §5.7). */
  public @Nullable Connection effectiveConnection() {
    return connections.isEmpty() ? sessionConnection : connections.get(0);
  }

  /** The address media should be sent to, or null when no c= line applies. */
  public @Nullable String effectiveAddress() {
    Connection c = effectiveConnection();
    return c == null ? null : c.address();
  }

  /** The b= lines of this section. */
  public List<Bandwidth> bandwidths() {
    return bandwidths;
  }

  /** Every a= line of this section, in order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The value of the first attribute with this name ("" for a property attribute), or null. */
  public @Nullable String attribute(String name) {
    return Attributes.first(attributes, name);
  }

  /** The values of every attribute with this name, in order. */
  public List<String> attributeValues(String name) {
    return Attributes.all(attributes, name);
  }

  /** The rtpmap attributes that parse. */
  public List<RtpMap> rtpMaps() {
    return Attributes.parsed(attributes, "rtpmap", RtpMap::parse);
  }

  /** The fmtp parameters for a format, or null. */
  public @Nullable String fmtp(String format) {
    for (Attribute a : attributes) {
      String v = a.value();
      if (v != null && a.name().equals("fmtp")) {
        int sp = v.indexOf(' ');
        if (sp > 0 && sp == format.length() && v.startsWith(format)) {
          return v.substring(sp + 1).strip();
        }
      }
    }
    return null;
  }

  /** The ptime attribute in ms, or -1. */
  public int ptime() {
    return Attributes.number(attributes, "ptime");
  }

  /** The maxptime attribute in ms, or -1. */
  public int maxptime() {
    return Attributes.number(attributes, "maxptime");
  }

  /** The direction attribute of this section, or null when it has none. */
  public @Nullable Direction direction() {
    return Attributes.direction(attributes);
  }

  /** This section's direction, else the session's, else sendrecv (RFC 8866 §6.7). */
  public Direction effectiveDirection() {
    Direction d = direction();
    if (d == null) {
      d = Attributes.direction(sessionAttributes);
    }
    return d == null ? Direction.SENDRECV : d;
  }

  /** The rtcp attribute (RFC 3605), or null. */
  public @Nullable Rtcp rtcp() {
    String v = attribute("rtcp");
    return v == null ? null : Rtcp.parse(v);
  }

  /** Whether rtcp-mux (RFC 5761 §5.1.3) is offered or accepted. */
  public boolean rtcpMux() {
    return Attributes.has(attributes, "rtcp-mux");
  }

  /** The fingerprint of this section, else of the session (RFC 8122 §5), or null. */
  public @Nullable Fingerprint fingerprint() {
    String v = fallback("fingerprint");
    return v == null ? null : Fingerprint.parse(v);
  }

  /** The setup attribute (RFC 4145 §4) of this section, else of the session, or null. */
  public @Nullable String setup() {
    return fallback("setup");
  }

  /** The ice-ufrag of this section, else of the session (RFC 8839 §5.4), or null. */
  public @Nullable String iceUfrag() {
    return fallback("ice-ufrag");
  }

  /** The ice-pwd of this section, else of the session (RFC 8839 §5.4), or null. */
  public @Nullable String icePwd() {
    return fallback("ice-pwd");
  }

  /** The ICE candidates (RFC 8839 §5.1) that parse, in order. */
  public List<Candidate> candidates() {
    return Attributes.parsed(attributes, "candidate", Candidate::parse);
  }

  /** Whether end-of-candidates (RFC 8840 §8.2) is present here or at session level. */
  public boolean endOfCandidates() {
    return Attributes.has(attributes, "end-of-candidates")
        || Attributes.has(sessionAttributes, "end-of-candidates");
  }

  /** The SDES crypto attributes (RFC 4568) that parse. */
  public List<Crypto> cryptos() {
    return Attributes.parsed(attributes, "crypto", Crypto::parse);
  }

  /** The mid attribute (RFC 5888 §4), or null. */
  public @Nullable String mid() {
    return attribute("mid");
  }

  /**
   * The formats with what is known of them: rtpmap first, else the RFC 3551 static assignment for
   * payload types 0..34 on RTP protocols; fmtp attached.
   */
  public List<Codec> codecs() {
    if (codecs == null) {
      codecs = List.copyOf(readCodecs());
    }
    return codecs;
  }

  private List<Codec> readCodecs() {
    List<RtpMap> maps = rtpMaps();
    List<Codec> out = new ArrayList<>(formats.size());
    for (String f : formats) {
      long pt = Fields.decimal(f, 127);
      if (pt < 0) {
        continue;
      }
      RtpMap m = null;
      for (RtpMap r : maps) {
        if (r.payloadType() == pt) {
          m = r;
          break;
        }
      }
      if (m == null && proto.contains("RTP")) {
        m = Codec.staticPayloadType((int) pt);
      }
      out.add(
          m == null
              ? new Codec((int) pt, null, -1, 1, fmtp(f))
              : new Codec((int) pt, m.encoding(), m.clockRate(), m.channels(), fmtp(f)));
    }
    return out;
  }

  private @Nullable String fallback(String name) {
    String v = attribute(name);
    return v != null ? v : Attributes.first(sessionAttributes, name);
  }

  @Override
  public String toString() {
    return "m=" + media + " " + port + " " + proto + " " + String.join(" ", formats);
  }
}
