package io.voipdoc.cli;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.UnreadableCaptureException;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.PacketDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Runs the inputs of an analysis command through the capture and decode stages in one streaming
 * pass and feeds every recognised message to one listener (the correlation stage).
 *
 * <p>Several inputs are usually captures of the same incident taken at several points, so their
 * frames are merged by capture time, as mergecap does: each input keeps its own reader and decoder
 * (TCP and fragment state belong to one capture point) and one pending frame, and the input whose
 * pending frame is earliest goes next (on equal times, the input given first). Every frame keeps
 * its input name and frame number. Memory is one pending frame per input, whatever the sizes.
 */
final class Pipeline {
  /** Frames between two looks at the clock for the progress bar. */
  private static final int PROGRESS_FRAMES = 1024;

  private Pipeline() {}

  /**
   * What a run read: the damage found per readable input, and the inputs that could not be read.
   *
   * @param anomalies one log per readable input, in input order
   * @param unreadable inputs that could not be read at all
   */
  record Result(List<InputAnomalies> anomalies, List<InputSummary.Unreadable> unreadable) {}

  /**
   * The damage found in one input.
   *
   * @param input the input as given
   * @param log its anomalies
   */
  record InputAnomalies(String input, AnomalyLog log) {}

  /** One open input: its reader, its decoder and its pending frame. */
  private static final class Source {
    final int order;
    final String name;
    final AnomalyLog anomalies = new AnomalyLog();
    final CaptureReader reader;
    final PacketDecoder decoder;
    final Frame frame = new Frame();

    Source(int order, CaptureInput input, MessageListener listener)
        throws UnreadableCaptureException, IOException {
      this.order = order;
      this.name = input.name();
      this.reader = Captures.open(input, anomalies);
      this.decoder =
          new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(listener, anomalies), anomalies);
    }
  }

  static Result run(List<String> args, MessageListener listener, Messages messages)
      throws IOException {
    return run(args, listener, messages, Progress.NONE);
  }

  /** Runs the inputs, reporting how far each has been read to {@code progress}. */
  static Result run(
      List<String> args, MessageListener listener, Messages messages, Progress progress)
      throws IOException {
    List<InputSummary.Unreadable> unreadable = new ArrayList<>();
    List<CaptureInput> inputs = new ArrayList<>();
    for (String arg : args) {
      try {
        inputs.addAll(CaptureInput.expand(List.of(arg)));
      } catch (UnreadableCaptureException e) {
        unreadable.add(InfoCommand.unreadable(e, messages));
      }
    }
    List<Source> open = new ArrayList<>();
    PriorityQueue<Source> next =
        new PriorityQueue<>(
            Comparator.<Source>comparingLong(s -> s.frame.timestampNanos)
                .thenComparingInt(s -> s.order));
    try {
      for (CaptureInput input : inputs) {
        try {
          Source source = new Source(open.size(), input, listener);
          open.add(source);
          advance(source, next);
        } catch (UnreadableCaptureException e) {
          unreadable.add(InfoCommand.unreadable(e, messages));
        }
      }
      listener.onInputs(open.size());
      progress.start(label(open, messages), totalSize(inputs));
      int frames = 0;
      try {
        while (!next.isEmpty()) {
          Source s = next.poll();
          s.decoder.decode(s.frame);
          advance(s, next);
          if (++frames % PROGRESS_FRAMES == 0) {
            progress.update(position(open));
          }
        }
      } finally {
        // an error message after a failed read must not land behind a half-drawn bar
        progress.done();
      }
      List<InputAnomalies> logs = new ArrayList<>();
      for (Source s : open) {
        logs.add(new InputAnomalies(s.name, s.anomalies));
      }
      return new Result(logs, unreadable);
    } finally {
      for (Source s : open) {
        s.reader.close();
      }
    }
  }

  /** What the progress bar names: the input, or how many are read together. */
  private static String label(List<Source> open, Messages messages) {
    return open.size() == 1 ? open.get(0).name : messages.text("progress.inputs", open.size());
  }

  /** The bytes of all inputs together, or -1 when the size of any is not known in advance. */
  private static long totalSize(List<CaptureInput> inputs) {
    long total = 0;
    for (CaptureInput input : inputs) {
      long size = Captures.plainSize(input);
      if (size < 0) {
        return -1;
      }
      total += size;
    }
    return total;
  }

  private static long position(List<Source> open) {
    long read = 0;
    for (Source s : open) {
      read += s.reader.position();
    }
    return read;
  }

  /**
   * Reads the input's next frame into its pending slot and queues it, or ends the input's decoding
   * (so what its reassembly still holds comes out at the input's own end of time).
   */
  private static void advance(Source s, PriorityQueue<Source> next) throws IOException {
    if (s.reader.next(s.frame)) {
      next.add(s);
    } else {
      s.decoder.finish();
    }
  }
}
