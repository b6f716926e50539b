package io.voipdoc.decode.sdp;

/**
 * Limits of {@link SdpDecoder}. Input beyond a limit is ignored and reported, never rejected.
 *
 * <table>
 *   <caption>Limits and defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>on excess</th></tr>
 *   <tr><td>{@code maxLineLength}</td><td>{@value #DEFAULT_MAX_LINE_LENGTH}</td>
 *       <td>{@code sdp.line_too_long}; the line is skipped</td></tr>
 *   <tr><td>{@code maxMediaSections}</td><td>{@value #DEFAULT_MAX_MEDIA_SECTIONS}</td>
 *       <td>{@code sdp.limit_exceeded}; later sections are skipped</td></tr>
 *   <tr><td>{@code maxAttributes}</td><td>{@value #DEFAULT_MAX_ATTRIBUTES}</td>
 *       <td>{@code sdp.limit_exceeded}; later a= lines are skipped (counted over the whole
 *       description)</td></tr>
 * </table>
 *
 * @param maxLineLength longest line read, in bytes
 * @param maxMediaSections most m= sections read
 * @param maxAttributes most a= lines read in the whole description
 */
public record SdpDecoderConfig(int maxLineLength, int maxMediaSections, int maxAttributes) {
  /** Far above real lines; long fmtp and fingerprint lines stay under 300 bytes. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 4096;
  /** WebRTC conferences bundle a few dozen sections at most. */
  public static final int DEFAULT_MAX_MEDIA_SECTIONS = 64;
  /** Covers many candidates per section (about 20 attributes per section are usual). */
  public static final int DEFAULT_MAX_ATTRIBUTES = 2048;

  /** The defaults above. */
  public static final SdpDecoderConfig DEFAULT =
      new SdpDecoderConfig(
          DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_MEDIA_SECTIONS, DEFAULT_MAX_ATTRIBUTES);
}
