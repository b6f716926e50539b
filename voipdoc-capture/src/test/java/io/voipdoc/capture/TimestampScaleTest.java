package io.voipdoc.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampScaleTest {
  private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

  @Test
  void decimalResolutions() {
    assertEquals(1_000_000_000L, TimestampScale.of(0).toNanos(1));
    assertEquals(1_700_000_000_123_456_000L, TimestampScale.of(6).toNanos(1_700_000_000_123_456L));
    assertEquals(1_700_000_000_123_456_789L, TimestampScale.of(9).toNanos(1_700_000_000_123_456_789L));
    assertEquals(123_456_789L, TimestampScale.of(12).toNanos(123_456_789_999L));
    assertEquals(18_446_744_073L, TimestampScale.of(18).toNanos(-1L)); // 2^64 - 1 attoseconds
    assertEquals(1, TimestampScale.of(28).toNanos(-1L)); // 1.8e19 / 1e19
    assertEquals(0, TimestampScale.of(28).toNanos(9_000_000_000_000_000_000L));
    assertEquals(0, TimestampScale.of(29).toNanos(-1L));
    assertEquals(0, TimestampScale.of(127).toNanos(-1L));
  }

  @Test
  void binaryResolutions() {
    assertEquals(5_000_000_000L, TimestampScale.of(0x80).toNanos(5));
    assertEquals(500_000_000L, TimestampScale.of(0x81).toNanos(1));
    assertEquals(1_500_000_953L, TimestampScale.of(0x80 | 20).toNanos((3L << 19) + 1));
    assertEquals(0, TimestampScale.of(0x80 | 94).toNanos(-1L));
    assertEquals(0, TimestampScale.of(0xff).toNanos(-1L));
  }

  /** Every exponent against exact big-integer arithmetic, for random unsigned tick counts. */
  @Test
  void matchesExactArithmetic() {
    SplittableRandom random = new SplittableRandom(7);
    for (int resol = 0; resol < 256; resol++) {
      TimestampScale scale = TimestampScale.of(resol);
      int n = resol & 0x7f;
      for (int i = 0; i < 200; i++) {
        long ticks = i == 0 ? -1L : random.nextLong() >>> random.nextInt(64);
        BigInteger t = new BigInteger(Long.toUnsignedString(ticks));
        BigInteger exact =
            (resol & 0x80) != 0
                ? t.multiply(BILLION).shiftRight(n)
                : t.multiply(BILLION).divide(BigInteger.TEN.pow(n));
        assertEquals(exact.longValue(), scale.toNanos(ticks), "resol=" + resol + " ticks=" + ticks);
      }
    }
  }
}
