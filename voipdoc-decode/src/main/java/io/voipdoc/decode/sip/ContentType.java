package io.voipdoc.decode.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A media type from Content-Type (RFC 3261 §20.15): {@code m-type SLASH m-subtype *(SEMI
 * m-parameter)}.
 *
 * @param type top-level type in lower case ({@code application}, {@code multipart})
 * @param subtype subtype in lower case ({@code sdp}, {@code mixed})
 * @param parameters parameters in order (e.g. {@code boundary})
 */
public record ContentType(String type, String subtype, List<Parameter> parameters) {

  /** {@code application/sdp} without parameters, the type of nearly every body SIP carries. */
  static final ContentType SDP = new ContentType("application", "sdp", List.of());

  public ContentType {
    parameters = List.copyOf(parameters);
  }

  /** Whether this is {@code type/subtype}, ignoring case. */
  public boolean is(String type, String subtype) {
    return this.type.equalsIgnoreCase(type) && this.subtype.equalsIgnoreCase(subtype);
  }

  /** The multipart boundary parameter (RFC 2046 §5.1.1), or null. */
  public @Nullable String boundary() {
    return Parameter.find(parameters, "boundary");
  }

  /** Parses a media type; null when it does not follow the grammar. */
  static @Nullable ContentType parse(String v) {
    int slash = v.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String type = Grammar.trimmed(v, 0, slash);
    int semi = v.indexOf(';', slash);
    int end = semi < 0 ? v.length() : semi;
    String subtype = Grammar.trimmed(v, slash + 1, end);
    List<Parameter> params = new ArrayList<>(1);
    boolean ok = Parameter.parseAll(v, end, params);
    if (!ok || !Grammar.isToken(type) || !Grammar.isToken(subtype)) {
      return null;
    }
    return new ContentType(
        type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), params);
  }
}
