package io.voipdoc.decode.sip;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A message body, or one part of a multipart body, as a byte range over the message's bytes. The
 * array is shared with the message and must not be modified; hand {@code data, offset, length} to
 * the decoder of the content type (e.g. the SDP decoder).
 *
 * @param data the message bytes
 * @param offset start of the part's content in {@code data}
 * @param length length of the part's content
 * @param contentType the part's media type, or null when not declared
 */
public record BodyPart(byte[] data, int offset, int length, @Nullable ContentType contentType) {

  /** Whether the part declares {@code application/sdp}. */
  public boolean isSdp() {
    return contentType != null && contentType.is("application", "sdp");
  }

  /** The content as UTF-8 text (allocates). */
  public String text() {
    return new String(data, offset, length, StandardCharsets.UTF_8);
  }
}
