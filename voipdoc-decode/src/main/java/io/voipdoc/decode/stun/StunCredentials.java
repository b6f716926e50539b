package io.voipdoc.decode.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys for {@link StunMessage#verifyIntegrity(byte[])} (RFC 8489 §9.1.1 and §9.2.2).
 *
 * <p>Strings are encoded as UTF-8 as given: SASLprep/OpaqueString preparation is not applied, so
 * callers must pass already-normalised credentials. This suffices for ICE, whose ufrag/pwd are
 * ASCII, and for the RFC 5769 vectors, whose user name is already in normal form.
 */
public final class StunCredentials {
  private StunCredentials() {}

  /** Short-term credential key: the password itself (ICE uses the peer's ice-pwd). */
  public static byte[] shortTermKey(String password) {
    return password.getBytes(StandardCharsets.UTF_8);
  }

  /** Long-term credential key with the MD5 algorithm: MD5(username ":" realm ":" password). */
  public static byte[] longTermKey(String username, String realm, String password) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return md5.digest(
          (username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide MD5 (MessageDigest Javadoc)
      throw new IllegalStateException(e);
    }
  }
}
