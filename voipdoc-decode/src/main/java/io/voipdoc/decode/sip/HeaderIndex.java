package io.voipdoc.decode.sip;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The header section of one message as offsets into its bytes: for each header line, where its
 * name and its (possibly folded) value start and end, in wire order.
 *
 * <pre>
 * message-header = field-name HCOLON field-value CRLF     (RFC 3261 §7.3.1)
 * HCOLON         = *( SP / HTAB ) ":" SWS
 * LWS            = [*WSP CRLF] 1*WSP   ; a line starting with SP or HTAB continues the previous one
 * </pre>
 */
final class HeaderIndex {
  /** Room for the headers of a short message; longer ones grow the arrays. */
  private static final int INITIAL_HEADERS = 12;

  /** Four ints per header: name start, name end, value start, value end. */
  int[] pos = new int[INITIAL_HEADERS * 4];

  @Nullable HeaderName[] known = new HeaderName[INITIAL_HEADERS];

  /** Whether the value of a header continues on further lines, so that it must be unfolded. */
  boolean[] folded = new boolean[INITIAL_HEADERS];
  int count;
  /** Offset of the body: just after the empty line, or the end of the input when absent. */
  int bodyStart;

  /** Splits the header lines of {@code d[from, end)}; problems are added to {@code out}. */
  static HeaderIndex read(
      byte[] d, int from, int end, SipDecoderConfig config, List<SipProblem.At> out) {
    HeaderIndex h = new HeaderIndex();
    boolean bareLf = false;
    boolean tooMany = false;
    int p = from;
    while (true) {
      if (p >= end) {
        out.add(new SipProblem.At(SipProblem.HEADERS_UNTERMINATED, end, ""));
        h.bodyStart = end;
        return h;
      }
      int lf = ByteScan.crOrLf(d, p, end);
      int cr = -1;
      if (lf < end && d[lf] == '\r') {
        cr = lf; // the first CR: the line's own CRLF unless one came earlier
        lf++;
        while (lf < end && d[lf] != '\n') {
          lf++;
        }
      }
      int le = lf > p && d[lf - 1] == '\r' ? lf - 1 : lf;
      if (cr == le) {
        cr = -1;
      }
      if (lf < end && le == lf && !bareLf) {
        // Some embedded stacks end lines in LF only; RFC 3261 §7 requires CRLF.
        bareLf = true;
        out.add(new SipProblem.At(SipProblem.BARE_LF, lf, ""));
      }
      if (le - p > config.maxLineLength()) {
        out.add(new SipProblem.At(SipProblem.LINE_TOO_LONG, p, Integer.toString(le - p)));
      }
      int next = lf < end ? lf + 1 : end;
      if (le == p) {
        h.bodyStart = next;
        if (lf == end) {
          out.add(new SipProblem.At(SipProblem.HEADERS_UNTERMINATED, end, ""));
        }
        return h;
      }
      if (d[p] == ' ' || d[p] == '\t') {
        h.continueLast(d, p, le, out);
      } else if (h.count >= config.maxHeaders()) {
        if (!tooMany) {
          tooMany = true;
          out.add(new SipProblem.At(SipProblem.TOO_MANY_HEADERS, p, "max=" + config.maxHeaders()));
        }
      } else {
        h.add(d, p, le, cr >= 0, out);
      }
      p = next;
    }
  }

  /** Adds a header line; {@code innerCr} says a CR inside the line makes it a folded value. */
  private void add(byte[] d, int p, int le, boolean innerCr, List<SipProblem.At> out) {
    int token = p; // the end of the token characters the name starts with
    while (token < le && Grammar.isToken(d[token])) {
      token++;
    }
    int colon = token;
    while (colon < le && d[colon] != ':') {
      colon++;
    }
    int ne = colon;
    while (ne > p && (d[ne - 1] == ' ' || d[ne - 1] == '\t')) {
      ne--;
    }
    if (colon == le || ne == p) {
      out.add(new SipProblem.At(SipProblem.HEADER_WITHOUT_COLON, p, ""));
      return;
    }
    if (token < ne) {
      out.add(new SipProblem.At(SipProblem.HEADER_WITHOUT_COLON, p, "name"));
      return;
    }
    int vs = colon + 1;
    while (vs < le && (d[vs] == ' ' || d[vs] == '\t')) {
      vs++;
    }
    int ve = le;
    while (ve > vs && (d[ve - 1] == ' ' || d[ve - 1] == '\t')) {
      ve--;
    }
    if (count == known.length) {
      known = Arrays.copyOf(known, count * 2);
      folded = Arrays.copyOf(folded, count * 2);
      pos = Arrays.copyOf(pos, count * 8);
    }
    pos[count * 4] = p;
    pos[count * 4 + 1] = ne;
    pos[count * 4 + 2] = vs;
    pos[count * 4 + 3] = ve;
    known[count] = HeaderName.of(d, p, ne);
    folded[count] = innerCr;
    count++;
  }

  private void continueLast(byte[] d, int p, int le, List<SipProblem.At> out) {
    int s = p;
    while (s < le && (d[s] == ' ' || d[s] == '\t')) {
      s++;
    }
    if (count == 0) {
      out.add(new SipProblem.At(SipProblem.BAD_START_LINE, p, "continuation"));
      return;
    }
    if (s == le) {
      return; // a whitespace-only line folds to nothing
    }
    int i = (count - 1) * 4;
    if (pos[i + 2] == pos[i + 3]) {
      pos[i + 2] = s; // the value starts on a continuation line (RFC 4475 §3.1.1.1 "TO :")
    }
    int ve = le;
    while (ve > s && (d[ve - 1] == ' ' || d[ve - 1] == '\t')) {
      ve--;
    }
    pos[i + 3] = ve;
    folded[count - 1] = true;
  }
}
