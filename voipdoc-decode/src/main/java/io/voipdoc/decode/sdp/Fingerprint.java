package io.voipdoc.decode.sdp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A DTLS certificate fingerprint (RFC 8122 §5): {@code a=fingerprint:<hash-func> <fingerprint>}.
 *
 * @param hashFunction hash function in lower case, e.g. {@code sha-256}
 * @param value the colon-separated upper-case hex as written
 */
public record Fingerprint(String hashFunction, String value) {

  static @Nullable Fingerprint parse(String v) {
    String[] f = Fields.words(v.strip());
    return f.length == 2 && !f[0].isEmpty() && f[1].indexOf(':') > 0
        ? new Fingerprint(f[0].toLowerCase(Locale.ROOT), f[1])
        : null;
  }
}
