package io.voipdoc.decode.stun;

import org.jspecify.annotations.Nullable;

/**
 * One TURN ChannelData frame (RFC 8656 §12.4). The payload is a view into the caller's buffer:
 * {@code payloadOffset} and {@code payloadLength} index the array that was decoded.
 *
 * @param channelNumber the channel, 0x4000..0x4FFF
 * @param declaredLength the Length field: payload bytes as sent
 * @param payloadOffset where the payload starts in the decoded buffer
 * @param payloadLength payload bytes present (less than declared when cut short)
 * @param problem {@link StunProblem#CHANNEL_DATA_TRUNCATED} when the frame is cut short, else null
 */
public record ChannelData(
    int channelNumber,
    int declaredLength,
    int payloadOffset,
    int payloadLength,
    @Nullable StunProblem problem) {}
