package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.InputSeen;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.nat.Addresses;

/**
 * CAPTURE_SNAPLEN_CUT: the capture kept only the first bytes of SIP packets (its snapshot length,
 * "snaplen", was smaller than the packets), so headers and SDP bodies are missing and every finding
 * that reads them may be wrong or absent.
 *
 * <p>Signature: SIP messages in frames whose captured length is less than their original length
 * (pcap/pcapng record header). Warning: the calls may be fine, but the diagnosis cannot be trusted.
 * Tool-made fixture: {@code editcap -s 200} on a lab capture.
 */
@RuleSpec(id = "CAPTURE_SNAPLEN_CUT", severity = Severity.WARNING)
public final class CaptureSnaplenCut implements Rule {
  /** Example frames shown as evidence per input. */
  static final int EXAMPLES = 3;

  @Override
  public void judge(Incident incident, Findings out) {
    for (InputSeen in : incident.inputs()) {
      if (in.truncatedSip() == 0) {
        continue;
      }
      Findings.Builder f = out.add(this, "input " + in.input())
          .title(in.input(), in.truncatedSip(), in.sipMessages());
      for (int i = 0; i < in.truncatedSipFrames().size() && i < EXAMPLES; i++) {
        InputSeen.Cut cut = in.truncatedSipFrames().get(i);
        FrameRef frame = cut.frame();
        f.evidence(frame, "cut", Addresses.frameFilter(frame.number()), cut.capturedLength(), cut.originalLength());
      }
      f.evidence(null, "count", "sip && frame.cap_len < frame.len", in.truncatedSip(), in.sipMessages())
          .advice("capture_full")
          .advice("read_with_care")
          .done();
    }
  }
}
