package io.voipdoc.correlate.media;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.Flow;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.tls.ClientHello;
import io.voipdoc.decode.tls.ServerHello;
import io.voipdoc.decode.tls.TlsAlert;
import io.voipdoc.decode.tls.TlsCertificate;
import io.voipdoc.decode.tls.TlsListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One TLS (over TCP) or DTLS (over UDP) connection as its handshake shows it: the hellos, the
 * server's certificate chain, alerts, how far the handshake got, its lifetime and packets per
 * direction. A connection torn down right after ServerHello stands out by {@link #stage()}.
 */
public final class TlsConnectionSeen {

  /** How far the handshake got, in order. */
  public enum Stage {
    /** Records were seen but no hello (capture started mid-connection). */
    NONE,
    /** Only the ClientHello. */
    CLIENT_HELLO,
    /** The ServerHello came back. */
    SERVER_HELLO,
    /** The server's Certificate was seen (TLS 1.2 and older, DTLS 1.2). */
    CERTIFICATE,
    /** Both sides switched to encryption (ChangeCipherSpec or encrypted records both ways). */
    ESTABLISHED
  }

  private final Flow flow;
  private final boolean datagram;
  private final FrameRef firstFrame;
  private final long firstNanos;
  private final Packet packet;
  private long lastNanos;
  private long lastFrameNumber;
  private final long[] packetsBySide = new long[2];
  private final long[] lastFrameBySide = {-1, -1};
  private final boolean[] encryptedBySide = new boolean[2];
  private @Nullable ClientHello clientHello;
  private @Nullable ServerHello serverHello;
  private List<TlsCertificate> chain = List.of();
  private @Nullable FrameRef certificateFrame;
  private final List<TlsAlert> alerts = new ArrayList<>();
  private @Nullable FrameRef firstAlertFrame;
  private Stage stage = Stage.NONE;

  TlsConnectionSeen(Flow flow, boolean datagram, Packet packet) {
    this.flow = flow;
    this.datagram = datagram;
    this.packet = packet;
    this.firstFrame = packet.frame.ref();
    this.firstNanos = packet.timestampNanos;
    this.lastNanos = firstNanos;
    this.lastFrameNumber = firstFrame.number();
  }

  /** The listener the decoder feeds; {@code packet} describes the packet being processed. */
  TlsListener listener() {
    return new TlsListener() {
      @Override
      public void onRecord(int side, int contentType, int version, int epoch, int length) {
        seen(side);
      }

      @Override
      public void onClientHello(int side, ClientHello hello) {
        clientHello = hello;
        advance(Stage.CLIENT_HELLO);
      }

      @Override
      public void onServerHello(int side, ServerHello hello) {
        serverHello = hello;
        advance(Stage.SERVER_HELLO);
      }

      @Override
      public void onCertificates(int side, List<TlsCertificate> certificates) {
        // side 1 is the server; a client certificate (side 0) is not the one SNI is about
        if (side == 1) {
          chain = List.copyOf(certificates);
          certificateFrame = packet.frame.ref();
          advance(Stage.CERTIFICATE);
        }
      }

      @Override
      public void onAlert(int side, TlsAlert alert) {
        alerts.add(alert);
        if (firstAlertFrame == null) {
          firstAlertFrame = packet.frame.ref();
        }
      }

      @Override
      public void onChangeCipherSpec(int side) {
        encrypted(side);
      }

      @Override
      public void onApplicationData(int side, int length) {
        encrypted(side);
      }
    };
  }

  private void seen(int side) {
    int s = side & 1;
    lastNanos = packet.timestampNanos;
    lastFrameNumber = packet.frame.number;
    if (lastFrameBySide[s] != packet.frame.number) {
      lastFrameBySide[s] = packet.frame.number;
      packetsBySide[s]++;
    }
  }

  private void encrypted(int side) {
    encryptedBySide[side & 1] = true;
    if (serverHello != null && encryptedBySide[0] && encryptedBySide[1]) {
      advance(Stage.ESTABLISHED);
    }
  }

  private void advance(Stage reached) {
    if (reached.compareTo(stage) > 0) {
      stage = reached;
    }
  }

  long lastNanos() {
    return lastNanos;
  }

  /** Client, server, ports and transport. */
  public Flow flow() {
    return flow;
  }

  /** Whether this is DTLS over UDP (else TLS over TCP). */
  /** The side that opened the connection (sent the ClientHello). */
  public Endpoint client() {
    return new Endpoint(flow.client(), flow.clientPort(), flow.transport());
  }

  /** The side that accepted the connection. */
  public Endpoint server() {
    return new Endpoint(flow.server(), flow.serverPort(), flow.transport());
  }

  public boolean datagram() {
    return datagram;
  }

  public FrameRef firstFrame() {
    return firstFrame;
  }

  /** The last packet that carried a record. */
  public FrameRef lastFrame() {
    return new FrameRef(firstFrame.input(), lastFrameNumber, lastNanos, firstFrame.interfaceId());
  }

  /** From the first to the last record, seconds. */
  public double lifetimeSeconds() {
    return (lastNanos - firstNanos) / 1e9;
  }

  /** Packets carrying records from the client (side 0) or the server (side 1). */
  public long packets(boolean fromClient) {
    return packetsBySide[fromClient ? 0 : 1];
  }

  public @Nullable ClientHello clientHello() {
    return clientHello;
  }

  public @Nullable ServerHello serverHello() {
    return serverHello;
  }

  /** The SNI the client asked for, or null. */
  public @Nullable String serverName() {
    ClientHello h = clientHello;
    return h == null ? null : h.serverName();
  }

  /** The version the server chose (0x0303 TLS 1.2, 0x0304 TLS 1.3, 0xFEFD DTLS 1.2), or -1. */
  public int version() {
    ServerHello h = serverHello;
    return h == null ? -1 : h.version();
  }

  /** The server's certificate chain, leaf first; empty when not seen (TLS 1.3 encrypts it). */
  public List<TlsCertificate> certificates() {
    return chain;
  }

  /**
   * The packet that carried the server's Certificate message (for one spread over several TCP
   * segments: the segment that completed it), or null when not seen.
   */
  public @Nullable FrameRef certificateFrame() {
    return certificateFrame;
  }

  /** Whether the leaf names the SNI; null without SNI or certificate. */
  public @Nullable Boolean leafMatchesServerName() {
    String sni = serverName();
    return sni == null || chain.isEmpty() ? null : chain.get(0).matchesHost(sni);
  }

  /** Whether the leaf was valid when the connection started; null without certificate. */
  public @Nullable Boolean leafValidAtStart() {
    return chain.isEmpty() ? null : chain.get(0).validAt(firstFrame.instant());
  }

  /** Whether the leaf signed itself; null without certificate. */
  public @Nullable Boolean leafSelfSigned() {
    return chain.isEmpty() ? null : chain.get(0).selfSigned();
  }

  /** Alerts in order. */
  public List<TlsAlert> alerts() {
    return List.copyOf(alerts);
  }

  /** The packet with the first alert, or null. */
  public @Nullable FrameRef firstAlertFrame() {
    return firstAlertFrame;
  }

  /** Whether a fatal alert was sent. */
  public boolean fatalAlert() {
    for (TlsAlert a : alerts) {
      if (a.fatal()) {
        return true;
      }
    }
    return false;
  }

  /** How far the handshake got. */
  public Stage stage() {
    return stage;
  }

  /** When the connection started. */
  public Instant start() {
    return firstFrame.instant();
  }

  @Override
  public String toString() {
    return "TlsConnectionSeen[" + flow.client().getHostAddress() + ":" + flow.clientPort() + " -> "
        + flow.server().getHostAddress() + ":" + flow.serverPort() + " " + stage + " alerts="
        + alerts.size() + "]";
  }
}
