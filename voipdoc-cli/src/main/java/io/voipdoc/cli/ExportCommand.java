package io.voipdoc.cli;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.FrameRef;
import io.voipdoc.capture.PcapngWriter;
import io.voipdoc.capture.UnreadableCaptureException;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.correlate.media.ConnectivityCheck;
import io.voipdoc.correlate.media.RtpStream;
import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Dialog;
import io.voipdoc.correlate.sip.MediaAddress;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketDecoder;
import io.voipdoc.decode.PacketListener;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voipdoc export CAPTURE... --call ID -o OUT.pcapng}: the frames of one call, signalling
 * and media, from all inputs into one pcapng file to hand on or open in Wireshark.
 *
 * <p>Two passes. The first runs the whole pipeline to find the call, its SIP frames (every leg)
 * and its media endpoints: the ends of its RTP streams, of its ICE checks, and the addresses its
 * SDP offered. The second re-reads the inputs and copies every frame found in the first pass plus
 * every UDP datagram to or from a media endpoint during the call, so RTCP, STUN, DTLS and RTP that
 * the first pass did not tie to the call come along. Frames keep their inputs' order.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Writes the frames of one call (SIP of all legs, RTP, RTCP, STUN, DTLS) to a pcapng file.")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "CAPTURE", description = "captures, directories, or -")
  List<String> captures = new ArrayList<>();

  @Option(
      names = "--call",
      required = true,
      paramLabel = "ID",
      description = "the call: Call-ID of any leg, or its number in 'voipdoc calls'")
  String call = "";

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the pcapng file to write")
  Path output = Path.of("");

  @Mixin LanguageOption language = new LanguageOption();

  /** A UDP address and port of the call's media. */
  private record MediaEnd(InetAddress address, int port) {}

  /**
   * What to copy: frame numbers per input name, and the call's media endpoints in a time span.
   */
  private static final class Selection {
    final Map<String, Set<Long>> frames = new HashMap<>();
    final Set<MediaEnd> media = new HashSet<>();
    long fromNanos;
    long toNanos;

    void frame(FrameRef ref) {
      frames.computeIfAbsent(ref.input(), k -> new HashSet<>()).add(ref.number());
      fromNanos = Math.min(fromNanos, ref.timestampNanos());
      toNanos = Math.max(toNanos, ref.timestampNanos());
    }

    void media(Endpoint e) {
      media.add(new MediaEnd(e.address(), e.port()));
    }
  }

  @Override
  public Integer call() throws IOException {
    Messages messages = language.messages();
    IncidentCorrelator correlator = new IncidentCorrelator();
    Pipeline.Result result = Pipeline.run(captures, correlator, messages);
    Incident incident = correlator.finish();
    PrintWriter err = spec.commandLine().getErr();
    Call found = find(incident, call);
    if (found == null) {
      err.println("voipdoc: " + messages.text("export.unknown_call", call));
      int code = CallsCommand.finish(result, err);
      return code == ExitCode.OK ? ExitCode.USAGE : code;
    }
    Selection selection = select(incident, found);
    long written;
    try (PcapngWriter writer =
        new PcapngWriter(new BufferedOutputStream(Files.newOutputStream(output)))) {
      for (String arg : captures) {
        copy(arg, selection, writer);
      }
      written = writer.frames();
    }
    err.println("voipdoc: " + messages.text("export.wrote", written, call, output.toString()));
    return CallsCommand.finish(result, err);
  }

  /** The call with this Call-ID on any leg, or with this number in {@code voipdoc calls}. */
  static @Nullable Call find(Incident incident, String id) {
    for (Call c : incident.calls()) {
      if (c.callIds().contains(id) || String.valueOf(c.index()).equals(id)) {
        return c;
      }
    }
    return null;
  }

  private static Selection select(Incident incident, Call c) {
    Selection s = new Selection();
    s.fromNanos = c.startNanos();
    s.toNanos = c.lastActivityNanos();
    for (CallLeg leg : c.legs()) {
      leg.frames().forEach(s::frame);
      for (Dialog d : leg.dialogs()) {
        addSdp(s, d.callerMedia());
        addSdp(s, d.calleeMedia());
      }
    }
    for (RtpStream stream : incident.streamsOf(c)) {
      s.media(stream.source());
      s.media(stream.destination());
      s.frame(stream.firstFrame());
      s.frame(stream.lastFrame());
    }
    for (ConnectivityCheck check : incident.checks()) {
      if (check.callId() != null && c.callIds().contains(check.callId())) {
        s.media(check.source());
        s.media(check.destination());
        check.sightings().forEach(s::frame);
      }
    }
    return s;
  }

  private static void addSdp(Selection s, List<MediaAddress> media) {
    for (MediaAddress m : media) {
      // port 0 is a rejected or disabled stream (RFC 3264 section 6): no media flows there
      if (m.port() == 0) {
        continue;
      }
      try {
        // only literal addresses: a host name in SDP must not cause a DNS lookup here
        if (m.address().chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == '.' || ch == ':')) {
          s.media.add(new MediaEnd(InetAddress.getByName(m.address()), m.port()));
        }
      } catch (UnknownHostException e) {
        // not a valid literal address: nothing to match
      }
    }
  }

  /** Pass 2 over one argument: writes its selected frames; unreadable inputs were reported. */
  private static void copy(String arg, Selection selection, PcapngWriter writer)
      throws IOException {
    List<CaptureInput> inputs;
    try {
      inputs = CaptureInput.expand(List.of(arg));
    } catch (UnreadableCaptureException e) {
      return;
    }
    for (CaptureInput input : inputs) {
      Set<Long> numbers = selection.frames.getOrDefault(input.name(), Set.of());
      AnomalyLog anomalies = new AnomalyLog();
      MediaMatch match = new MediaMatch(selection);
      PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, match, anomalies);
      try (CaptureReader reader = Captures.open(input, anomalies)) {
        Frame frame = new Frame();
        while (reader.next(frame)) {
          match.matched = false;
          decoder.decode(frame);
          if (match.matched || numbers.contains(frame.number)) {
            writer.write(frame);
          }
        }
      } catch (UnreadableCaptureException e) {
        // already reported by the first pass
      }
    }
  }

  /** Marks a frame whose UDP datagram goes to or from one of the call's media endpoints. */
  private static final class MediaMatch implements PacketListener {
    private final Selection selection;
    boolean matched;

    MediaMatch(Selection selection) {
      this.selection = selection;
    }

    @Override
    public void onDatagram(Packet packet) {
      long t = packet.frame.timestampNanos;
      if (selection.media.isEmpty() || t < selection.fromNanos || t > selection.toNanos) {
        return;
      }
      // |=: a tunnelled frame can carry more than one datagram
      matched |=
          selection.media.contains(new MediaEnd(packet.srcAddress(), packet.srcPort))
              || selection.media.contains(new MediaEnd(packet.dstAddress(), packet.dstPort));
    }
  }
}
