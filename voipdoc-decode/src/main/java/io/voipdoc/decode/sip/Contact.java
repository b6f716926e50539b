package io.voipdoc.decode.sip;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Contact value (RFC 3261 §20.10): {@code STAR / (contact-param *(COMMA contact-param))}.
 *
 * @param star whether this is the {@code *} of a REGISTER that removes all bindings
 * @param address the contact address; null for {@code *}
 * @param expires the {@code expires} parameter in seconds, or -1 when absent or invalid
 * @param q the {@code q} parameter (0..1), or -1 when absent or invalid
 */
public record Contact(boolean star, @Nullable NameAddr address, long expires, double q) {

  /** Parses one list element of a Contact header. */
  static @Nullable Contact parse(String v, long offset, List<SipProblem.At> out) {
    if (v.equals("*")) {
      return new Contact(true, null, -1, -1);
    }
    NameAddr a = NameAddr.parse(v, "Contact", offset, out);
    if (a == null) {
      return null;
    }
    long expires = -1;
    String e = a.parameter("expires");
    if (e != null) {
      expires = Grammar.decimal(e, 0xFFFF_FFFFL);
      if (expires < 0) {
        out.add(new SipProblem.At(SipProblem.BAD_EXPIRES, offset, "Contact " + e));
        expires = -1;
      }
    }
    return new Contact(false, a, expires, qvalue(a.parameter("q")));
  }

  // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
  private static double qvalue(@Nullable String q) {
    if (q == null || q.isEmpty() || q.length() > 5) {
      return -1;
    }
    try {
      double d = Double.parseDouble(q);
      return d >= 0 && d <= 1 && Character.isDigit(q.charAt(0)) ? d : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
