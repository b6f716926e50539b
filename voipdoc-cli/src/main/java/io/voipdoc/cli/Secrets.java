package io.voipdoc.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials before a report shows SIP header values. A Digest {@code Authorization} or
 * {@code Proxy-Authorization} header (RFC 3261 §22.4, RFC 8760) carries a {@code response} hash
 * from which the password can be guessed offline, so its value is replaced unless the user asked
 * for {@code --show-secrets}. Every renderer that shows header values or message text calls this
 * class.
 */
public final class Secrets {
  /** What a masked value shows instead. */
  public static final String MASK = "********";

  /** {@code response="…"} or {@code response=…} in a credentials value. */
  private static final Pattern RESPONSE =
      Pattern.compile("(?i)(\\bresponse\\s*=\\s*)(\"[^\"]*\"?|[^,\\s]*)");

  /** A header line carrying credentials, up to its colon. */
  private static final Pattern CREDENTIALS_LINE =
      Pattern.compile("(?im)^((?:proxy-)?authorization[ \\t]*:)([^\\r\\n]*)");

  private final boolean show;

  /** Masks credentials unless {@code show}. */
  public Secrets(boolean show) {
    this.show = show;
  }

  /** Whether header {@code name} carries credentials. */
  public static boolean isCredentials(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization");
  }

  /** The value of header {@code name} as a report may show it. */
  public String header(String name, String value) {
    return show || !isCredentials(name) ? value : maskCredentials(value);
  }

  /** The text of a whole SIP message with the values of its credentials headers masked. */
  public String message(String text) {
    if (show) {
      return text;
    }
    Matcher m = CREDENTIALS_LINE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + maskCredentials(m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A Digest value keeps its user name, realm and nonce (needed to read the exchange) and loses
   * the response hash; any other scheme carries the secret itself and is masked whole.
   */
  static String maskCredentials(String value) {
    String v = value.stripLeading();
    if (!v.regionMatches(true, 0, "digest", 0, 6)) {
      return value.isBlank() ? value : " " + MASK;
    }
    Matcher m = RESPONSE.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
    }
    m.appendTail(out);
    return out.toString();
  }
}
