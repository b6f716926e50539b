package io.voipdoc.decode.sdp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An SDES crypto attribute (RFC 4568 §9.1): {@code a=crypto:<tag> <crypto-suite> <key-params>
 * *(SP <session-param>)}, with {@code key-params = key-param *(";" key-param)}.
 *
 * @param tag decimal tag (up to 9 digits)
 * @param suite crypto suite, e.g. {@code AES_CM_128_HMAC_SHA1_80}
 * @param keyParams each key-param ({@code inline:<key||salt>[|lifetime][|MKI:length]})
 * @param sessionParams session parameters, e.g. {@code UNENCRYPTED_SRTCP}
 */
public record Crypto(int tag, String suite, List<String> keyParams, List<String> sessionParams) {

  public Crypto {
    keyParams = List.copyOf(keyParams);
    sessionParams = List.copyOf(sessionParams);
  }

  static @Nullable Crypto parse(String v) {
    String[] f = Fields.words(v.strip());
    if (f.length < 3) {
      return null;
    }
    long tag = Fields.decimal(f[0], 999_999_999);
    if (tag < 0 || f[1].isEmpty() || !f[2].contains(":")) {
      return null;
    }
    return new Crypto(
        (int) tag,
        f[1],
        List.of(f[2].split(";")),
        List.of(f).subList(3, f.length));
  }
}
