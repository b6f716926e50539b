package io.voipdoc.capture;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Streams the packets of one capture in file order.
 *
 * <p>Readers never throw for damaged content: damage is reported to the {@link AnomalyLog} given
 * when the reader was opened, and reading goes on where the format allows it (or ends early where
 * it does not). {@link IOException} means the underlying input failed.
 */
public interface CaptureReader extends Closeable {

  /** The file format. */
  CaptureFormat format();

  /**
   * Fills {@code frame} with the next packet and returns true, or returns false at the end of the
   * capture (or at damage that makes the rest unreadable).
   */
  boolean next(Frame frame) throws IOException;

  /** Link types of the interfaces seen so far, in order of first appearance, without repeats. */
  List<Integer> linkTypes();

  /** Bytes of the (uncompressed) input consumed so far. */
  long position();
}
