package io.voipdoc.cli;

import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.correlate.media.RtpStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voipdoc streams CAPTURE...}: the RTP streams of the captures with loss and jitter, like
 * Wireshark's RTP Streams window, as text or JSON.
 */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = "Lists the RTP streams of captures with packets, loss, delta and jitter.")
final class StreamsCommand implements Callable<Integer> {


  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "CAPTURE",
      description = "pcap or pcapng files (optionally gzip-compressed), directories, or - for stdin")
  List<String> captures = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE})")
  OutputFormat format = OutputFormat.text;

  @Mixin LanguageOption language = new LanguageOption();

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    OutputFormat.require(spec, messages, format, OutputFormat.text, OutputFormat.json);
    IncidentCorrelator correlator = new IncidentCorrelator();
    Pipeline.Result result = Pipeline.run(captures, correlator, messages);
    List<RtpStream> streams = correlator.finish().streams();
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (RtpStream s : streams) {
        rows.add(json(s));
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("streams", rows);
      doc.put("unreadable", result.unreadable());
      OutputFormat.writeJson(out, doc);
    } else {
      StreamsText.render(streams, messages, out);
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (InputSummary.Unreadable u : result.unreadable()) {
      err.println("voipdoc: " + u.message());
    }
    return result.unreadable().isEmpty() ? ExitCode.OK : ExitCode.UNREADABLE_INPUT;
  }

  /** The JSON object of one stream; {@code analyze} reports the same. */
  static Map<String, Object> json(RtpStream s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ssrc", s.ssrcHex());
    m.put("src", s.source().hostPort());
    m.put("dst", s.destination().hostPort());
    m.put("payloadType", s.payloadType());
    m.put("codec", s.codec());
    m.put("clockRate", s.clockRate());
    m.put("firstFrame", s.firstFrame().number());
    m.put("lastFrame", s.lastFrame().number());
    m.put("input", s.firstFrame().input());
    m.put("start", s.firstFrame().instant().toString());
    m.put("durationSeconds", s.durationSeconds());
    m.put("packets", s.packets());
    m.put("bytes", s.bytes());
    m.put("expected", s.expected());
    m.put("lost", s.lost());
    m.put("lostPercent", s.lostPercent());
    m.put("sequenceErrors", s.sequenceErrors());
    m.put("duplicates", s.duplicates());
    m.put("maxDeltaMs", s.maxDeltaMs());
    m.put("maxJitterMs", s.maxJitterMs());
    m.put("meanJitterMs", s.meanJitterMs());
    m.put("markers", s.markers());
    m.put("comfortNoisePackets", s.comfortNoisePackets());
    m.put("dscp", s.dscpValues());
    m.put("srtp", s.srtp());
    m.put("callId", s.callId());
    m.put("announced", s.announced());
    var mos = s.mosEstimate();
    Map<String, Object> estimate = new LinkedHashMap<>();
    estimate.put("mos", mos.mos());
    estimate.put("rFactor", mos.rFactor());
    estimate.put("ie", mos.ie());
    estimate.put("bpl", mos.bpl());
    estimate.put("approximated", mos.approximated());
    estimate.put("lossPercent", mos.lossPercent());
    estimate.put("oneWayDelayMs", mos.oneWayDelayMs());
    estimate.put("delayFromRtcp", mos.delayFromRtcp());
    m.put("mosEstimate", estimate);
    return m;
  }
}
