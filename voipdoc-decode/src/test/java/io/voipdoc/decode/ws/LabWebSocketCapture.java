package io.voipdoc.decode.ws;

import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.CaptureInput;
import io.voipdoc.capture.CaptureReader;
import io.voipdoc.capture.Captures;
import io.voipdoc.capture.Frame;
import io.voipdoc.decode.DecodeConfig;
import io.voipdoc.decode.PacketDecoder;
import io.voipdoc.decode.PacketListener;
import io.voipdoc.decode.tcp.TcpStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's websocket-call capture ({@code lab/websocket-call/pbx.pcapng}: kamailio and two Node
 * {@code ws} phones), read through capture and decode: the path, and the in-order bytes of each TCP
 * connection's two directions.
 */
final class LabWebSocketCapture {
  /**
   * Both directions of one TCP connection.
   *
   * @param client bytes from the side that sent the upgrade request
   * @param server bytes from the other side
   */
  record Connection(byte[] client, byte[] server) {}

  private LabWebSocketCapture() {}

  static Path path() {
    return Path.of(System.getProperty("voipdoc.root", ".."), "lab", "websocket-call", "pbx.pcapng");
  }

  /** The capture's TCP connections in the order they first carried data. */
  /** Reads a capture through the packet decoder into {@code listener}. */
  static void read(Path file, PacketListener listener, AnomalyLog anomalies) throws Exception {
    PacketDecoder decoder = new PacketDecoder(DecodeConfig.DEFAULTS, listener, anomalies);
    try (CaptureReader reader =
        Captures.open(new CaptureInput(file.getFileName().toString(), file), anomalies)) {
      Frame frame = new Frame();
      while (reader.next(frame)) {
        decoder.decode(frame);
      }
    }
    decoder.finish();
  }

  static List<Connection> connections() throws Exception {
    Map<Long, ByteArrayOutputStream[]> byConnection = new LinkedHashMap<>();
    PacketListener collect =
        new PacketListener() {
          @Override
          public void onStreamData(
              TcpStream stream, io.voipdoc.decode.Packet p, byte[] data, int offset, int length) {
            ByteArrayOutputStream[] sides =
                byConnection.computeIfAbsent(
                    stream.connectionId,
                    k ->
                        new ByteArrayOutputStream[] {
                          new ByteArrayOutputStream(), new ByteArrayOutputStream()
                        });
            sides[stream.fromInitiator ? 0 : 1].write(data, offset, length);
          }
        };
    read(path(), collect, new AnomalyLog());
    List<Connection> out = new ArrayList<>();
    // the phones open the connections, so the initiator is the WebSocket client
    byConnection
        .values()
        .forEach(s -> out.add(new Connection(s[0].toByteArray(), s[1].toByteArray())));
    return out;
  }
}
