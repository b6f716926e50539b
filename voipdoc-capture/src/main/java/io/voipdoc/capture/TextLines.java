package io.voipdoc.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a text input line by line with bounded memory: a line longer than the limit is cut (its
 * end is skipped, not buffered), and bytes that are not UTF-8 are replaced rather than rejected, so
 * a damaged log still yields its readable lines. Ends of line are LF, CRLF or CR.
 *
 * <p>An input that is not text at all (NUL bytes in its first block, as in a capture or an
 * archive) is refused with {@link UnreadableCaptureException.Reason#NOT_A_CAPTURE}-style reasons
 * so that callers can report it in one line.
 */
public final class TextLines implements Closeable {
  /** Default longest line kept, in bytes; longer lines are cut. */
  public static final int DEFAULT_MAX_LINE_BYTES = 8192;

  private static final int PROBE_BYTES = 4096;

  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long number;
  private boolean pendingLf;

  private TextLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Opens a text file.
   *
   * @throws UnreadableCaptureException when it is missing, unreadable, empty, or binary
   */
  public static TextLines open(Path path, int maxLineBytes) throws UnreadableCaptureException {
    String name = path.toString();
    if (!Files.exists(path)) {
      throw new UnreadableCaptureException(name, UnreadableCaptureException.Reason.MISSING, "");
    }
    if (Files.isDirectory(path)) {
      throw new UnreadableCaptureException(name, UnreadableCaptureException.Reason.NOT_READABLE, "directory");
    }
    try {
      // FileInputStream rather than Files.newInputStream: its available() works on pipes too
      InputStream in = new BufferedInputStream(new FileInputStream(path.toFile()), 65536);
      in.mark(PROBE_BYTES);
      byte[] probe = in.readNBytes(PROBE_BYTES);
      in.reset();
      if (probe.length == 0) {
        in.close();
        throw new UnreadableCaptureException(name, UnreadableCaptureException.Reason.EMPTY, "");
      }
      for (byte b : probe) {
        if (b == 0) {
          in.close();
          throw new UnreadableCaptureException(name, UnreadableCaptureException.Reason.NOT_A_CAPTURE, "binary, not text");
        }
      }
      return new TextLines(in, maxLineBytes);
    } catch (FileNotFoundException e) {
      // also thrown for files that exist but cannot be opened
      throw new UnreadableCaptureException(name, UnreadableCaptureException.Reason.NOT_READABLE, String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new UnreadableCaptureException(name, UnreadableCaptureException.Reason.NOT_READABLE, String.valueOf(e.getMessage()));
    }
  }

  /** Reads lines from a stream the caller opened (for tests and stdin). */
  public static TextLines of(InputStream in, int maxLineBytes) {
    return new TextLines(new BufferedInputStream(in, 65536), maxLineBytes);
  }

  /** The next line, or null at the end of the input. */
  public @Nullable TextLine next() throws IOException {
    line.reset();
    boolean cut = false;
    boolean any = false;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (!any) {
          return null;
        }
        break;
      }
      if (pendingLf) {
        pendingLf = false;
        if (b == '\n') {
          continue;
        }
      }
      any = true;
      if (b == '\n') {
        break;
      }
      if (b == '\r') {
        pendingLf = true;
        break;
      }
      if (line.size() < maxLineBytes) {
        line.write(b);
      } else {
        cut = true;
      }
    }
    number++;
    byte[] bytes = cut ? completeCharacters(line.toByteArray()) : line.toByteArray();
    String text;
    boolean invalid = false;
    CharsetDecoder strict =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      invalid = true;
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    return new TextLine(number, text, cut, invalid);
  }

  /** Drops a multi-byte UTF-8 character that the cut split, so the cut alone is not bad encoding. */
  private static byte[] completeCharacters(byte[] bytes) {
    int end = bytes.length;
    int i = end - 1;
    while (i >= 0 && end - i <= 4 && (bytes[i] & 0xC0) == 0x80) {
      i--;
    }
    if (i >= 0 && (bytes[i] & 0x80) != 0) {
      int lead = bytes[i] & 0xFF;
      int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (end - i < need) {
        end = i;
      }
    }
    return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
