package io.voipdoc.diagnose.rules.capture;

import io.voipdoc.correlate.SdpSeen;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.InputSeen;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.SipEvent;
import io.voipdoc.decode.sdp.MediaDescription;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.rules.nat.Addresses;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CAPTURE_LOOPBACK_MISSING: a call controller runs on the same host as its peer (a UC server, a
 * PBX), so one leg of the call, or its media, runs over the loopback interface, but the capture
 * was taken on the network interface only and holds none of it.
 *
 * <p>Signature: in one input without a single packet from or to 127.0.0.0/8 or ::1, an answered
 * call whose SDP announces media on a loopback address, or whose 2xx to the INVITE gives a
 * loopback Contact (so the ACK, the BYE and the media go over loopback). Requests alone are not
 * enough: scanners and some phones write 127.0.0.1 into their Via and Contact. Warning. The
 * fixture is built with the test kit, because no lab host runs a local call controller.
 */
@RuleSpec(id = "CAPTURE_LOOPBACK_MISSING", severity = Severity.WARNING)
public final class CaptureLoopbackMissing implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    Map<String, InputSeen> inputs = new HashMap<>();
    for (InputSeen in : incident.inputs()) {
      inputs.put(in.input(), in);
    }
    Set<String> reported = new HashSet<>();
    for (Call call : incident.calls()) {
      CallLeg leg = call.answeredLeg();
      if (leg == null) {
        continue;
      }
      Sign sign = sign(leg);
      if (sign == null) {
        continue;
      }
      String input = sign.frame.input();
      InputSeen in = inputs.get(input);
      if (in == null || in.loopbackPackets() > 0 || !reported.add(input)) {
        continue;
      }
      out.add(this, "input " + input)
          .title(input, sign.address)
          .evidence(sign.frame, sign.key, Addresses.frameFilter(sign.frame.number()), sign.address)
          .evidence(null, "no_loopback", "ip.addr == 127.0.0.0/8 || ipv6.addr == ::1", input)
          .advice("capture_loopback")
          .advice("read_with_care")
          .done();
    }
  }

  /** Where the call names loopback, and how. */
  private record Sign(io.voipdoc.capture.FrameRef frame, String key, String address) {}

  private static @Nullable Sign sign(CallLeg leg) {
    for (Dialog d : leg.dialogs()) {
      for (SdpSeen seen : d.sdp()) {
        for (MediaDescription m : seen.sdp().media()) {
          String a = m.effectiveAddress();
          if (a != null && m.port() != 0 && loopback(a)) {
            return new Sign(seen.frame(), "sdp_media", a + ":" + m.port());
          }
        }
      }
    }
    SipEvent ok = leg.answer();
    String host = ok == null ? null : host(ok.contact());
    if (ok != null && host != null && loopback(host)) {
      return new Sign(ok.frame(), "contact", ok.contact());
    }
    return null;
  }

  /** The host of a SIP URI as written: {@code sip:user@host:port;params}. */
  static @Nullable String host(@Nullable String uri) {
    if (uri == null) {
      return null;
    }
    int start = uri.indexOf('@') + 1;
    if (start == 0) {
      start = uri.indexOf(':') + 1;
    }
    String rest = uri.substring(start);
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      return close < 0 ? null : rest.substring(1, close);
    }
    int end = rest.length();
    for (char c : new char[] {':', ';', '>', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }

  /** 127.0.0.0/8, ::1 or the name localhost, as written. */
  static boolean loopback(String address) {
    return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1")
        || address.equalsIgnoreCase("localhost");
  }
}
