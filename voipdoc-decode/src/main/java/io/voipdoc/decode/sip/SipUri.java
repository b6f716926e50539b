package io.voipdoc.decode.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A URI as SIP carries it: {@code sip:} and {@code sips:} URIs (RFC 3261 §19.1) split into their
 * parts, {@code tel:} URIs (RFC 3966) split into number and parameters, and any other scheme kept
 * as opaque text. User, password, parameters and headers are %-decoded (§19.1.2); the host is
 * not, since escapes are not allowed there.
 *
 * <p>The text is split into its parts on first use of any part, not when the URI is read: most
 * URIs in a capture (From, To and Contact of every message) are only ever compared or shown as
 * written.
 */
public final class SipUri {
  private final String text;
  private @Nullable Parts parts;

  private SipUri(String text) {
    this.text = text;
  }

  /** The parts of the text; immutable, so that a URI shared between threads stays consistent. */
  private record Parts(
      String scheme,
      @Nullable String user,
      @Nullable String password,
      @Nullable String host,
      int port,
      List<Parameter> parameters,
      List<Parameter> headers,
      boolean wellFormed) {
    Parts {
      parameters = List.copyOf(parameters);
      headers = List.copyOf(headers);
    }
  }

  private Parts parts() {
    Parts p = parts;
    if (p == null) {
      p = read(text);
      parts = p;
    }
    return p;
  }

  /**
   * Reads a URI; never throws. Check {@link #wellFormed()} for grammar violations. The parts are
   * parsed on first use.
   */
  public static SipUri parse(String text) {
    return new SipUri(text);
  }

