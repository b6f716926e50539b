package io.voipdoc.decode.sip;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CSeq header (RFC 3261 §20.16): {@code CSeq = "CSeq" HCOLON 1*DIGIT LWS Method}.
 *
 * @param number sequence number, below 2**31 (§8.1.1.5)
 * @param method the method, case-sensitive
 */
public record CSeq(long number, String method) {
  /** Largest sequence number §8.1.1.5 allows. */
  static final long MAX_NUMBER = 0x7FFF_FFFFL;

  /** Parses a CSeq value; null when it does not follow the grammar. */
  static @Nullable CSeq parse(String v, long offset, List<SipProblem.At> out) {
    int i = Grammar.skipWhitespace(v, 0);
    int ds = i;
    while (i < v.length() && !Grammar.isWhitespace(v.charAt(i))) {
      i++;
    }
    String digits = v.substring(ds, i);
    String method = Grammar.trimmed(v, i, v.length());
    long n = Grammar.decimal(digits, MAX_NUMBER);
    if (n < 0 || !Grammar.isToken(method)) {
      out.add(new SipProblem.At(SipProblem.BAD_CSEQ, offset, n == -2 ? "range " + digits : v));
      return null;
    }
    return new CSeq(n, SipDecoder.shared(method));
  }
}
