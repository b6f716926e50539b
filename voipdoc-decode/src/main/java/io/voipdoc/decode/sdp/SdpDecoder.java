package io.voipdoc.decode.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an SDP body (RFC 8866). Stateless; never returns null and never throws on bad input:
 * each damaged line becomes an {@link SdpProblem} and the remaining lines are still read.
 *
 * <pre>
 * session-description = version-field origin-field session-name-field [information-field]
 *                       [uri-field] *email-field *phone-field [connection-field]
 *                       *bandwidth-field 1*time-description [key-field] *attribute-field
 *                       *media-description
 * media-description   = media-field [information-field] *connection-field *bandwidth-field
 *                       [key-field] *attribute-field
 * </pre>
 */
public final class SdpDecoder {
  /** The roles of a=setup (RFC 4145 §4). */
  private static final java.util.Set<String> SETUP_ROLES =
      java.util.Set.of("active", "passive", "actpass", "holdconn");

  private SdpDecoder() {}

  /** Decodes with the default limits. */
  public static SessionDescription decode(byte[] buf, int off, int len) {
    return decode(buf, off, len, SdpDecoderConfig.DEFAULT);
  }

  /** Decodes {@code buf[off, off+len)}; offsets in problems count from {@code off}. */
  public static SessionDescription decode(byte[] buf, int off, int len, SdpDecoderConfig config) {
    Objects.checkFromIndexSize(off, len, buf.length);
    return new Reader(buf, off, len, config).read();
  }

  /** The state of one decode: session fields and the media section being filled. */
  private static final class Reader {
    private final byte[] buf;
    private final int off;
    private final int end;
    private final SdpDecoderConfig config;
    private final List<SdpProblem.At> problems = new ArrayList<>();
    private int version = -1;
    private @Nullable Origin origin;
    private @Nullable String sessionName;
    private @Nullable Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private int attributeCount;
    private boolean skipMedia;

    // the media section being read
    private @Nullable String[] mline;
    private int mOffset;
    private final List<Connection> mConnections = new ArrayList<>();
    private final List<Bandwidth> mBandwidths = new ArrayList<>();
    private final List<Attribute> mAttributes = new ArrayList<>();

    Reader(byte[] buf, int off, int len, SdpDecoderConfig config) {
      this.buf = buf;
      this.off = off;
      this.end = off + len;
      this.config = config;
    }

    SessionDescription read() {
      boolean bareLf = false;
      boolean first = true;
      int p = off;
      while (p < end) {
        int lf = p;
        while (lf < end && buf[lf] != '\n') {
          lf++;
        }
        int le = lf > p && buf[lf - 1] == '\r' ? lf - 1 : lf;
        if (lf < end && le == lf && !bareLf) {
          bareLf = true;
          problems.add(new SdpProblem.At(SdpProblem.BARE_LF, lf - off, ""));
        }
        if (le - p > config.maxLineLength()) {
          problems.add(new SdpProblem.At(SdpProblem.LINE_TOO_LONG, p - off, Integer.toString(le - p)));
        } else if (le > p) {
          if (first && buf[p] != 'v') {
            problems.add(new SdpProblem.At(SdpProblem.MISSING_FIELD, p - off, "v"));
          }
          first = false;
          line(p, le);
        }
        p = lf + 1;
      }
      finishMedia();
      checkMandatory();
      List<Attribute> sessionAttributes = List.copyOf(attributes);
      return new SessionDescription(
          version, origin, sessionName, connection, bandwidths, timings, sessionAttributes, media,
          problems);
    }

    private void line(int p, int le) {
      int at = p - off;
      if (le - p < 2 || buf[p + 1] != '=' || !isLetter(buf[p])) {
        problems.add(new SdpProblem.At(SdpProblem.BAD_LINE, at, ""));
        return;
      }
      String value = text(p + 2, le, at);
      char type = (char) buf[p];
      if (type == 'm') {
        media(value, at);
      } else if (mline != null || skipMedia) {
        if (!skipMedia) {
          mediaLine(type, value, at);
        }
      } else {
        sessionLine(type, value, at);
      }
    }

