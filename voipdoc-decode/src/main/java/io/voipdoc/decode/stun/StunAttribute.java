package io.voipdoc.decode.stun;

import org.jspecify.annotations.Nullable;

/**
 * One attribute as found on the wire: its type and where its value lies inside {@link
 * StunMessage#bytes()}. Padding is not part of {@code length}.
 *
 * @param type the 16-bit attribute type
 * @param valueOffset offset of the value in the message bytes
 * @param length the declared value length, already checked to fit in the message
 */
public record StunAttribute(int type, int valueOffset, int length) {

  /** The registry entry for {@link #type}, or null when voipdoc does not name it. */
  public @Nullable StunAttributeType knownType() {
    return StunAttributeType.of(type);
  }
}
