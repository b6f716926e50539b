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
import java.util.List;

/**
 * Runs the inputs of an analysis command through the capture and decode stages, one streaming
 * pass per input in the order given, and feeds every recognised message to one listener (the
 * correlation stage).
 */
final class Pipeline {
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

  static Result run(List<String> args, MessageListener listener, Messages messages)
      throws IOException {
    List<InputAnomalies> logs = new ArrayList<>();
    List<InputSummary.Unreadable> unreadable = new ArrayList<>();
    List<CaptureInput> inputs = new ArrayList<>();
    for (String arg : args) {
      try {
        inputs.addAll(CaptureInput.expand(List.of(arg)));
      } catch (UnreadableCaptureException e) {
        unreadable.add(InfoCommand.unreadable(e, messages));
      }
    }
    for (CaptureInput input : inputs) {
      AnomalyLog anomalies = new AnomalyLog();
      PacketDecoder decoder =
          new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(listener, anomalies), anomalies);
      try (CaptureReader reader = Captures.open(input, anomalies)) {
        Frame frame = new Frame();
        while (reader.next(frame)) {
          decoder.decode(frame);
        }
        decoder.finish();
        logs.add(new InputAnomalies(input.name(), anomalies));
      } catch (UnreadableCaptureException e) {
        unreadable.add(InfoCommand.unreadable(e, messages));
      }
    }
    return new Result(logs, unreadable);
  }
}
