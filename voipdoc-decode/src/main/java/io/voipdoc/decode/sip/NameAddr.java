package io.voipdoc.decode.sip;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The address in a From, To, Contact, Route or Record-Route value (RFC 3261 §20.10, §25.1):
 *
 * <pre>
 * ( name-addr / addr-spec ) *( SEMI generic-param )
 * name-addr    = [ display-name ] LAQUOT addr-spec RAQUOT
 * display-name = *(token LWS) / quoted-string
 * </pre>
 *
 * @param displayName the display name, unquoted, or null when absent
 * @param uri the address
 * @param parameters the header parameters after the address ({@code tag}, {@code expires}, ...)
 */
public record NameAddr(@Nullable String displayName, SipUri uri, List<Parameter> parameters) {

  public NameAddr {
    parameters = List.copyOf(parameters);
  }

  /** The {@code tag} parameter (§19.3), or null. */
  public @Nullable String tag() {
    return Parameter.find(parameters, "tag");
  }

  /** The value of a header parameter (case-insensitive name), or null. */
  public @Nullable String parameter(String name) {
    return Parameter.find(parameters, name);
  }

  /**
   * Parses one value; returns null when no address can be read. Problems are reported against
   * {@code offset}, the position of the value in the message; those of the URI itself are not
   * (see {@link SipUri#wellFormed()}).
   */
  static @Nullable NameAddr parse(String v, String header, long offset, List<SipProblem.At> out) {
    int i = Grammar.skipWhitespace(v, 0);
    String display = null;
    int lt;
    if (i < v.length() && v.charAt(i) == '"') {
      int close = Grammar.closingQuote(v, i);
      if (close < 0) {
        out.add(new SipProblem.At(SipProblem.UNBALANCED_QUOTES, offset, header));
        return null;
      }
      display = Grammar.unquote(v, i, close);
      lt = Grammar.skipWhitespace(v, close + 1);
      if (lt >= v.length() || v.charAt(lt) != '<') {
        out.add(new SipProblem.At(SipProblem.BAD_NAME_ADDR, offset, header + " no_laquot"));
        return null;
      }
    } else {
      lt = v.indexOf('<', i);
      int semi = v.indexOf(';', i);
      if (lt < 0 || (semi >= 0 && semi < lt)) {
        return addrSpec(v, i, header, offset, out);
      }
      display = tokenDisplayName(v, i, lt, header, offset, out);
    }
    int gt = v.indexOf('>', lt);
    if (gt < 0) {
      out.add(new SipProblem.At(SipProblem.BAD_NAME_ADDR, offset, header + " no_raquot"));
      return null;
    }
    String inside = v.substring(lt + 1, gt);
    String uriText = inside.strip();
    if (uriText.length() != inside.length()) {
      // LAQUOT = SWS "<" and RAQUOT = ">" SWS: no whitespace inside the brackets (RFC 4475 §3.1.2.14)
      out.add(new SipProblem.At(SipProblem.BAD_NAME_ADDR, offset, header + " lws_in_brackets"));
    }
    return finish(display, uriText, v, gt + 1, header, offset, out);
  }

  private static @Nullable String tokenDisplayName(
      String v, int start, int lt, String header, long offset, List<SipProblem.At> out) {
    String display = Grammar.trimmed(v, start, lt);
    for (int k = 0; k < display.length(); k++) {
      char c = display.charAt(k);
      if (!Grammar.isToken(c) && !Grammar.isWhitespace(c)) {
        out.add(new SipProblem.At(SipProblem.BAD_DISPLAY_NAME, offset, header));
        break;
      }
    }
    return display.isEmpty() ? null : display;
  }

  // addr-spec without brackets: the first ';' starts the header parameters, and ',' '?' are not
  // allowed in the URI (§20.10: "the URI MUST be enclosed in angle brackets").
  private static @Nullable NameAddr addrSpec(
      String v, int start, String header, long offset, List<SipProblem.At> out) {
    int semi = v.indexOf(';', start);
    int end = semi < 0 ? v.length() : semi;
    String uriText = Grammar.trimmed(v, start, end);
    if (uriText.isEmpty()) {
      out.add(new SipProblem.At(SipProblem.BAD_NAME_ADDR, offset, header + " empty"));
      return null;
    }
    if (uriText.indexOf('?') >= 0 || uriText.indexOf(',') >= 0) {
      out.add(new SipProblem.At(SipProblem.BAD_NAME_ADDR, offset, header + " unbracketed_reserved"));
    }
    return finish(null, uriText, v, end, header, offset, out);
  }

  private static NameAddr finish(
      @Nullable String display,
      String uriText,
      String v,
      int paramsFrom,
      String header,
      long offset,
      List<SipProblem.At> out) {
    // the URI's own grammar is checked by SipMessage.problems(), not here: parsing it waits for use
    SipUri uri = SipUri.parse(uriText);
    List<Parameter> params = new ArrayList<>(2);
    if (!Parameter.parseAll(v, paramsFrom, params)) {
      out.add(new SipProblem.At(SipProblem.BAD_NAME_ADDR, offset, header + " bad_params"));
    }
    return new NameAddr(display, uri, params);
  }
}
