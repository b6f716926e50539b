package io.voipdoc.decode.sip;

import org.jspecify.annotations.Nullable;

/**
 * Recognises a start line (RFC 3261 §7.1, §7.2) by its grammar, without allocating:
 *
 * <pre>
 * Request-Line = Method SP Request-URI SP SIP-Version CRLF
 * Status-Line  = SIP-Version SP Status-Code SP Reason-Phrase CRLF
 * SIP-Version  = "SIP" "/" 1*DIGIT "." 1*DIGIT
 * </pre>
 *
 * <p>Tolerated with a flag: several SP between the parts and SP at the end (seen from hand-made
 * test tools; RFC 4475 §3.1.2.9, §3.1.2.10), SP inside the Request-URI, and a status code that is
 * not three digits. Anything else is not a start line.
 */
final class StartLine {
  static final int NOT_SIP = 0;
  static final int REQUEST = 1;
  static final int RESPONSE = 2;

  /** Indexes into the {@code out} array. */
  static final int LINE_END = 0; // end of the line content (before CR LF)

  static final int NEXT = 1; // start of the next line
  static final int A_START = 2; // method, or version of a status line
  static final int A_END = 3;
  static final int B_START = 4; // request URI, or status code
  static final int B_END = 5;
  static final int C_START = 6; // version of a request, or reason phrase
  static final int C_END = 7;
  static final int FLAGS = 8;
  static final int SIZE = 9;

  static final int FLAG_WHITESPACE = 1;
  static final int FLAG_URI_SPACE = 2;
  static final int FLAG_BAD_CODE = 4;
  static final int FLAG_MISSING_SP = 8;

  private StartLine() {}

  /**
   * Tries to read a start line at {@code from}; the line ends at the first LF before {@code end},
   * or at {@code end}. Writes positions into {@code out} when it is not null.
   */
  static int recognise(byte[] b, int from, int end, int @Nullable [] out) {
    int lf = from;
    while (lf < end && b[lf] != '\n') {
      lf++;
    }
    int next = lf < end ? lf + 1 : end;
    int le = lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
    int kind = version(b, from, le) > 0 ? status(b, from, le, out) : request(b, from, le, out);
    if (kind != NOT_SIP && out != null) {
      out[LINE_END] = le;
      out[NEXT] = next;
    }
    return kind;
  }

  /** The end of a SIP-Version at {@code i}, or -1. */
  static int version(byte[] b, int i, int end) {
    if (end - i < 7
        || (b[i] | 0x20) != 's'
        || (b[i + 1] | 0x20) != 'i'
        || (b[i + 2] | 0x20) != 'p'
        || b[i + 3] != '/') {
      return -1;
    }
    int j = digits(b, i + 4, end);
    if (j == i + 4 || j >= end || b[j] != '.') {
      return -1;
    }
    int k = digits(b, j + 1, end);
    return k == j + 1 ? -1 : k;
  }

  private static int status(byte[] b, int from, int le, int @Nullable [] out) {
    int v = version(b, from, le);
    int flags = 0;
    int cs = skipSpaces(b, v, le);
    if (cs == v) {
      return NOT_SIP;
    }
    if (cs - v > 1) {
      flags |= FLAG_WHITESPACE;
    }
    int ce = digits(b, cs, le);
    if (ce == cs || (ce < le && b[ce] != ' ')) {
      return NOT_SIP;
    }
    if (ce - cs != 3 || b[cs] < '1' || b[cs] > '6') {
      flags |= FLAG_BAD_CODE;
    }
    // Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII / UTF8-CONT / SP / HTAB)
    int rs = ce < le ? ce + 1 : le;
    if (ce == le) {
      flags |= FLAG_MISSING_SP;
    }
    if (out != null) {
      out[A_START] = from;
      out[A_END] = v;
      out[B_START] = cs;
      out[B_END] = ce;
      out[C_START] = rs;
      out[C_END] = le;
      out[FLAGS] = flags;
    }
    return RESPONSE;
  }

  private static int request(byte[] b, int from, int le, int @Nullable [] out) {
    int me = from;
    while (me < le && Grammar.isToken(b[me])) {
      me++;
    }
    if (me == from || me >= le || b[me] != ' ') {
      return NOT_SIP;
    }
    int flags = 0;
    int te = le;
    while (te > me && (b[te - 1] == ' ' || b[te - 1] == '\t')) {
      te--;
    }
    if (te < le) {
      flags |= FLAG_WHITESPACE;
    }
    int vs = te;
    while (vs > me && b[vs - 1] != ' ') {
      vs--;
    }
    if (vs <= me + 1 || version(b, vs, te) != te) {
      return NOT_SIP;
    }
    int us = skipSpaces(b, me, vs);
    int ue = vs;
    while (ue > us && b[ue - 1] == ' ') {
      ue--;
    }
    if (us >= ue) {
      return NOT_SIP;
    }
    if (us - me > 1 || vs - ue > 1) {
      flags |= FLAG_WHITESPACE;
    }
    for (int i = us; i < ue; i++) {
      if (b[i] == ' ' || b[i] == '\t') {
        flags |= FLAG_URI_SPACE;
      } else if ((b[i] & 0xff) < 0x20 || b[i] == 0x7f) {
        return NOT_SIP;
      }
    }
    if (out != null) {
      out[A_START] = from;
      out[A_END] = me;
      out[B_START] = us;
      out[B_END] = ue;
      out[C_START] = vs;
      out[C_END] = te;
      out[FLAGS] = flags;
    }
    return REQUEST;
  }

  private static int digits(byte[] b, int i, int end) {
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i;
  }

  private static int skipSpaces(byte[] b, int i, int end) {
    while (i < end && b[i] == ' ') {
      i++;
    }
    return i;
  }
}
