package io.voipdoc.diagnose;

import io.voipdoc.correlate.media.TlsConnectionSeen;
import java.util.Locale;

/**
 * A word from the finding's own bundle, {@code <ID>.term.<key>}, passed as a text argument
 * where a rule would otherwise pass an English word (a side of the call, offer or answer), so
 * that each language shows its own word.
 *
 * @param key the word's key below {@code <ID>.term.}
 */
public record Term(String key) {
  /** The caller's side or the callee's. */
  public static Term side(boolean caller) {
    return new Term(caller ? "caller" : "callee");
  }

  /** An SDP offer or answer. */
  public static Term sdpRole(boolean offer) {
    return new Term(offer ? "offer" : "answer");
  }

  /** How far a TLS handshake got. */
  public static Term handshakeStage(TlsConnectionSeen.Stage stage) {
    return new Term("stage_" + stage.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return key;
  }
}
