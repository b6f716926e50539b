package io.voipdoc.correlate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** One line in, one event or problem out, for each format. */
class LogFormatsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  private final LogFormat freeswitch = new FreeSwitchLogFormat();
  private final LogFormat kamailio = new KamailioLogFormat();
  private final LogFormat audiocodes = new AudioCodesLogFormat();

  private static LogEvent event(LogParse p) {
    return assertInstanceOf(LogParse.Event.class, p).event();
  }

  @Test
  void freeswitchAclRejection() {
    // the line of KNOWLEDGE.md, "ACL semantics"
    LogEvent e = event(freeswitch.parse(
        "2023-01-26 15:04:17.755102 [WARNING] sofia.c:10622 IP 10.0.50.118 Rejected by acl \"xcc_localnet\"", DAY));
    assertEquals(LogEventKind.ACL_REJECTED, e.kind());
    assertEquals("10.0.50.118", e.address());
    assertEquals("xcc_localnet", e.acl());
    assertEquals("WARNING", e.level());
    assertEquals(LocalDateTime.of(2023, 1, 26, 15, 4, 17, 755_102_000), e.written());
  }

  @Test
  void freeswitchWithUuidIdleShareAndIpv6() {
    LogEvent e = event(freeswitch.parse(
        "0f8e1c2a-5b3d-4e6f-8a9b-0c1d2e3f4a5b 2023-01-26 15:04:17.755102 98.33% [WARNING] sofia.c:10622 IP 2001:db8::5 Rejected by acl \"domains\"", DAY));
    assertEquals("2001:db8::5", e.address());
    assertEquals("domains", e.acl());
  }

  @Test
  void freeswitchErrorsAndPlainLines() {
    LogEvent e = event(freeswitch.parse("2023-01-26 15:04:18.000001 [ERR] switch_core_media.c:4170 no suitable candidates found.", DAY));
    assertEquals(LogEventKind.ERROR, e.kind());
    assertNull(e.address());
    assertInstanceOf(LogParse.Plain.class,
        freeswitch.parse("2023-01-26 15:04:18.000001 [INFO] mod_sofia.c:100 Channel answered", DAY));
    assertEquals(new LogParse.Problem("log.bad_timestamp"),
        freeswitch.parse("2023-13-45 15:04:18.000001 [INFO] x.c:1 nonsense date", DAY));
    assertFalse(freeswitch.parse("Nov 25 12:50:01 pbx kamailio[812]: WARNING: <script>: x", DAY).recognised());
  }

  @Test
  void candidateRejection() {
    LogEvent e = event(freeswitch.parse(
        "2026-11-25 12:55:55.112089 [WARNING] candidate 192.168.1.10:12342 rejected by acl \"candidates\"", DAY));
    assertEquals(LogEventKind.CANDIDATE_REJECTED, e.kind());
    assertEquals("192.168.1.10", e.address());
    assertEquals(12342, e.port());
    assertEquals("candidates", e.acl());
  }

  @Test
  void kamailioThroughSyslog() {
    LogEvent e = event(kamailio.parse(
        "Nov 25 12:50:01 pbx kamailio[812]: WARNING: <script>: IP 203.0.113.20 Rejected by acl \"group1\"", DAY));
    assertEquals(LogEventKind.ACL_REJECTED, e.kind());
    assertEquals("203.0.113.20", e.address());
    assertEquals(LocalDateTime.of(2026, 11, 25, 12, 50, 1), e.written());
    LogEvent error = event(kamailio.parse(
        "Nov  5 08:01:02 pbx /usr/sbin/kamailio[813]: ERROR: tm [t_fwd.c:1568]: t_send_branch(): sending request on branch 0 failed", DAY));
    assertEquals(LogEventKind.ERROR, error.kind());
    assertEquals(LocalDateTime.of(2026, 11, 5, 8, 1, 2), error.written());
  }

  @Test
  void kamailioThroughJournaldIsConvertedToUtc() {
    LogEvent e = event(kamailio.parse(
        "2026-11-25T13:50:01.250000+01:00 pbx kamailio[812]: WARNING: <script>: IP 203.0.113.20 Rejected by acl \"group1\"", DAY));
    assertEquals(LocalDateTime.of(2026, 11, 25, 12, 50, 1, 250_000_000), e.written());
  }

  @Test
  void kamailioImpossibleTimes() {
    assertEquals(new LogParse.Problem("log.bad_timestamp"),
        kamailio.parse("2026-11-25T13:50:01+99:00 pbx kamailio[812]: WARNING: <script>: x", DAY));
    assertEquals(new LogParse.Problem("log.bad_timestamp"),
        kamailio.parse("Foo 25 12:50:01 pbx kamailio[812]: WARNING: <script>: x", DAY));
    assertEquals(new LogParse.Problem("log.bad_timestamp"),
        kamailio.parse("Nov 25 25:61:01 pbx kamailio[812]: WARNING: <script>: x", DAY));
  }

  @Test
  void kamailioOnStandardErrorHasNoTime() {
    assertEquals(new LogParse.Problem("log.no_timestamp"),
        kamailio.parse(" 0(812) WARNING: <script>: IP 203.0.113.20 Rejected by acl \"group1\"", DAY));
    assertFalse(kamailio.parse("2023-01-26 15:04:17.755102 [WARNING] x", DAY).recognised());
  }

  @Test
  void audiocodesTlsSocketLines() {
    // lines 10 and 15 of the SBC log in seeds/002 (an AudioCodes SBC and Teams Direct Routing)
    LogEvent accepted = event(audiocodes.parse(
        "10 09:55:05.314 SIPListeningSocketTLS(#0)::AcceptNewConnection - Incoming connection from 52.114.75.24:8576 accepted. SocketID=7535 [Time:04-01@09:55:04.717]", DAY));
    assertEquals(LogEventKind.TLS_ACCEPTED, accepted.kind());
    assertEquals("52.114.75.24", accepted.address());
    assertEquals(8576, accepted.port());
    // the device's own time stamp, not the receive time
    assertEquals(LocalDateTime.of(2026, 4, 1, 9, 55, 4, 717_000_000), accepted.written());
    LogEvent closed = event(audiocodes.parse(
        "15 09:55:05.330 AllowlistManager: Removing TCPTLSSocket Remote IP: 52.114.75.24, Port: 8576, Interface ID: 0, Local Port: 5061, Protocol: 6 succeeded [Time:04-01@09:55:04.732]", DAY));
    assertEquals(LogEventKind.TLS_CLOSED, closed.kind());
    assertEquals(8576, closed.port());
    assertEquals(new LogParse.Problem("log.bad_timestamp"),
        audiocodes.parse("09:55:05.330 x [Time:13-41@09:55:04.732]", DAY));
  }

  @Test
  void kamailioTlsFailureIsTheReasonThenThePeer() {
    // kamailio 5.6 with OpenSSL 3 through rsyslog, as in lab/tls-wrong-certificate
    LogEvent reason = event(kamailio.parse(
        "2026-11-25T14:02:11.250301+00:00 sbc kamailio[4711]: ERROR: tls [tls_util.h:50]: tls_err_ret(): TLS accept:error:0A000418:SSL routines::tlsv1 alert unknown ca (sni: sip.example.net)", DAY));
    assertEquals(LogEventKind.TLS_FAILED, reason.kind());
    assertEquals("tlsv1 alert unknown ca", reason.reason());
    assertNull(reason.address());
    assertEquals(LocalDateTime.of(2026, 11, 25, 14, 2, 11, 250_301_000), reason.written());
    LogEvent peer = event(kamailio.parse(
        "2026-11-25T14:02:11.250310+00:00 sbc kamailio[4711]: ERROR: tls [tls_server.c:1334]: tls_h_read_f(): src addr: 192.0.2.44:40212", DAY));
    assertEquals(LogEventKind.TLS_FAILED, peer.kind());
    assertEquals("192.0.2.44", peer.address());
    assertEquals(40212, peer.port());
    assertNull(peer.reason());
    // the local end is an ordinary error line, not a peer
    assertEquals(LogEventKind.ERROR, event(kamailio.parse(
        "2026-11-25T14:02:11.250320+00:00 sbc kamailio[4711]: ERROR: tls [tls_server.c:1337]: tls_h_read_f(): dst addr: 198.51.100.7:5061", DAY)).kind());
    // OpenSSL 1.1 names the function; kamailio connecting out checks the server's certificate
    LogEvent connect = event(kamailio.parse(
        "Nov 25 14:02:12 sbc kamailio[4712]: ERROR: tls [tls_server.c:1199]: tls_connect(): TLS connect:error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed", DAY));
    assertEquals("certificate verify failed", connect.reason());
  }

  @Test
  void kamailioLinesWithoutPidAreKamailioLines() {
    // rsyslog writes the tag without [pid] for what kamailio logs before it forks
    assertInstanceOf(LogParse.Plain.class, kamailio.parse(
        "2026-11-25T14:02:10.001000+00:00 sbc kamailio: INFO: <core> [core/tcp_main.c:5073]: init_tcp(): using epoll_lt", DAY));
  }

  @Test
  void audiocodesFailedTlsNegotiation() {
    // written after the layout of the SBC lines in seeds/002, with the status Teams reports
    LogEvent e = event(audiocodes.parse(
        "18:20:31.402 TLSSocketAPI(#311)::OnHandshakeError - outgoing TLS negotiation failed to 192.0.2.60:5061; HRESULT=0x80090325 SEC_E_UNTRUSTED_ROOT [Time:11-25@18:20:30.871]", DAY));
    assertEquals(LogEventKind.TLS_FAILED, e.kind());
    assertEquals("192.0.2.60", e.address());
    assertEquals(5061, e.port());
    assertEquals("SEC_E_UNTRUSTED_ROOT", e.reason());
    assertEquals(LocalDateTime.of(2026, 11, 25, 18, 20, 30, 871_000_000), e.written());
    LogEvent remote = event(audiocodes.parse(
        "18:20:31.402 TLS negotiation failed Remote IP: 192.0.2.61, Port: 40100 [Time:11-25@18:20:30.872]", DAY));
    assertEquals("192.0.2.61", remote.address());
    assertEquals(40100, remote.port());
    assertEquals("TLS negotiation failed", remote.reason());
    LogEvent anonymous = event(audiocodes.parse(
        "18:20:31.403 SIPSocketReliable(#311) outgoing TLS negotiation failed [Time:11-25@18:20:30.873]", DAY));
    assertNull(anonymous.address());
    assertEquals(-1, anonymous.port());
  }

  @Test
  void everyPrefixAndRandomLinesGiveAResultNeverAnException() {
    String[] lines = {
      "2023-01-26 15:04:17.755102 [WARNING] sofia.c:10622 IP 10.0.50.118 Rejected by acl \"xcc_localnet\"",
      "Nov 25 12:50:01 pbx kamailio[812]: WARNING: <script>: IP 203.0.113.20 Rejected by acl \"group1\"",
      "2026-11-25T13:50:01.250000+01:00 pbx kamailio[812]: ERROR: tm [t_fwd.c:1568]: f(): x",
      "2026-11-25T13:50:01.250000+00:00 pbx kamailio[812]: ERROR: tls [tls_util.h:50]: tls_err_ret(): TLS accept:error:0A000418:SSL routines::tlsv1 alert unknown ca (sni: a.example)",
      "2026-11-25T13:50:01.250000+00:00 pbx kamailio[812]: ERROR: tls [tls_server.c:1334]: tls_h_read_f(): src addr: 192.0.2.44:40212",
      "18:20:31.402 TLSSocketAPI(#311) outgoing TLS negotiation failed to 192.0.2.60:5061; SEC_E_UNTRUSTED_ROOT [Time:11-25@18:20:30.871]",
      "10 09:55:05.314 SIPListeningSocketTLS(#0)::AcceptNewConnection - Incoming connection from 52.114.75.24:8576 accepted. SocketID=7535 [Time:04-01@09:55:04.717]",
    };
    java.util.Random random = new java.util.Random(1);
    for (LogFormat f : LogReader.FORMATS) {
      for (String line : lines) {
        for (int n = 0; n <= line.length(); n++) {
          f.parse(line.substring(0, n), DAY);
        }
        for (int i = 0; i < 2000; i++) {
          char[] c = line.toCharArray();
          c[random.nextInt(c.length)] = (char) random.nextInt(0x3000);
          f.parse(new String(c), DAY);
        }
      }
      f.parse("9".repeat(8192), DAY);
      f.parse("2023-01-26 15:04:17.755102 [WARNING] IP " + "1.".repeat(4000) + " Rejected by acl \"x\"", DAY);
    }
  }
}