    private void sessionLine(char type, String value, int at) {
      switch (type) {
        case 'v' -> {
          if (version != -1 || origin != null) {
            problems.add(new SdpProblem.At(SdpProblem.OUT_OF_ORDER, at, "v"));
          }
          version = (int) Fields.decimal(value, Integer.MAX_VALUE);
          if (version != 0) {
            problems.add(new SdpProblem.At(SdpProblem.BAD_VERSION, at, value));
          }
        }
        case 'o' -> {
          origin = Origin.parse(value);
          if (origin == null) {
            problems.add(new SdpProblem.At(SdpProblem.BAD_ORIGIN, at, ""));
          }
        }
        case 's' -> sessionName = value;
        case 'c' -> connection = connection(value, at);
        case 'b' -> bandwidth(value, at, bandwidths);
        case 't' -> {
          Timing t = Timing.parse(value);
          if (t == null) {
            problems.add(new SdpProblem.At(SdpProblem.BAD_TIMING, at, ""));
          } else {
            timings.add(t);
          }
        }
        case 'a' -> attribute(value, at, attributes);
        default -> {
          // i, u, e, p, r, z, k and unknown types carry nothing a diagnosis needs (RFC 8866 §5:
          // unknown types are ignored)
        }
      }
    }

    private void mediaLine(char type, String value, int at) {
      switch (type) {
        case 'c' -> {
          Connection c = connection(value, at);
          if (c != null) {
            mConnections.add(c);
          }
        }
        case 'b' -> bandwidth(value, at, mBandwidths);
        case 'a' -> attribute(value, at, mAttributes);
        case 'v', 'o', 's', 't' ->
            problems.add(new SdpProblem.At(SdpProblem.OUT_OF_ORDER, at, String.valueOf(type)));
        default -> {
          // i and k at media level, and unknown types, are ignored
        }
      }
    }

    // m=<media> <port>[/<number of ports>] <proto> <fmt> ...
    private void media(String value, int at) {
      finishMedia();
      if (media.size() >= config.maxMediaSections()) {
        if (!skipMedia) {
          problems.add(
              new SdpProblem.At(SdpProblem.LIMIT_EXCEEDED, at, "media=" + config.maxMediaSections()));
        }
        skipMedia = true;
        return;
      }
      String[] f = Fields.words(value);
      String[] port = f.length < 3 ? new String[0] : f[1].split("/", -1);
      if (port.length == 0
          || port.length > 2
          || f[0].isEmpty()
          || Fields.decimal(port[0], 65535) < 0
          || (port.length == 2 && Fields.decimal(port[1], 65535) < 1)) {
        problems.add(new SdpProblem.At(SdpProblem.BAD_MEDIA, at, ""));
        skipMedia = true;
        return;
      }
      if (f.length == 3) {
        // RFC 8866 §5.14 requires at least one format; the section is still kept, since its
        // port and proto matter for the diagnosis
        problems.add(new SdpProblem.At(SdpProblem.BAD_MEDIA, at, "no_format"));
      }
      skipMedia = false;
      mline = f;
      mOffset = at;
    }

    private void finishMedia() {
      String[] f = mline;
      if (f == null) {
        return;
      }
      String[] port = f[1].split("/", -1);
      int count = port.length == 2 ? (int) Fields.decimal(port[1], 65535) : 1;
      List<String> formats = List.of(f).subList(3, f.length);
      MediaDescription m =
          new MediaDescription(
              f[0], (int) Fields.decimal(port[0], 65535), count, f[2], formats, mConnections,
              mBandwidths, mAttributes, connection, List.copyOf(attributes));
      if (m.effectiveConnection() == null) {
        problems.add(new SdpProblem.At(SdpProblem.NO_CONNECTION, mOffset, f[0]));
      }
      media.add(m);
      mline = null;
      mConnections.clear();
      mBandwidths.clear();
      mAttributes.clear();
    }

