package io.voipdoc.diagnose.rules.web;

import static io.voipdoc.testkit.Packets.ethernet;
import static io.voipdoc.testkit.Packets.ipv4;
import static io.voipdoc.testkit.Packets.tcp;
import static io.voipdoc.testkit.Packets.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voipdoc.diagnose.Evidence;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.testkit.CaptureBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WEBSOCKET_BLOCKED on the lab's refused upgrade, on the lab's healthy WebSocket call, and on that
 * call's capture cut with tshark and editcap (test resources, see their README): once so that one
 * GET stays unanswered for 10 s, once so that the capture ends right after the GET. A server that
 * closes the connection without answering is built with the test kit: kamailio always answers.
 */
class WebsocketBlockedTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private final WebsocketBlocked rule = new WebsocketBlocked();

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(WebsocketBlockedTest.class.getResource(name).toURI());
  }

  private static List<String> cited(Finding f) {
    return f.evidence().stream().map(e -> e.key() + "@" + Incidents.at(e)).toList();
  }

  @Test
  void fires_when_the_server_answers_the_upgrade_with_404() {
    List<Finding> found = Incidents.findingsInLab(rule, "websocket-upgrade-refused", "pbx.pcapng");
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("websocket 198.51.100.10:8080/", f.subject());
    assertEquals(List.of("198.51.100.10:8080", "/", "1"), f.titleArgs());
    assertEquals(List.of("request@pbx.pcapng#4", "refused@pbx.pcapng#6"), cited(f));
    Evidence refused = f.evidence().get(1);
    assertEquals(List.of("404", "28"), refused.args());
    assertEquals("ip.addr == 203.0.113.20 && ip.addr == 198.51.100.10 && tcp.port == 42897"
        + " && tcp.port == 8080 && http.response.code == 404", refused.displayFilter());
    assertEquals(List.of("203.0.113.20:42897", "/", "198.51.100.10:8080", "sip"),
        f.evidence().get(0).args());
    assertEquals(List.of("wrong_path", "test_upgrade", "long_polling"),
        f.advice().stream().map(a -> a.key()).toList());
    assertEquals("Der Server antwortete 28 ms nach der Anfrage mit 404 statt mit 101 Switching"
        + " Protocols: Die WebSocket-Verbindung wurde abgelehnt.",
        new FindingText(Locale.GERMAN).evidence(f, refused));
    assertEquals("The WebSocket to 198.51.100.10:8080 (path /) cannot be opened (1 attempt(s)):"
        + " phones or apps that use it cannot register or receive events",
        new FindingText(Locale.ENGLISH).title(f));
  }

  @Test
  void silent_on_the_healthy_websocket_call() {
    assertEquals(List.of(), Incidents.findingsInLab(rule, "websocket-call", "pbx.pcapng"));
  }

  @Test
  void fires_when_the_get_stays_unanswered_for_10_s() throws Exception {
    List<Finding> found = Incidents.findings(rule, resource("upgrade-unanswered.pcapng"));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("websocket 198.51.100.10:8080/ws", f.subject());
    assertEquals(List.of("request@upgrade-unanswered.pcapng#4", "no_answer@-"), cited(f));
    assertEquals(List.of("10"), f.evidence().get(1).args());
    assertEquals(List.of("proxy_upgrade", "proxy_buffering", "test_upgrade", "long_polling"),
        f.advice().stream().map(a -> a.key()).toList());
  }

  @Test
  void silent_when_the_capture_ends_right_after_the_get() throws Exception {
    assertEquals(List.of(), Incidents.findings(rule, resource("capture-ends-after-get.pcapng")));
  }

  /**
   * SYN, SYN/ACK, ACK, GET /ws, then a FIN from the server (or the phone) {@code finAfterNanos}
   * after the GET, and the other side's FIN.
   */
  private static Path closed(Path dir, boolean byServer, long finAfterNanos) throws IOException {
    byte[] get = text("GET /ws HTTP/1.1\r\nHost: pbx.example\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
    String name = (byServer ? "server" : "phone") + "-closes-" + finAfterNanos + ".pcap";
    return CaptureBuilder.toFile(dir.resolve(name), out -> {
      CaptureBuilder c = CaptureBuilder.pcap(out, 1);
      c.packet(T0, phone(tcp(40000, 8080, 1000, 0, 0x02, new byte[0])));
      c.packet(T0 + 1000, server(tcp(8080, 40000, 5000, 1001, 0x12, new byte[0])));
      c.packet(T0 + 2000, phone(tcp(40000, 8080, 1001, 5001, 0x10, new byte[0])));
      c.packet(T0 + 3000, phone(tcp(40000, 8080, 1001, 5001, 0x18, get)));
      long fin = T0 + 3000 + finAfterNanos;
      byte[] serverFin = server(tcp(8080, 40000, 5001, 1001 + get.length, 0x11, new byte[0]));
      byte[] phoneFin = phone(tcp(40000, 8080, 1001 + get.length, 5001, 0x11, new byte[0]));
      c.packet(fin, byServer ? serverFin : phoneFin);
      c.packet(fin + 1000, byServer ? phoneFin : serverFin);
    });
  }

  private static byte[] phone(byte[] tcp) {
    return ethernet(ipv4("203.0.113.20", "198.51.100.10", 6, tcp));
  }

  private static byte[] server(byte[] tcp) {
    return ethernet(ipv4("198.51.100.10", "203.0.113.20", 6, tcp));
  }

  @Test
  void fires_when_the_server_closes_the_connection_without_an_answer(@TempDir Path dir)
      throws Exception {
    List<Finding> found = Incidents.findings(rule, closed(dir, true, 200_000_000L));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals(List.of("request@server-closes-200000000.pcap#4",
        "closed_by_server@server-closes-200000000.pcap#5"), cited(f));
    assertEquals(List.of("0"), f.evidence().get(1).args());
    assertEquals("test_upgrade", f.advice().get(2).key());
    assertEquals(List.of("pbx.example", "/ws"), f.advice().get(2).args());
  }

  @Test
  void boundary_when_the_phone_gives_up_around_5_s(@TempDir Path dir) throws Exception {
    assertEquals(List.of(), Incidents.findings(rule, closed(dir, false, 4_900_000_000L)));
    List<Finding> found = Incidents.findings(rule, closed(dir, false, 5_000_000_000L));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("request@phone-closes-5000000000.pcap#4",
        "closed_by_client@phone-closes-5000000000.pcap#5", "no_answer@-"), cited(found.get(0)));
    assertEquals(List.of("5"), found.get(0).evidence().get(2).args());
  }
}
