package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Digest credentials are masked by default, shown when asked, and nothing else is touched. */
class SecretsTest {
  private static final String DIGEST =
      "Digest username=\"bob\", realm=\"198.51.100.10\", nonce=\"abc\", uri=\"sip:198.51.100.10\", response=\"bee0ad9ce5ac4771458f88ea477529ca\", algorithm=MD5";

  @Test
  void digestResponseIsMasked() {
    String v = new Secrets(false).header("Authorization", DIGEST);
    assertFalse(v.contains("bee0ad9c"), v);
    assertEquals(DIGEST.replace("bee0ad9ce5ac4771458f88ea477529ca", Secrets.MASK), v);
  }

  @Test
  void unquotedResponseAndProxyHeaderAreMasked() {
    String v = new Secrets(false).header("proxy-authorization", "Digest username=bob,response=0123abcd, nonce=\"n\"");
    assertEquals("Digest username=bob,response=\"" + Secrets.MASK + "\", nonce=\"n\"", v);
  }

  @Test
  void otherSchemesAreMaskedWhole() {
    assertEquals(" " + Secrets.MASK, new Secrets(false).header("Authorization", "Basic Ym9iOnNlY3JldA=="));
  }

  @Test
  void otherHeadersAndShowSecretsAreUntouched() {
    assertEquals("response=\"x\"", new Secrets(false).header("Subject", "response=\"x\""));
    assertEquals(DIGEST, new Secrets(true).header("Authorization", DIGEST));
  }

  @Test
  void messageTextMasksEveryCredentialsLine() {
    String msg = "REGISTER sip:x SIP/2.0\r\nAuthorization: " + DIGEST + "\r\nSubject: response=\"keep\"\r\n"
        + "proxy-authorization:Digest response=\"ffff\"\r\n\r\n";
    String masked = new Secrets(false).message(msg);
    assertFalse(masked.contains("bee0ad9c"), masked);
    assertFalse(masked.contains("ffff"), masked);
    assertTrue(masked.contains("Subject: response=\"keep\"\r\n"), masked);
    assertTrue(masked.contains("proxy-authorization:Digest response=\"" + Secrets.MASK + "\"\r\n"), masked);
    assertEquals(msg, new Secrets(true).message(msg));
  }
}
