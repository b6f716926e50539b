package io.voipdoc.decode.tunnel;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;

/**
 * Cuts one direction of a HEP-over-TCP connection into HEP3 messages, each "HEP3" followed by
 * its 16-bit total length. One instance per stream direction.
 *
 * <p>The buffer grows with the bytes actually held and never beyond {@link #MAX_BUFFER}: a HEP3
 * length field cannot describe more than 65535 bytes, so a complete message always fits. After
 * a gap, or bytes that do not start a message, the framer skips to the next "HEP3" and reports
 * how much it skipped.
 */
public final class HepStreamFramer {
  /** Largest buffer: one message of the largest length HEP3 can state, plus one byte. */
  public static final int MAX_BUFFER = 65536;

  private static final int INITIAL_BUFFER = 2048;

  /** Receives the complete messages; the bytes are valid only during the call. */
  @FunctionalInterface
  public interface Handler {
    void onMessage(byte[] data, int offset, int length);
  }

  private byte[] buffer = new byte[0];
  private int used;
  private long skipped;

  /**
   * Appends stream bytes and hands every message they complete to {@code handler}, in order.
   * {@code frame} names the segment for anomalies.
   */
  public void append(
      byte[] data, int off, int len, Handler handler, Frame frame, AnomalyLog anomalies) {
    while (len > 0) {
      int n = Math.min(len, MAX_BUFFER - used);
      ensure(used + n);
      System.arraycopy(data, off, buffer, used, n);
      used += n;
      off += n;
      len -= n;
      drain(handler, frame, anomalies);
    }
  }

  /** Bytes were lost from the stream: what is buffered can no longer be framed. */
  public void gap() {
    skipped += used;
    used = 0;
  }

  /** Bytes held waiting for the rest of a message. */
  public int buffered() {
    return used;
  }

  private void drain(Handler handler, Frame frame, AnomalyLog anomalies) {
    int p = 0;
    while (used - p >= HepDecoder.V3_HEADER) {
      int total = GreDecoder.u16(buffer, p + 4);
      if (!HepDecoder.isHep3(buffer, p, used - p) || total < HepDecoder.V3_HEADER) {
        p++;
        skipped++;
        continue;
      }
      if (used - p < total) {
        break;
      }
      reportSkipped(frame, anomalies);
      handler.onMessage(buffer, p, total);
      p += total;
    }
    if (p > 0) {
      System.arraycopy(buffer, p, buffer, 0, used - p);
      used -= p;
    }
  }

  private void reportSkipped(Frame frame, AnomalyLog anomalies) {
    if (skipped > 0) {
      HepProblem.STREAM_BYTES_SKIPPED.report(anomalies, frame, "skipped=" + skipped);
      skipped = 0;
    }
  }

  private void ensure(int size) {
    if (size > buffer.length) {
      int grown = Math.max(INITIAL_BUFFER, buffer.length);
      while (grown < size) {
        grown *= 2;
      }
      buffer = java.util.Arrays.copyOf(buffer, Math.min(grown, MAX_BUFFER));
    }
  }
}
