package io.voipdoc.decode.ws;

import static io.voipdoc.testkit.Packets.ethernet;
import static io.voipdoc.testkit.Packets.ipv4;
import static io.voipdoc.testkit.Packets.tcp;
import static io.voipdoc.testkit.Packets.text;
import static io.voipdoc.testkit.Packets.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.capture.LinkType;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.Dissector;
import io.voipdoc.decode.Flow;
import io.voipdoc.decode.MessageListener;
import io.voipdoc.decode.PacketDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link Dissector} hands each WebSocket's opening handshake on once: with the server's answer
 * (lab captures), or at the end of a connection that got none (built with the test kit, since the
 * lab's kamailio always answers).
 */
class WebSocketUpgradeTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final int ACK = 0x10;
  private static final int PSH_ACK = 0x18;
  private static final int FIN_ACK = 0x11;
  private static final byte[] GET =
      text(
          "GET /ws HTTP/1.1\r\nHost: pbx.example:8080\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: sip\r\n\r\n");

  private final List<String> flows = new ArrayList<>();
  private final List<WebSocketUpgrade> upgrades = new ArrayList<>();
  private final AnomalyLog anomalies = new AnomalyLog();
  private final PacketDecoder decoder =
      new PacketDecoder(
          DecodeConfig.DEFAULTS,
          new Dissector(
              new MessageListener() {
                @Override
                public void onWebSocketUpgrade(Flow flow, WebSocketUpgrade upgrade) {
                  flows.add(flow.client().getHostAddress() + ":" + flow.clientPort() + " > "
                      + flow.server().getHostAddress() + ":" + flow.serverPort());
                  upgrades.add(upgrade);
                }
              },
              anomalies),
          anomalies);
  private long number;

  private void read(Path file) throws Exception {
    try (CaptureReader reader =
        Captures.open(new CaptureInput(file.getFileName().toString(), file), anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
      }
    }
    decoder.finish();
  }

  private void packet(long time, String src, String dst, byte[] transport, int protocol) {
    byte[] bytes = ethernet(ipv4(src, dst, protocol, transport));
    Frame f = new Frame();
    f.input = "built";
    f.number = ++number;
    f.timestampNanos = time;
    f.linkType = LinkType.ETHERNET;
    f.data = bytes;
    f.capturedLength = bytes.length;
    f.originalLength = bytes.length;
    decoder.decode(f);
  }

  private void fromPhone(long time, long seq, long ack, int flags, byte[] payload) {
    packet(time, "203.0.113.20", "198.51.100.10", tcp(40000, 8080, seq, ack, flags, payload), 6);
  }

  private void fromServer(long time, long seq, long ack, int flags, byte[] payload) {
    packet(time, "198.51.100.10", "203.0.113.20", tcp(8080, 40000, seq, ack, flags, payload), 6);
  }

  /** SYN, SYN/ACK, ACK, then the GET at frame 4 (T0 + 10 ms) and the server's ACK. */
  private void handshakeAndGet() {
    fromPhone(T0, 1000, 0, 0x02, new byte[0]);
    fromServer(T0 + 1000, 5000, 1001, 0x12, new byte[0]);
    fromPhone(T0 + 2000, 1001, 5001, ACK, new byte[0]);
    fromPhone(T0 + 10_000_000, 1001, 5001, PSH_ACK, GET);
    fromServer(T0 + 10_001_000, 5001, 1001 + GET.length, ACK, new byte[0]);
  }

  @Test
  void acceptedUpgradesOfTheLabCall() throws Exception {
    read(LabWebSocketCapture.path());
    assertEquals(List.of("203.0.113.30:42623 > 198.51.100.10:8080",
        "203.0.113.20:46013 > 198.51.100.10:8080"), flows);
    WebSocketUpgrade dave = upgrades.get(0);
    assertEquals(4, dave.request().number());
    assertEquals(6, dave.answer().number());
    assertEquals(101, dave.status());
    assertEquals(true, dave.accepted());
    assertEquals("/ws", dave.target());
    assertEquals("sip", dave.protocols());
    assertEquals("198.51.100.10:8080", dave.host());
    assertNull(dave.closed());
    assertEquals(2_390_000, dave.waitedNanos()); // frames 4 and 6: 3.232 ms and 5.622 ms
    assertEquals(20, upgrades.get(1).request().number());
    assertEquals(22, upgrades.get(1).answer().number());
  }

  @Test
  void refusedUpgradeOfTheLab() throws Exception {
    read(Path.of(System.getProperty("voipdoc.root", ".."), "lab", "websocket-upgrade-refused",
        "pbx.pcapng"));
    assertEquals(List.of("203.0.113.20:42897 > 198.51.100.10:8080"), flows);
    WebSocketUpgrade bob = upgrades.get(0);
    assertEquals(4, bob.request().number());
    assertEquals(6, bob.answer().number());
    assertEquals(404, bob.status());
    assertEquals(false, bob.accepted());
    assertEquals("/", bob.target());
    assertEquals("sip", bob.protocols());
    assertNull(bob.closed(), "the FINs came after the answer");
  }

  @Test
  void connectionClosedWithoutAnswer() {
    handshakeAndGet();
    fromPhone(T0 + 7 * SECOND, 1001 + GET.length, 5001, FIN_ACK, new byte[0]);
    fromServer(T0 + 7 * SECOND + 1000, 5001, 1002 + GET.length, FIN_ACK, new byte[0]);
    fromPhone(T0 + 7 * SECOND + 2000, 1002 + GET.length, 5002, ACK, new byte[0]);
    assertEquals(1, upgrades.size(), "handed on when the connection ended: " + upgrades);
    WebSocketUpgrade u = upgrades.get(0);
    assertEquals(4, u.request().number());
    assertNull(u.answer());
    assertEquals(-1, u.status());
    assertEquals("/ws", u.target());
    assertEquals("pbx.example:8080", u.host());
    assertEquals(6, u.closed().number());
    assertEquals(WebSocketConnection.CLIENT, u.closedBy());
    // the server's FIN ends the connection before the decoder passes that segment on
    assertEquals(7 * SECOND - 10_000_000, u.waitedNanos());
  }

  @Test
  void captureEndsWithoutAnswer() {
    handshakeAndGet();
    packet(T0 + 9 * SECOND, "203.0.113.20", "198.51.100.10", udp(5000, 5001, text("x")), 17);
    assertEquals(List.of(), upgrades);
    decoder.finish();
    WebSocketUpgrade u = upgrades.get(0);
    assertNull(u.answer());
    assertNull(u.closed());
    assertEquals(-1, u.closedBy());
    assertEquals(9 * SECOND - 10_000_000, u.waitedNanos());
  }

  @Test
  void answerLostFromTheCaptureIsNotHandedOn() {
    handshakeAndGet();
    // the server's answer (100 bytes from 5001) was not captured; its next segment was
    fromServer(T0 + 20_000_000, 5101, 1001 + GET.length, PSH_ACK, text("\u0081\u0001x"));
    decoder.finish();
    assertEquals(List.of(), upgrades);
  }
}