  private static Parts read(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || !isScheme(text, colon)) {
      return opaque("", false);
    }
    String scheme = scheme(text, colon);
    String rest = text.substring(colon + 1);
    boolean spaces = hasWhitespace(text);
    if (scheme.equals("sip") || scheme.equals("sips")) {
      return sip(scheme, rest, spaces);
    }
    if (scheme.equals("tel")) {
      // telephone-uri = "tel:" telephone-subscriber *( ";" par )   (RFC 3966 §3)
      int semi = rest.indexOf(';');
      String number = semi < 0 ? rest : rest.substring(0, semi);
      List<Parameter> params = new ArrayList<>();
      boolean ok = semi < 0 || Parameter.parseAll(rest, semi, params);
      ok &= !number.isEmpty() && !spaces;
      return new Parts(scheme, number, null, null, -1, params, List.of(), ok);
    }
    return opaque(scheme, !spaces && !rest.isEmpty());
  }

  /** The scheme in lower case; the common ones as shared constants. */
  private static String scheme(String text, int colon) {
    for (String known : KNOWN_SCHEMES) {
      if (colon == known.length() && text.regionMatches(true, 0, known, 0, colon)) {
        return known;
      }
    }
    return text.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  private static final String[] KNOWN_SCHEMES = {"sip", "sips", "tel"};

  private static Parts opaque(String scheme, boolean ok) {
    return new Parts(scheme, null, null, null, -1, List.of(), List.of(), ok);
  }

  // SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
  // userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
  // hostport = host [ ":" port ];  uri-parameters = *( ";" uri-parameter )
  // headers = "?" header *( "&" header );  header = hname "=" hvalue
  private static Parts sip(String scheme, String rest, boolean spaces) {
    boolean ok = !spaces;
    String user = null;
    String password = null;
    // '@' may not appear unescaped in user, password, parameters or headers: the first one
    // ends the userinfo, even when the user part holds ';', '?' or '/' (RFC 4475 §3.1.1.2).
    int at = rest.indexOf('@');
    if (at >= 0) {
      int pw = rest.indexOf(':');
      pw = pw < at ? pw : -1;
      user = Grammar.unescape(rest.substring(0, pw < 0 ? at : pw));
      password = pw < 0 ? null : Grammar.unescape(rest.substring(pw + 1, at));
      ok &= at > 0;
    }
    int i = at + 1;
    int hostEnd;
    if (i < rest.length() && rest.charAt(i) == '[') {
      // IPv6reference = "[" IPv6address "]"
      int close = rest.indexOf(']', i);
      hostEnd = close < 0 ? rest.length() : close + 1;
      ok &= close > i + 1;
    } else {
      hostEnd = i;
      while (hostEnd < rest.length() && ":;?".indexOf(rest.charAt(hostEnd)) < 0) {
        hostEnd++;
      }
    }
    String host = rest.substring(i, hostEnd);
    ok &= validHost(host);
    int port = -1;
    int j = hostEnd;
    if (j < rest.length() && rest.charAt(j) == ':') {
      int ps = ++j;
      while (j < rest.length() && rest.charAt(j) != ';' && rest.charAt(j) != '?') {
        j++;
      }
      long p = Grammar.decimal(rest.substring(ps, j), 65535);
      ok &= p >= 0;
      port = p >= 0 ? (int) p : -1;
    }
    int q = rest.indexOf('?', j);
    List<Parameter> decoded = List.of();
    if (j < (q < 0 ? rest.length() : q)) {
      String paramText = rest.substring(j, q < 0 ? rest.length() : q);
      List<Parameter> params = new ArrayList<>(2);
      ok &= Parameter.parseAll(paramText, 0, params);
      decoded = params;
      if (paramText.indexOf('%') >= 0) {
        decoded = new ArrayList<>(params.size());
        for (Parameter p : params) {
          String v = p.value();
          decoded.add(
              new Parameter(Grammar.unescape(p.name()), v == null ? null : Grammar.unescape(v)));
        }
      }
    }
    List<Parameter> headers = List.of();
    if (q >= 0) {
      headers = new ArrayList<>(1);
      for (String h : rest.substring(q + 1).split("&", -1)) {
        int eq = h.indexOf('=');
        ok &= eq > 0;
        headers.add(
            eq < 0
                ? new Parameter(Grammar.unescape(h), null)
                : new Parameter(
                    Grammar.unescape(h.substring(0, eq)), Grammar.unescape(h.substring(eq + 1))));
      }
    }
    return new Parts(scheme, user, password, host, port, decoded, headers, ok);
  }

  private static boolean isScheme(String s, int colon) {
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    if (!Character.isLetter(s.charAt(0)) || s.charAt(0) > 127) {
      return false;
    }
    for (int i = 1; i < colon; i++) {
      char c = s.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Grammar.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean validHost(String host) {
    if (host.isEmpty()) {
      return false;
    }
    if (host.charAt(0) == '[') {
      return host.endsWith("]");
    }
    // hostname = *( domainlabel "." ) toplabel [ "." ]; IPv4address = 1*3DIGIT "." ...
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(c < 128 && HOST[c])) {
        return false;
      }
    }
    return true;
  }

  /** Characters of a host name or IPv4 address: ASCII letters and digits, '-', '.', '_'. */
  private static final boolean[] HOST = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      HOST[c] = Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
    }
  }

  /** The URI as written. */
  public String text() {
    return text;
  }

  /** The scheme in lower case ({@code sip}, {@code sips}, {@code tel}, ...); empty if none. */
  public String scheme() {
    return parts().scheme();
  }

  /** Whether the scheme is sip or sips, so that host, port and parameters are known. */
  public boolean isSip() {
    String scheme = parts().scheme();
    return scheme.equals("sip") || scheme.equals("sips");
  }

  /** The user part, %-decoded (for tel: the number); null when absent or opaque. */
  public @Nullable String user() {
    return parts().user();
  }

  /** The password, %-decoded; null when absent. */
  public @Nullable String password() {
    return parts().password();
  }

  /** The host: a name, an IPv4 address, or an IPv6 reference with brackets; null if opaque. */
  public @Nullable String host() {
    return parts().host();
  }

  /** The host without the brackets of an IPv6 reference. */
  public @Nullable String hostAddress() {
    String host = parts().host();
    return host != null && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1)
        : host;
  }

  /** The port, or -1 when absent. */
  public int port() {
    return parts().port();
  }

  /** The uri-parameters in order, %-decoded. */
  public List<Parameter> parameters() {
    return parts().parameters();
  }

  /** The value of a uri-parameter (case-insensitive name), or null. */
  public @Nullable String parameter(String name) {
    return Parameter.find(parts().parameters(), name);
  }

  /** Whether the uri-parameter is present, with or without a value. */
  public boolean hasParameter(String name) {
    return Parameter.has(parts().parameters(), name);
  }

  /** The transport parameter, or null. */
  public @Nullable String transport() {
    return parameter("transport");
  }

  /** Whether the {@code lr} parameter (loose routing, §19.1.1) is present. */
  public boolean lr() {
    return hasParameter("lr");
  }

  /** The headers after {@code ?}, %-decoded. */
  public List<Parameter> headers() {
    return parts().headers();
  }

  /** Whether the text follows the grammar of its scheme. */
  public boolean wellFormed() {
    return parts().wellFormed();
  }

  @Override
  public String toString() {
    return text;
  }
}
