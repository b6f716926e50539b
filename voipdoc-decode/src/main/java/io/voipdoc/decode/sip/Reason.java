package io.voipdoc.decode.sip;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Reason value (RFC 3326 §2): why a request (BYE, CANCEL) was sent, as a SIP status code or
 * an ISDN (Q.850) cause.
 *
 * <pre>
 * reason-value   = protocol *(SEMI reason-params)
 * protocol       = "SIP" / "Q.850" / token
 * reason-params  = protocol-cause / reason-text / reason-extension
 * protocol-cause = "cause" EQUAL cause
 * reason-text    = "text" EQUAL quoted-string
 * </pre>
 *
 * @param protocol {@code SIP}, {@code Q.850} or another token
 * @param cause the cause (a SIP status code or a Q.850 cause value), or -1 when absent or invalid
 * @param text the reason text without quotes, or null
 * @param parameters all parameters in order
 */
public record Reason(String protocol, int cause, @Nullable String text, List<Parameter> parameters) {

  public Reason {
    parameters = List.copyOf(parameters);
  }

  /** Whether the cause is a Q.850 cause value. */
  public boolean isQ850() {
    return protocol.equalsIgnoreCase("Q.850");
  }

  /** Parses one list element; null when the protocol is not a token. */
  static @Nullable Reason parse(String v) {
    int i = 0;
    while (i < v.length() && Grammar.isToken(v.charAt(i))) {
      i++;
    }
    String protocol = v.substring(0, i);
    if (protocol.isEmpty()) {
      return null;
    }
    List<Parameter> params = new ArrayList<>(2);
    Parameter.parseAll(v, i, params);
    String c = Parameter.find(params, "cause");
    int cause = c == null ? -1 : (int) Math.max(-1, Grammar.decimal(c, 0xFFFF));
    return new Reason(protocol, cause, Parameter.find(params, "text"), params);
  }
}
