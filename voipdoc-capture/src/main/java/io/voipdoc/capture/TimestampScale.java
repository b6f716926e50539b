package io.voipdoc.capture;

/**
 * Converts pcapng timestamp ticks to nanoseconds, exactly (rounding toward zero).
 *
 * <p>The unit of a tick is the interface's {@code if_tsresol} option (pcapng draft section 4.2):
 *
 * <pre>
 *   if_tsresol: 1 byte.  MSB 0: the remaining bits are n, a tick is 10^-n s
 *                        MSB 1: the remaining bits are n, a tick is 2^-n s
 *                        absent: 6 (microseconds)
 * </pre>
 *
 * Ticks are an unsigned 64-bit count since the epoch. The conversion needs no floating point: for
 * 10^-n it multiplies or divides by a power of ten; for 2^-n it splits the ticks into whole
 * seconds and a fraction and scales the fraction with a 128-bit product.
 */
final class TimestampScale {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long TEN_TO_THE_19 = Long.parseUnsignedLong("10000000000000000000");

  /** Microseconds, the default when an interface has no {@code if_tsresol}. */
  static final TimestampScale MICROSECONDS = of(6);

  private final boolean binary;
  /** Decimal: n of 10^-n. Binary: n of 2^-n. */
  private final int exponent;
  /** Decimal with n <= 9: 10^(9-n). Decimal with 9 < n <= 27: 10^(n-9). Else unused. */
  private final long factor;

  private TimestampScale(boolean binary, int exponent, long factor) {
    this.binary = binary;
    this.exponent = exponent;
    this.factor = factor;
  }

  /** The scale for an {@code if_tsresol} option byte. */
  static TimestampScale of(int tsresol) {
    int n = tsresol & 0x7f;
    if ((tsresol & 0x80) != 0) {
      return new TimestampScale(true, n, 0);
    }
    long factor = 1;
    for (int i = 0; i < Math.abs(n - 9) && i < 18; i++) {
      factor *= 10;
    }
    return new TimestampScale(false, n, factor);
  }

  /** Nanoseconds for an unsigned tick count (wraps past the year 2262, as any long would). */
  long toNanos(long ticks) {
    if (!binary) {
      if (exponent <= 9) {
        return ticks * factor;
      }
      if (exponent <= 27) {
        return Long.divideUnsigned(ticks, factor);
      }
      // 10^(n-9) no longer fits in a long: 10^19 for n = 28, and beyond 2^64 > ticks from 29 on
      return exponent == 28 && Long.compareUnsigned(ticks, TEN_TO_THE_19) >= 0 ? 1 : 0;
    }
    int n = exponent;
    if (n == 0) {
      return ticks * NANOS_PER_SECOND;
    }
    if (n < 64) {
      long seconds = ticks >>> n;
      long fraction = ticks & ((1L << n) - 1);
      // fraction < 2^63, so the signed 128-bit product is the unsigned one
      long high = Math.multiplyHigh(fraction, NANOS_PER_SECOND);
      long low = fraction * NANOS_PER_SECOND;
      return seconds * NANOS_PER_SECOND + ((high << (64 - n)) | (low >>> n));
    }
    if (n >= 64 + 30) {
      // ticks * 10^9 < 2^94: nothing is left after the shift
      return 0;
    }
    // all ticks are a fraction of a second; high 64 bits of the unsigned product ticks * 10^9
    long high = Math.multiplyHigh(ticks, NANOS_PER_SECOND) + ((ticks >> 63) & NANOS_PER_SECOND);
    return high >>> (n - 64);
  }
}
