package io.voipdoc.decode.sip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches in message bytes eight bytes at a time: every message is scanned for its line ends and
 * checked for UTF-8, and byte by byte that is the largest part of cutting it up. Hand-written
 * because it is the decoder's hot path and the JDK has no byte search on arrays. Each step reads
 * eight bytes as one little-endian {@code long} and flags the bytes looked for with the classic
 * "has a zero byte" bit trick, whose lowest flag is always exact.
 */
final class ByteScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long CRS = ONES * '\r';
  private static final long LFS = ONES * '\n';

  private ByteScan() {}

  /** The index of the first CR or LF in {@code d[from, end)}, or {@code end}. */
  static int crOrLf(byte[] d, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long w = (long) LONGS.get(d, i);
      long cr = w ^ CRS;
      long lf = w ^ LFS;
      long found = ((cr - ONES) & ~cr | (lf - ONES) & ~lf) & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (d[i] == '\r' || d[i] == '\n') {
        return i;
      }
    }
    return end;
  }

  /** The index of the first byte above 0x7F in {@code d[from, end)}, or {@code end}. */
  static int nonAscii(byte[] d, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long high = (long) LONGS.get(d, i) & HIGHS;
      if (high != 0) {
        return i + (Long.numberOfTrailingZeros(high) >>> 3);
      }
    }
    for (; i < end; i++) {
      if (d[i] < 0) {
        return i;
      }
    }
    return end;
  }
}
