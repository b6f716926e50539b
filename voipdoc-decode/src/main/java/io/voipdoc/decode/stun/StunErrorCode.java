package io.voipdoc.decode.stun;

/**
 * The ERROR-CODE attribute (RFC 8489 §14.8).
 *
 * @param code class * 100 + number, e.g. 401 or 438
 * @param reason the UTF-8 reason phrase as sent
 */
public record StunErrorCode(int code, String reason) {}
