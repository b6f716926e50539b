package io.voipdoc.correlate.media;

import io.voipdoc.decode.sdp.Codec;
import io.voipdoc.decode.sdp.Direction;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.decode.sdp.RtpMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one side of a call announced for one media section in its latest SDP: the call, the side,
 * the payload type map, the direction and whether the profile is secure. Shared by every endpoint
 * (c=/m= address, candidates) of that section.
 */
final class MediaBinding {
  private final CallMedia call;
  private final boolean fromCaller;
  private final int index;
  private final Map<Integer, Codec> codecs;
  private final Direction direction;
  private final boolean secure;

  MediaBinding(CallMedia call, boolean fromCaller, int index, MediaDescription m) {
    this.call = call;
    this.fromCaller = fromCaller;
    this.index = index;
    Map<Integer, Codec> map = new java.util.HashMap<>();
    for (Codec c : m.codecs()) {
      map.put(c.payloadType(), c);
    }
    this.codecs = Map.copyOf(map);
    this.direction = m.effectiveDirection();
    // RFC 3711 §12 (RTP/SAVP), RFC 5124 (RTP/SAVPF), RFC 5764 §8 (UDP/TLS/RTP/SAVP(F))
    this.secure = m.proto().contains("SAVP");
  }

  String callId() {
    return call.callId();
  }

  /** Whether the caller sent the SDP that announced this section. */
  boolean fromCaller() {
    return fromCaller;
  }

  boolean secure() {
    return secure;
  }

  Direction direction() {
    return direction;
  }

  /** The latest direction that side (caller or callee) announced for this section, or null. */
  @Nullable Direction directionOf(boolean caller) {
    MediaBinding b = call.latest(caller, index);
    return b == null ? null : b.direction;
  }

  /** The encoding name for a payload type: this SDP's, else the static table's. */
  @Nullable String codecName(int payloadType) {
    Codec c = codecs.get(payloadType);
    if (c != null && c.name() != null) {
      return c.name();
    }
    MediaBinding peer = call.latest(!fromCaller, index);
    if (peer != null && peer != this) {
      Codec p = peer.codecs.get(payloadType);
      if (p != null && p.name() != null) {
        return p.name();
      }
    }
    return staticName(payloadType);
  }

  /** The rtpmap clock rate for a payload type, or -1. */
  int sdpClockRate(int payloadType) {
    Codec c = codecs.get(payloadType);
    return c == null ? -1 : c.clockRate();
  }

  static @Nullable String staticName(int payloadType) {
    RtpMap m = io.voipdoc.decode.sdp.Codec.staticPayloadType(payloadType);
    return m == null ? null : m.encoding();
  }

  /** The media of one call as its SDPs announced them, latest per side and section. */
  static final class CallMedia {
    private final String callId;
    private MediaBinding[] caller = new MediaBinding[0];
    private MediaBinding[] callee = new MediaBinding[0];

    CallMedia(String callId) {
      this.callId = callId;
    }

    String callId() {
      return callId;
    }

    void set(MediaBinding b) {
      MediaBinding[] side = b.fromCaller ? caller : callee;
      if (b.index >= side.length) {
        side = java.util.Arrays.copyOf(side, b.index + 1);
        if (b.fromCaller) {
          caller = side;
        } else {
          callee = side;
        }
      }
      side[b.index] = b;
    }

    @Nullable MediaBinding latest(boolean fromCaller, int index) {
      MediaBinding[] side = fromCaller ? caller : callee;
      return index < side.length ? side[index] : null;
    }

    List<MediaBinding> all() {
      List<MediaBinding> out = new java.util.ArrayList<>();
      for (MediaBinding b : caller) {
        if (b != null) {
          out.add(b);
        }
      }
      for (MediaBinding b : callee) {
        if (b != null) {
          out.add(b);
        }
      }
      return out;
    }
  }
}
