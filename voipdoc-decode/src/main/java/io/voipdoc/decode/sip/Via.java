package io.voipdoc.decode.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One Via value (RFC 3261 §20.42, rport from RFC 3581):
 *
 * <pre>
 * via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
 * sent-protocol = protocol-name SLASH protocol-version SLASH transport
 * sent-by       = host [ COLON port ]
 * via-params    = via-ttl / via-maddr / via-received / via-branch / response-port / via-extension
 * </pre>
 *
 * @param protocol protocol name, normally {@code SIP}
 * @param version protocol version, normally {@code 2.0}
 * @param transport transport in upper case ({@code UDP}, {@code TCP}, {@code TLS}, {@code WSS},
 *     ...)
 * @param host sent-by host (an IPv6 reference keeps its brackets)
 * @param port sent-by port, or -1 when absent
 * @param parameters the via-params in order
 */
public record Via(
    String protocol,
    String version,
    String transport,
    String host,
    int port,
    List<Parameter> parameters) {

  public Via {
    parameters = List.copyOf(parameters);
  }

  /** The branch parameter (transaction ID, §8.1.1.7), or null. */
  public @Nullable String branch() {
    return Parameter.find(parameters, "branch");
  }

  /** The received parameter (§18.2.1), or null. */
  public @Nullable String received() {
    return Parameter.find(parameters, "received");
  }

  /** The maddr parameter, or null. */
  public @Nullable String maddr() {
    return Parameter.find(parameters, "maddr");
  }

  /**
   * The rport parameter (RFC 3581): the port when filled in, 0 when present without value (a
   * request asking for it), -1 when absent or invalid.
   */
  public int rport() {
    if (!Parameter.has(parameters, "rport")) {
      return -1;
    }
    String v = Parameter.find(parameters, "rport");
    return v == null ? 0 : (int) Math.max(-1, Grammar.decimal(v, 65535));
  }

  /** The ttl parameter (0..255), or -1 when absent or invalid. */
  public int ttl() {
    String v = Parameter.find(parameters, "ttl");
    return v == null ? -1 : (int) Math.max(-1, Grammar.decimal(v, 255));
  }

  /** Parses one list element of a Via header; null when it does not follow the grammar. */
  static @Nullable Via parse(String v, long offset, List<SipProblem.At> out) {
    int[] pos = {0};
    String protocol = token(v, pos);
    String version = slashToken(v, pos);
    String transport = slashToken(v, pos);
    if (protocol.isEmpty() || version.isEmpty() || transport.isEmpty()) {
      out.add(new SipProblem.At(SipProblem.BAD_VIA, offset, "sent_protocol"));
      return null;
    }
    int i = pos[0];
    if (i >= v.length() || !Grammar.isWhitespace(v.charAt(i))) {
      out.add(new SipProblem.At(SipProblem.BAD_VIA, offset, "sent_by"));
      return null;
    }
    i = Grammar.skipWhitespace(v, i);
    int hs = i;
    if (i < v.length() && v.charAt(i) == '[') {
      int close = v.indexOf(']', i);
      i = close < 0 ? v.length() : close + 1;
    } else {
      while (i < v.length()) {
        char c = v.charAt(i);
        if (c == ':' || c == ';' || Grammar.isWhitespace(c)) {
          break;
        }
        i++;
      }
    }
    String host = v.substring(hs, i);
    int port = -1;
    i = Grammar.skipWhitespace(v, i);
    if (i < v.length() && v.charAt(i) == ':') {
      i = Grammar.skipWhitespace(v, i + 1);
      int ps = i;
      long p = 0;
      boolean ascii = true;
      while (i < v.length() && Character.isDigit(v.charAt(i))) {
        char c = v.charAt(i++);
        ascii &= c >= '0' && c <= '9';
        p = p <= 65535 ? p * 10 + (c - '0') : p;
      }
      if (i == ps || !ascii || p > 65535) {
        p = -1;
      }
      if (p < 0) {
        out.add(new SipProblem.At(SipProblem.BAD_VIA, offset, "port"));
      }
      port = (int) Math.max(-1, p);
    }
    List<Parameter> params = new ArrayList<>(3);
    boolean ok = !host.isEmpty() && Parameter.parseAll(v, i, params);
    if (!ok) {
      out.add(new SipProblem.At(SipProblem.BAD_VIA, offset, host.isEmpty() ? "host" : "params"));
    }
    return new Via(protocol, version, transport.toUpperCase(Locale.ROOT), host, port, params);
  }

  /** The words nearly every Via repeats, kept once (messages of a call are kept together). */
  private static final String[] COMMON = {"SIP", "2.0", "UDP", "TCP", "TLS", "WS", "WSS", "SCTP"};

  private static String token(String v, int[] pos) {
    int i = Grammar.skipWhitespace(v, pos[0]);
    int s = i;
    while (i < v.length() && Grammar.isToken(v.charAt(i))) {
      i++;
    }
    pos[0] = i;
    for (String c : COMMON) {
      if (c.length() == i - s && v.startsWith(c, s)) {
        return c;
      }
    }
    return v.substring(s, i);
  }

  // SLASH = SWS "/" SWS: whitespace is allowed around the slashes (RFC 4475 §3.1.1.1)
  private static String slashToken(String v, int[] pos) {
    int i = Grammar.skipWhitespace(v, pos[0]);
    if (i >= v.length() || v.charAt(i) != '/') {
      return "";
    }
    pos[0] = i + 1;
    return token(v, pos);
  }
}
