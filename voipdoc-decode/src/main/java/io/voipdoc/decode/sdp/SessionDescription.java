package io.voipdoc.decode.sdp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A decoded SDP body (RFC 8866 §5): the session-level fields, the media sections in order, and the
 * problems found. Fields that were absent or unreadable are null (or -1); {@link #problems()} says
 * why.
 */
public final class SessionDescription {
  private final int version;
  private final @Nullable Origin origin;
  private final @Nullable String sessionName;
  private final @Nullable Connection connection;
  private final List<Bandwidth> bandwidths;
  private final List<Timing> timings;
  private final List<Attribute> attributes;
  private final List<MediaDescription> media;
  private final List<SdpProblem.At> problems;

  SessionDescription(
      int version,
      @Nullable Origin origin,
      @Nullable String sessionName,
      @Nullable Connection connection,
      List<Bandwidth> bandwidths,
      List<Timing> timings,
      List<Attribute> attributes,
      List<MediaDescription> media,
      List<SdpProblem.At> problems) {
    this.version = version;
    this.origin = origin;
    this.sessionName = sessionName;
    this.connection = connection;
    this.bandwidths = List.copyOf(bandwidths);
    this.timings = List.copyOf(timings);
    this.attributes = attributes;
    this.media = List.copyOf(media);
    this.problems = List.copyOf(problems);
  }

  /** The v= value (0), or -1 when absent or invalid. */
  public int version() {
    return version;
  }

  /** The o= line, or null. */
  public @Nullable Origin origin() {
    return origin;
  }

  /** The s= value, or null when absent. */
  public @Nullable String sessionName() {
    return sessionName;
  }

  /** The session-level c= line, or null. */
  public @Nullable Connection connection() {
    return connection;
  }

  /** The session-level b= lines. */
  public List<Bandwidth> bandwidths() {
    return bandwidths;
  }

  /** The t= lines. */
  public List<Timing> timings() {
    return timings;
  }

  /** The session-level a= lines, in order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** The value of the first session-level attribute with this name ("" for a property), or null. */
  public @Nullable String attribute(String name) {
    return Attributes.first(attributes, name);
  }

  /** The media sections, in order. */
  public List<MediaDescription> media() {
    return media;
  }

  /** The session-level direction attribute, or null (media sections may override it). */
  public @Nullable Direction direction() {
    return Attributes.direction(attributes);
  }

  /** The group attributes (RFC 5888), e.g. BUNDLE. */
  public List<Group> groups() {
    return Attributes.parsed(attributes, "group", Group::parse);
  }

  /** Whether ice-lite (RFC 8839 §5.3) is declared. */
  public boolean iceLite() {
    return Attributes.has(attributes, "ice-lite");
  }

  /** The session-level ice-options tokens (RFC 8839 §5.6). */
  public List<String> iceOptions() {
    String v = attribute("ice-options");
    return v == null || v.isBlank() ? List.of() : List.of(Fields.words(v.strip()));
  }

  /** The session-level ice-ufrag, or null. */
  public @Nullable String iceUfrag() {
    return attribute("ice-ufrag");
  }

  /** The session-level ice-pwd, or null. */
  public @Nullable String icePwd() {
    return attribute("ice-pwd");
  }

  /** The session-level fingerprint, or null. */
  public @Nullable Fingerprint fingerprint() {
    String v = attribute("fingerprint");
    return v == null ? null : Fingerprint.parse(v);
  }

  /** Every problem found, in order. */
  public List<SdpProblem.At> problems() {
    return problems;
  }

  /** Whether {@link #problems()} holds this kind. */
  public boolean has(SdpProblem kind) {
    for (SdpProblem.At p : problems) {
      if (p.problem() == kind) {
        return true;
      }
    }
    return false;
  }
}
