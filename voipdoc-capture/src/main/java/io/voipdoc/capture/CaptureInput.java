package io.voipdoc.capture;

import io.voipdoc.capture.UnreadableCaptureException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * One input to read: a file, or standard input.
 *
 * @param name the argument as given, or {@code -} for standard input; used as the display name
 * @param path the file, or null for standard input
 */
public record CaptureInput(String name, @Nullable Path path) {

  /** The argument that means standard input. */
  public static final String STANDARD_INPUT = "-";

  /**
   * Turns command-line arguments into inputs, in order: a file is taken as given (its content is
   * checked when it is opened); a directory stands for every capture below it, recursively, sorted
   * by path, where a capture is a file that starts with a pcap or pcapng magic, or a gzip file
   * whose decompressed content does; {@code -} is standard input.
   *
   * @throws UnreadableCaptureException {@link Reason#MISSING} for a path that does not exist,
   *     {@link Reason#NOT_READABLE} for a directory that cannot be listed
   */
  public static List<CaptureInput> expand(List<String> args) throws UnreadableCaptureException {
    List<CaptureInput> inputs = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals(STANDARD_INPUT)) {
        inputs.add(new CaptureInput(STANDARD_INPUT, null));
        continue;
      }
      Path path = Path.of(arg);
      if (!Files.exists(path)) {
        throw new UnreadableCaptureException(arg, Reason.MISSING, "");
      }
      if (!Files.isDirectory(path)) {
        inputs.add(new CaptureInput(arg, path));
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new UnreadableCaptureException(arg, Reason.NOT_READABLE, "directory listing failed");
      }
      for (Path file : files) {
        if (isCapture(file)) {
          inputs.add(new CaptureInput(file.toString(), file));
        }
      }
    }
    return inputs;
  }

  /**
   * Whether a file in a directory is a capture. A file that cannot be read is kept, so that
   * opening it reports why instead of it vanishing silently.
   */
  private static boolean isCapture(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = Captures.readHead(Channels.newChannel(in));
    } catch (IOException e) {
      return true;
    }
    if (!Captures.isGzip(head)) {
      return Captures.isReadableMagic(head);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return Captures.isReadableMagic(Captures.readHead(Channels.newChannel(in)));
    } catch (IOException e) {
      // damaged compression: not recognisable as a capture
      return false;
    }
  }
}
