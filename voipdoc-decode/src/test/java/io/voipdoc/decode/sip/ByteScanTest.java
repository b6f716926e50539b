package io.voipdoc.decode.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-at-a-time searches find what a byte-by-byte loop finds, at every offset and length. */
class ByteScanTest {

  @Test
  void findsTheFirstCrOrLfAndTheFirstNonAsciiByte() {
    Random random = new Random(7);
    byte[] alphabet = {'a', 'Z', ' ', ':', '\r', '\n', 0, (byte) 0x80, (byte) 0xC3, (byte) 0xFF, 0x0C, 0x0E};
    for (int round = 0; round < 20_000; round++) {
      byte[] d = new byte[random.nextInt(40)];
      for (int i = 0; i < d.length; i++) {
        // mostly plain text, so that the hits fall anywhere in a word
        d[i] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
      }
      int from = d.length == 0 ? 0 : random.nextInt(d.length + 1);
      int end = from + random.nextInt(d.length - from + 1);
      assertEquals(naiveCrOrLf(d, from, end), ByteScan.crOrLf(d, from, end));
      assertEquals(naiveNonAscii(d, from, end), ByteScan.nonAscii(d, from, end));
    }
  }

  @Test
  void eachPositionOfALongWord() {
    for (int at = 0; at < 24; at++) {
      for (byte b : new byte[] {'\r', '\n'}) {
        byte[] d = "abcdefghijklmnopqrstuvwx".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d[at] = b;
        assertEquals(at, ByteScan.crOrLf(d, 0, d.length));
        assertEquals(d.length, ByteScan.nonAscii(d, 0, d.length));
        d[at] = (byte) 0xE2;
        assertEquals(at, ByteScan.nonAscii(d, 0, d.length));
        assertEquals(d.length, ByteScan.crOrLf(d, 0, d.length));
      }
    }
  }

  private static int naiveCrOrLf(byte[] d, int from, int end) {
    for (int i = from; i < end; i++) {
      if (d[i] == '\r' || d[i] == '\n') {
        return i;
      }
    }
    return end;
  }

  private static int naiveNonAscii(byte[] d, int from, int end) {
    for (int i = from; i < end; i++) {
      if (d[i] < 0) {
        return i;
      }
    }
    return end;
  }
}
