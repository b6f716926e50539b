package io.voipdoc.correlate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.incident.IncidentCorrelator;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.PacketDecoder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Logs placed beside the lab's acl-rejected-403 capture (kamailio refuses bob's INVITE, frame 10 is
 * the 403 at 12:55:38.549 UTC), acl-candidates-488 (frame 11 is the 488) and tls-wrong-certificate
 * (three TLS connections from 203.0.113.20 that the client aborts; kamailio's own log of them).
 */
class LogTimelineTest {
  private static final long SECOND = 1_000_000_000L;

  private static Incident incident(String scenario) throws Exception {
    Path capture = Path.of(System.getProperty("voipdoc.root", "..")).resolve("lab").resolve(scenario).resolve("pbx.pcapng");
    IncidentCorrelator correlator = new IncidentCorrelator();
    AnomalyLog anomalies = new AnomalyLog();
    PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, new Dissector(correlator, anomalies), anomalies);
    try (CaptureReader reader = Captures.open(new CaptureInput(capture.toString(), capture), anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
      }
    }
    decoder.finish();
    return correlator.finish();
  }

  private static FrameRef forbidden(Incident incident) {
    return incident.calls().get(0).firstLeg().setupAttempts().get(0).finalResponse().frame();
  }

  private static LogFile log(LocalDateTime written, String address, LogEventKind kind, int port) {
    LogEvent e = new LogEvent(kind, written, address, port, "group1", "WARNING");
    return new LogFile("controller.log", "freeswitch", 3, List.of(new LogFile.Entry(2, "the line", e)), Map.of());
  }

  @Test
  void offsetOfALogOneHourBehindIsEstimated() throws Exception {
    Incident incident = incident("acl-rejected-403");
    FrameRef f = forbidden(incident);
    LocalDateTime local = LocalDateTime.of(2026, 11, 25, 11, 55, 38, 549_000_000);
    LogTimeline t = LogTimeline.place(List.of(log(local, "203.0.113.20", LogEventKind.ACL_REJECTED, -1)), Map.of(), incident);
    ClockOffset o = t.logs().get(0).offset();
    assertEquals(ClockOffset.Source.ESTIMATED, o.source());
    assertEquals(1, o.sharedEvents());
    assertEquals(f.timestampNanos(), LogTimeline.nanos(local) + o.nanos());
    LogTimeline.Placed p = t.events().get(0);
    assertEquals(f.timestampNanos(), p.timeNanos());
    assertEquals(new LogLine("controller.log", 2, f.instant(), "the line"), p.line());
    assertEquals(List.of(p), t.near(LogEventKind.ACL_REJECTED, "203.0.113.20", -1, f.timestampNanos() + SECOND));
    assertEquals(List.of(), t.near(LogEventKind.ACL_REJECTED, "203.0.113.20", -1, f.timestampNanos() + 3 * SECOND));
    assertEquals(List.of(), t.near(LogEventKind.ACL_REJECTED, "203.0.113.30", -1, f.timestampNanos()));
  }

  @Test
  void givenOffsetIsUsedAsGiven() throws Exception {
    Incident incident = incident("acl-rejected-403");
    FrameRef f = forbidden(incident);
    LocalDateTime local = LocalDateTime.of(2026, 11, 25, 11, 55, 38, 549_000_000);
    LogTimeline t = LogTimeline.place(List.of(log(local, "203.0.113.20", LogEventKind.ACL_REJECTED, -1)),
        Map.of("controller.log", 3600 * SECOND), incident);
    assertEquals(new ClockOffset(3600 * SECOND, ClockOffset.Source.GIVEN, 1), t.logs().get(0).offset());
    assertTrue(Math.abs(t.events().get(0).timeNanos() - f.timestampNanos()) < SECOND / 100);
  }

  @Test
  void noSharedEventLeavesTimesAsWritten() throws Exception {
    Incident incident = incident("acl-rejected-403");
    LocalDateTime local = LocalDateTime.of(2026, 11, 25, 11, 55, 38);
    LogTimeline t = LogTimeline.place(List.of(log(local, "192.0.2.99", LogEventKind.ACL_REJECTED, -1)), Map.of(), incident);
    assertEquals(new ClockOffset(0, ClockOffset.Source.NONE, 0), t.logs().get(0).offset());
    assertEquals(LogTimeline.nanos(local), t.events().get(0).timeNanos());
  }

  @Test
  void aLogFromAnotherDayIsNotMatched() throws Exception {
    Incident incident = incident("acl-rejected-403");
    LocalDateTime local = LocalDateTime.of(2026, 11, 20, 12, 55, 38);
    LogTimeline t = LogTimeline.place(List.of(log(local, "203.0.113.20", LogEventKind.ACL_REJECTED, -1)), Map.of(), incident);
    assertEquals(ClockOffset.Source.NONE, t.logs().get(0).offset().source());
  }

  @Test
  void rejectedCandidatesMeetTheInviteThatOfferedThem() throws Exception {
    Incident incident = incident("acl-candidates-488");
    LogFile f = LogReader.read(Path.of("..", "lab", "acl-candidates-488", "kamailio.log"), LocalDate.of(2026, 11, 25));
    LogTimeline t = LogTimeline.place(List.of(f), Map.of(), incident);
    ClockOffset o = t.logs().get(0).offset();
    assertEquals(ClockOffset.Source.ESTIMATED, o.source());
    assertEquals(4, o.sharedEvents());
    // the controller wrote the lines while answering: within 10 ms of its 488
    assertTrue(Math.abs(o.nanos()) < SECOND / 100, "offset " + o.nanos());
    assertEquals(2, t.near(LogEventKind.CANDIDATE_REJECTED, "203.0.113.11", -1, forbidden(incident).timestampNanos()).size());
  }

  private static LogFile tlsLog() throws Exception {
    return LogReader.read(Path.of("..", "lab", "tls-wrong-certificate", "kamailio.log"), LocalDate.of(2026, 11, 25));
  }

  @Test
  void kamailiosTlsFailuresMeetTheirConnections() throws Exception {
    Incident incident = incident("tls-wrong-certificate");
    LogTimeline t = LogTimeline.place(List.of(tlsLog()), Map.of(), incident);
    ClockOffset o = t.logs().get(0).offset();
    assertEquals(ClockOffset.Source.ESTIMATED, o.source());
    assertEquals(3, o.sharedEvents());
    // rsyslog stamped the lines when the alert arrived: within 10 ms of the capture
    assertTrue(Math.abs(o.nanos()) < SECOND / 100, "offset " + o.nanos());
    List<TlsConnectionSeen> connections = incident.tlsConnections();
    assertEquals(3, connections.size());
    List<Long> lines = new java.util.ArrayList<>();
    for (TlsConnectionSeen c : connections) {
      List<LogTimeline.Placed> about = t.aboutTls(c);
      assertEquals(1, about.size(), about.toString());
      LogEvent e = about.get(0).event();
      assertEquals(LogEventKind.TLS_FAILED, e.kind());
      assertEquals("tlsv1 alert unknown ca", e.reason());
      assertEquals("203.0.113.20", e.address());
      assertEquals(c.client().port(), e.port());
      lines.add(about.get(0).line().number());
    }
    // OpenSSL's reason line of each failure; the peer is named on the line after it
    assertEquals(List.of(41L, 46L, 51L), lines);
  }

  @Test
  void tlsLinesOfAnotherMomentOrConnectionAreNotAboutIt() throws Exception {
    Incident incident = incident("tls-wrong-certificate");
    TlsConnectionSeen first = incident.tlsConnections().get(0);
    // the same log an hour off: nothing near the connections
    LogTimeline late = LogTimeline.place(List.of(tlsLog()), Map.of(tlsLog().file(), 3600 * SECOND), incident);
    assertEquals(List.of(), late.aboutTls(first));
    LocalDateTime when = LocalDateTime.ofInstant(first.lastFrame().instant(), java.time.ZoneOffset.UTC);
    // another client at the same moment, and the right client from another port
    for (LogEvent e : List.of(
        new LogEvent(LogEventKind.TLS_FAILED, when, "203.0.113.30", first.client().port(), null, "ERROR", "x"),
        new LogEvent(LogEventKind.TLS_FAILED, when, "203.0.113.20", first.client().port() + 1, null, "ERROR", "x"),
        new LogEvent(LogEventKind.TLS_CLOSED, when, "198.51.100.10", 5061, null, "INFO"))) {
      LogFile f = new LogFile("sbc.log", "audiocodes", 1, List.of(new LogFile.Entry(1, "the line", e)), Map.of());
      LogTimeline t = LogTimeline.place(List.of(f), Map.of("sbc.log", 0L), incident);
      assertEquals(List.of(), t.aboutTls(first), e.toString());
    }
    // the server named by a client's log, at the same moment, is about it
    LogEvent server = new LogEvent(LogEventKind.TLS_FAILED, when, "198.51.100.10", 5061, null, "ERROR", "SEC_E_UNTRUSTED_ROOT");
    LogFile f = new LogFile("client.log", "audiocodes", 1, List.of(new LogFile.Entry(7, "the line", server)), Map.of());
    LogTimeline t = LogTimeline.place(List.of(f), Map.of("client.log", 0L), incident);
    assertEquals(List.of(7L), t.aboutTls(first).stream().map(p -> p.line().number()).toList());
  }
}
