package io.voipdoc.decode.stun;

import org.jspecify.annotations.Nullable;

/**
 * STUN methods from the IANA "STUN Methods" registry that voipdoc names (RFC 8489 §18.2, RFC 8656
 * §17). An unknown method is still decoded; {@link StunMessage#method()} is then null and {@link
 * StunMessage#methodValue()} holds the number.
 */
public enum StunMethod {
  BINDING(0x001, "Binding"),
  ALLOCATE(0x003, "Allocate"),
  REFRESH(0x004, "Refresh"),
  SEND(0x006, "Send"),
  DATA(0x007, "Data"),
  CREATE_PERMISSION(0x008, "CreatePermission"),
  CHANNEL_BIND(0x009, "ChannelBind");

  private final int value;
  private final String ianaName;

  StunMethod(int value, String ianaName) {
    this.value = value;
    this.ianaName = ianaName;
  }

  /** The 12-bit method number. */
  public int value() {
    return value;
  }

  /** The name in the IANA registry. */
  public String ianaName() {
    return ianaName;
  }

  /** The method with this number, or null when voipdoc does not name it. */
  public static @Nullable StunMethod of(int value) {
    for (StunMethod m : values()) {
      if (m.value == value) {
        return m;
      }
    }
    return null;
  }

  /**
   * The 12 method bits of a 14-bit message type: M11..M7, M6..M4 and M3..M0 are split by the class
   * bits (RFC 8489 §5, figure 3).
   */
  static int ofMessageType(int type) {
    return (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
  }
}