    private @Nullable Connection connection(String value, int at) {
      Connection c = Connection.parse(value);
      if (c == null) {
        problems.add(new SdpProblem.At(SdpProblem.BAD_CONNECTION, at, value));
      }
      return c;
    }

    private void bandwidth(String value, int at, List<Bandwidth> out) {
      Bandwidth b = Bandwidth.parse(value);
      if (b == null) {
        problems.add(new SdpProblem.At(SdpProblem.BAD_BANDWIDTH, at, value));
      } else {
        out.add(b);
      }
    }

    // attribute = (attribute-name ":" attribute-value) / attribute-name
    private void attribute(String value, int at, List<Attribute> out) {
      if (++attributeCount > config.maxAttributes()) {
        if (attributeCount == config.maxAttributes() + 1) {
          problems.add(
              new SdpProblem.At(
                  SdpProblem.LIMIT_EXCEEDED, at, "attributes=" + config.maxAttributes()));
        }
        return;
      }
      int colon = value.indexOf(':');
      String name = colon < 0 ? SdpTokens.substring(value, 0, value.length()) : SdpTokens.substring(value, 0, colon);
      String v = colon < 0 ? null : SdpTokens.substring(value, colon + 1, value.length());
      if (name.isEmpty()) {
        problems.add(new SdpProblem.At(SdpProblem.BAD_ATTRIBUTE, at, value));
        return;
      }
      out.add(new Attribute(name, v));
      if (v != null && !valid(name, v)) {
        SdpProblem kind = name.equals("candidate") ? SdpProblem.BAD_CANDIDATE : SdpProblem.BAD_ATTRIBUTE;
        problems.add(new SdpProblem.At(kind, at, name));
      }
    }

    private static boolean valid(String name, String v) {
      return switch (name) {
        case "rtpmap" -> {
          RtpMap r = RtpMap.parse(v);
          yield r != null && r.clockRate() >= 0;
        }
        case "candidate" -> Candidate.parse(v) != null;
        case "crypto" -> Crypto.parse(v) != null;
        case "fingerprint" -> Fingerprint.parse(v) != null;
        case "rtcp" -> Rtcp.parse(v) != null;
        case "ptime", "maxptime" -> Fields.decimal(v.strip(), Integer.MAX_VALUE) >= 0;
        case "setup" -> SETUP_ROLES.contains(v);
        default -> true;
      };
    }

    private void checkMandatory() {
      if (version == -1 && !has(SdpProblem.MISSING_FIELD)) {
        problems.add(new SdpProblem.At(SdpProblem.MISSING_FIELD, 0, "v"));
      }
      if (origin == null && !has(SdpProblem.BAD_ORIGIN)) {
        problems.add(new SdpProblem.At(SdpProblem.MISSING_FIELD, 0, "o"));
      }
      if (sessionName == null) {
        problems.add(new SdpProblem.At(SdpProblem.MISSING_FIELD, 0, "s"));
      }
      if (timings.isEmpty() && !has(SdpProblem.BAD_TIMING)) {
        problems.add(new SdpProblem.At(SdpProblem.MISSING_FIELD, 0, "t"));
      }
    }

    private boolean has(SdpProblem kind) {
      for (SdpProblem.At a : problems) {
        if (a.problem() == kind) {
          return true;
        }
      }
      return false;
    }

    /** The line value as UTF-8; invalid bytes are reported once and replaced. */
    private String text(int s, int e, int at) {
      for (int i = s; i < e; i++) {
        if (buf[i] < 0) {
          if (!valid(buf, s, e) && !has(SdpProblem.NON_UTF8)) {
            problems.add(new SdpProblem.At(SdpProblem.NON_UTF8, at, ""));
          }
          break;
        }
      }
      return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    private static boolean valid(byte[] b, int s, int e) {
      try {
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, s, e - s));
        return true;
      } catch (java.nio.charset.CharacterCodingException ex) {
        return false;
      }
    }

    private static boolean isLetter(byte c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }
}
