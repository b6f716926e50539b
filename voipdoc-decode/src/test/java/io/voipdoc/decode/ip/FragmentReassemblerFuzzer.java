package io.voipdoc.decode.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voipdoc.capture.AnomalyLog;
import io.voipdoc.capture.Frame;
import io.voipdoc.decode.ip.FragmentReassembler.Limits;
import io.voipdoc.decode.ip.FragmentReassembler.Reassembled;

/**
 * Drives random sequences of fragments, over a few datagram keys, through a reassembler with
 * small limits. Seeds run as ordinary tests; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class FragmentReassemblerFuzzer {
  private static final Limits LIMITS = new Limits(3, 2048, 12, 1_000);
  private static final byte[][] ADDRESSES = {
    {10, 0, 0, 1}, {10, 0, 0, 2}, new byte[16], {0x20, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}
  };

  /** The byte every fragment of a datagram carries at a payload offset, so results can be checked. */
  private static byte expected(int version, long id, int offset) {
    return (byte) (offset * 31 + id * 7 + version);
  }

  /**
   * Fragments carry consistent bytes: every datagram returned must hold exactly the bytes its
   * fragments said, and never more bytes than were fed.
   */
  @FuzzTest(maxDuration = "30s")
  void consistentFragments(FuzzedDataProvider data) {
    AnomalyLog log = new AnomalyLog();
    FragmentReassembler r = new FragmentReassembler(LIMITS, log);
    Frame frame = new Frame();
    byte[] buf = new byte[LIMITS.maxBytesPerDatagram() + 64];
    long fed = 0;
    long returned = 0;
    while (data.remainingBytes() > 0) {
      int version = data.consumeBoolean() ? 4 : 6;
      long id = data.consumeInt(0, 3);
      int offset = data.consumeInt(0, 300) * 8;
      boolean more = data.consumeBoolean();
      int len = data.consumeInt(0, 600);
      frame.number++;
      frame.timestampNanos += data.consumeInt(0, 400);
      for (int i = 0; i < len; i++) {
        buf[7 + i] = expected(version, id, offset + i);
      }
      int alen = version == 4 ? 4 : 16;
      byte[] src = ADDRESSES[version == 4 ? 0 : 2];
      byte[] dst = ADDRESSES[version == 4 ? 1 : 3];
      boolean atomic = offset == 0 && !more;
      if (!atomic) {
        fed += len;
      }
      Reassembled x = r.add(version, src, dst, alen, id, 17, offset, more, buf, 7, len, frame);
      if (x != null) {
        assertTrue(x.length() <= LIMITS.maxBytesPerDatagram());
        assertTrue(x.fragmentCount() <= LIMITS.maxFragmentsPerDatagram());
        for (int i = 0; i < x.length(); i++) {
          assertEquals(expected(version, id, i), x.data()[i], "byte " + i);
        }
        if (!atomic) {
          returned += x.length();
        }
      }
      checkBounds(r);
      // Every byte returned came from a distinct byte fed: held bytes serve one datagram only.
      assertTrue(returned <= fed, returned + " > " + fed);
      if (data.consumeBoolean()) {
        r.expire(frame.timestampNanos);
      }
    }
    r.finish();
    assertEquals(0, r.inFlightCount());
    assertEquals(0, r.bufferedBytes());
  }

  /** Fragments carry arbitrary bytes and fields: nothing throws and memory stays bounded. */
  @FuzzTest(maxDuration = "30s")
  void arbitraryFragments(FuzzedDataProvider data) {
    FragmentReassembler r = new FragmentReassembler(LIMITS, new AnomalyLog());
    Frame frame = new Frame();
    while (data.remainingBytes() > 0) {
      int version = data.consumeBoolean() ? 4 : 6;
      int alen = version == 4 ? 4 : 16;
      byte[] src = ADDRESSES[data.consumeInt(0, 3)];
      byte[] dst = ADDRESSES[data.consumeInt(0, 3)];
      if (src.length < alen || dst.length < alen) {
        continue;
      }
      long id = data.consumeLong(0, 0xffff_ffffL);
      int protocol = data.consumeInt(0, 255);
      int offset = data.consumeInt(0, 8191) * 8;
      boolean more = data.consumeBoolean();
      frame.timestampNanos += data.consumeLong(-100, 600);
      byte[] payload = data.consumeBytes(data.consumeInt(0, 3000));
      Reassembled x =
          r.add(version, src, dst, alen, id, protocol, offset, more, payload, 0, payload.length,
              frame);
      if (x != null) {
        assertTrue(x.length() <= Math.max(LIMITS.maxBytesPerDatagram(), payload.length));
      }
      checkBounds(r);
      if (data.consumeBoolean()) {
        r.expire(frame.timestampNanos);
      }
    }
    r.finish();
  }

  private static void checkBounds(FragmentReassembler r) {
    assertTrue(r.inFlightCount() <= LIMITS.maxDatagrams());
    assertTrue(r.bufferedBytes() >= 0);
    assertTrue(
        r.bufferedBytes() <= (long) LIMITS.maxDatagrams() * LIMITS.maxBytesPerDatagram(),
        "buffered " + r.bufferedBytes());
  }
}
