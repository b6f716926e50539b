package io.voipdoc.decode.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.decode.tcp.TcpReassembler.Limits;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Drives random sequences of segments over a few connections through a reassembler with small
 * limits. Seeds run as ordinary tests; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class TcpReassemblerFuzzer {
  private static final Limits LIMITS = new Limits(2, 256, 10_000, 3_000);
  private static final byte[] CLIENT = {10, 0, 0, 1};
  private static final byte[] SERVER = {10, 0, 0, 2};
  private static final int SERVER_PORT = 5060;

  /** Checks every callback against the stream's history. */
  private static final class Checker implements TcpReassembler.Sink {
    final Map<TcpStream, Long> position = new IdentityHashMap<>();
    final Map<TcpStream, Boolean> ended = new IdentityHashMap<>();
    final boolean patterned;
    long delivered;

    Checker(boolean patterned) {
      this.patterned = patterned;
    }

    @Override
    public void onData(TcpStream s, byte[] data, int off, int len) {
      assertFalse(ended.containsKey(s), "data after end");
      assertTrue(len > 0);
      long at = position.getOrDefault(s, 0L);
      if (patterned && !s.startedMidStream()) {
        // The stream began after a SYN with the fuzzer's fixed ISN, so offsets map to sequences.
        long first = isn(s.srcPort != SERVER_PORT, s.srcPort == SERVER_PORT ? s.dstPort : s.srcPort) + 1;
        for (int i = 0; i < len; i++) {
          assertEquals(pattern(first + at + i), data[off + i], "stream offset " + (at + i));
        }
      }
      position.put(s, at + len);
      delivered += len;
    }

    @Override
    public void onGap(TcpStream s, long missingBytes) {
      assertFalse(ended.containsKey(s), "gap after end");
      assertTrue(missingBytes > 0, "empty gap");
      position.merge(s, missingBytes, Long::sum);
    }

    @Override
    public void onEnd(TcpStream s) {
      assertFalse(ended.containsKey(s), "ended twice");
      ended.put(s, true);
    }
  }

  /** Each client port's connection uses fixed initial sequence numbers, near the wrap. */
  private static long isn(boolean fromClient, int clientPort) {
    return fromClient ? 0xFFFF_FF00L + clientPort * 16L : 0x7FFF_FFF0L + clientPort;
  }

  /** The byte a segment carries at a sequence number; the same for every retransmission. */
  private static byte pattern(long seq) {
    return (byte) ((seq & 0xffffffffL) * 13 + 5);
  }

  /**
   * Segments carry consistent bytes: whatever the order, loss and repetition, every byte
   * delivered is the byte sent at its sequence number, gaps keep the count, and no more is
   * delivered than was fed.
   */
  @FuzzTest(maxDuration = "30s")
  void consistentSegments(FuzzedDataProvider data) {
    Checker sink = new Checker(true);
    TcpReassembler r = new TcpReassembler(LIMITS, sink, new AnomalyLog());
    Frame frame = new Frame();
    byte[] buf = new byte[400];
    long fed = 0;
    while (data.remainingBytes() > 0) {
      int port = data.consumeInt(1, 3);
      boolean fromClient = data.consumeBoolean();
      int kind = data.consumeInt(0, 15);
      int flags = 0x10;
      long isn = isn(fromClient, port);
      long seq = isn + 1 + data.consumeInt(-20, 700);
      int len = data.consumeInt(0, 300);
      if (kind == 0) {
        flags = fromClient ? 0x02 : 0x12;
        seq = isn;
        len = 0;
      } else if (kind == 1) {
        flags |= 0x01;
      } else if (kind == 2) {
        flags |= 0x04;
        len = 0;
      }
      for (int i = 0; i < len; i++) {
        buf[3 + i] = pattern(seq + i);
      }
      frame.number++;
      frame.timestampNanos += data.consumeInt(0, 1500);
      TcpStream s =
          fromClient
              ? r.segment(CLIENT, SERVER, 4, port, SERVER_PORT, seq & 0xffffffffL, 0, flags, buf,
                  3, len, frame)
              : r.segment(SERVER, CLIENT, 4, SERVER_PORT, port, seq & 0xffffffffL, 0, flags, buf,
                  3, len, frame);
      assertEquals(fromClient ? port : SERVER_PORT, s.srcPort);
      fed += len;
      checkBounds(r);
      assertTrue(sink.delivered <= fed, sink.delivered + " > " + fed);
      assertEquals(sink.delivered, r.deliveredBytes());
      if (data.consumeBoolean()) {
        r.expire(frame.timestampNanos);
      }
    }
    r.finish();
    assertEquals(0, r.bufferedBytes());
    assertEquals(0, r.openConnectionCount());
    for (TcpStream s : sink.position.keySet()) {
      assertTrue(sink.ended.containsKey(s), "stream not ended");
      assertEquals(s.deliveredBytes() + s.missingBytes(), sink.position.get(s));
    }
  }

  /** Segments with arbitrary fields and bytes: nothing throws and memory stays bounded. */
  @FuzzTest(maxDuration = "30s")
  void arbitrarySegments(FuzzedDataProvider data) {
    Checker sink = new Checker(false);
    TcpReassembler r = new TcpReassembler(LIMITS, sink, new AnomalyLog());
    Frame frame = new Frame();
    long fed = 0;
    while (data.remainingBytes() > 0) {
      boolean fromClient = data.consumeBoolean();
      int port = data.consumeInt(1, 4);
      long seq = data.consumeLong(0, 0xffff_ffffL);
      int flags = data.consumeInt(0, 255);
      frame.timestampNanos += data.consumeLong(-100, 5000);
      byte[] payload = data.consumeBytes(data.consumeInt(0, 600));
      if (fromClient) {
        r.segment(CLIENT, SERVER, 4, port, SERVER_PORT, seq, 0, flags, payload, 0,
            payload.length, frame);
      } else {
        r.segment(SERVER, CLIENT, 4, SERVER_PORT, port, seq, 0, flags, payload, 0,
            payload.length, frame);
      }
      fed += payload.length;
      checkBounds(r);
      assertTrue(sink.delivered <= fed, sink.delivered + " > " + fed);
      if (data.consumeBoolean()) {
        r.expire(frame.timestampNanos);
      }
    }
    r.finish();
    assertEquals(0, r.bufferedBytes());
  }

  private static void checkBounds(TcpReassembler r) {
    assertTrue(r.openConnectionCount() <= LIMITS.maxConnections());
    assertTrue(r.bufferedBytes() >= 0);
    assertTrue(
        r.bufferedBytes() <= 2L * LIMITS.maxConnections() * LIMITS.maxBufferedBytesPerDirection(),
        "buffered " + r.bufferedBytes());
  }
}
