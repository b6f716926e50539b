package io.voipdoc.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on standard error while an input is read: the input, a bar, bytes read of the
 * total, the rate and the time left. It appears only for inputs that take longer than about a
 * second, is redrawn in place at most a few times a second, and is erased when the input is done,
 * so that the report on standard output and a short run stay as they are.
 *
 * <p>The position is the capture reader's: bytes of the uncompressed capture. For a compressed
 * input or standard input the total is not known, and the bar shows bytes and rate only.
 */
final class Progress {
  /** Reports nothing. */
  static final Progress NONE = new Progress();

  /** Time an input must take before the bar appears. */
  private static final long DELAY_NANOS = 1_000_000_000L;
  /** Time between two redraws. */
  private static final long REDRAW_NANOS = 200_000_000L;

  private static final int BAR = 20;
  private static final int NAME = 24;

  private final PrintWriter err;
  private final Messages messages;
  private final boolean enabled;
  private String name = "";
  private long total;
  private long started;
  private long drawn;
  private boolean shown;

  private Progress() {
    this.err = new PrintWriter(PrintWriter.nullWriter());
    this.messages = new Messages(Locale.ENGLISH);
    this.enabled = false;
  }

  /** A progress bar drawn on {@code err}, a terminal. */
  Progress(PrintWriter err, Messages messages) {
    this.err = err;
    this.messages = messages;
    this.enabled = true;
  }

  /** An input starts; {@code total} is its size in bytes as read, or -1 when not known. */
  void start(String input, long total) {
    this.name = Escape.shorten(Escape.terminal(input), NAME);
    this.total = total;
    this.started = System.nanoTime();
    this.drawn = started;
    this.shown = false;
  }

  /** {@code position} bytes of the current input have been read. */
  void update(long position) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - started < DELAY_NANOS || now - drawn < REDRAW_NANOS) {
      return;
    }
    drawn = now;
    shown = true;
    err.print("\r" + line(position, now - started) + "\033[K");
    err.flush();
  }

  /** The current input is done: the bar, if shown, is erased. */
  void done() {
    if (shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }

  /** The text of the bar after {@code elapsedNanos} with {@code position} bytes read. */
  String line(long position, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    double rate = position / seconds;
    if (total <= 0 || position > total) {
      return messages.text("progress.unknown", name, bytes(position), bytes((long) rate));
    }
    int filled = (int) (BAR * position / total);
    String bar = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    long left = rate <= 0 ? 0 : (long) Math.ceil((total - position) / rate);
    return messages.text(
        "progress.line",
        name,
        bar,
        (int) (100 * position / total),
        bytes(position),
        bytes(total),
        bytes((long) rate),
        String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60));
  }

  /** Bytes in the largest unit that keeps the number below 1000: B, kB, MB or GB. */
  private String bytes(long n) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = n;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return u == 0
        ? n + " B"
        : String.format(messages.locale(), "%.1f %s", v, units[u]);
  }
}
