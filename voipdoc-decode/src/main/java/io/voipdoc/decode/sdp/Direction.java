package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/** The media direction attributes (RFC 8866 §6.7); sendrecv is the default (§6.7.4). */
public enum Direction {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive");

  private final String attribute;

  Direction(String attribute) {
    this.attribute = attribute;
  }

  /** The attribute name. */
  public String attribute() {
    return attribute;
  }

  private static final Direction[] VALUES = values();

  static @Nullable Direction of(String name) {
    for (Direction d : VALUES) {
      if (d.attribute.equals(name)) {
        return d;
      }
    }
    return null;
  }
}
