package io.voipdoc.capture;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * The one fixed-size buffer a reader refills from its channel. Records are parsed in place: a
 * reader asks for {@link #ensure(int) n bytes} at the read position, reads them from {@link #buf}
 * at {@link #pos}, and moves on with {@link #skip(long)}. Refilling moves the unread tail to the
 * front of the buffer, so the bytes of a record stay valid until the next call to {@code ensure}.
 */
final class ReadBuffer {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

  /** The bytes; valid from {@link #pos} to {@link #limit}. */
  final byte[] buf;

  /** Read position in {@link #buf}. */
  int pos;

  private final ByteBuffer window;
  private final ReadableByteChannel channel;
  private int limit;
  /** Input offset of {@code buf[0]}. */
  private long base;
  private boolean eof;

  /**
   * @param channel the input, positioned after {@code prefix}
   * @param capacity buffer size
   * @param prefix bytes already read from the channel (the sniffed magic), at least as many as fit
   */
  ReadBuffer(ReadableByteChannel channel, int capacity, byte[] prefix) {
    if (prefix.length > capacity) {
      throw new IllegalArgumentException("prefix larger than buffer");
    }
    this.buf = new byte[capacity];
    this.window = ByteBuffer.wrap(buf);
    this.channel = channel;
    System.arraycopy(prefix, 0, buf, 0, prefix.length);
    this.limit = prefix.length;
  }

  /** Buffer size: the most bytes {@link #ensure(int)} can provide. */
  int capacity() {
    return buf.length;
  }

  /** Input offset of the read position. */
  long position() {
    return base + pos;
  }

  /** Bytes buffered after the read position. */
  int available() {
    return limit - pos;
  }

  /**
   * Makes {@code n} bytes available at {@link #pos}, reading as needed. Returns false when the
   * input ends first; {@link #available()} then tells how many there are.
   *
   * @param n at most {@link #capacity()}
   */
  boolean ensure(int n) throws IOException {
    return limit - pos >= n || fill(n);
  }

  private boolean fill(int n) throws IOException {
    int unread = limit - pos;
    System.arraycopy(buf, pos, buf, 0, unread);
    base += pos;
    pos = 0;
    limit = unread;
    while (limit < n && !eof) {
      window.limit(buf.length).position(limit);
      int r = channel.read(window);
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    }
    return limit >= n;
  }

  /**
   * Moves the read position {@code n} bytes on, reading through (or seeking over) what is not
   * buffered. Returns false when the input ends first; the position is then the end of input.
   */
  boolean skip(long n) throws IOException {
    if (n <= limit - pos) {
      pos += (int) n;
      return true;
    }
    long rest = n - (limit - pos);
    base += limit;
    pos = 0;
    limit = 0;
    if (channel instanceof SeekableByteChannel seekable) {
      long here = seekable.position();
      // max: a file that shrank below the read position has simply ended
      long target = Math.max(here, Math.min(seekable.size(), here + rest));
      seekable.position(target);
      base += target - here;
      return target - here == rest;
    }
    while (rest > 0 && !eof) {
      window.limit((int) Math.min(buf.length, rest)).position(0);
      int r = channel.read(window);
      if (r < 0) {
        eof = true;
      } else {
        rest -= r;
        base += r;
      }
    }
    return rest == 0;
  }

  /** Unsigned 16-bit value at {@code at} in the given byte order. */
  int u16(int at, boolean bigEndian) {
    short v = bigEndian ? (short) SHORT_BE.get(buf, at) : (short) SHORT_LE.get(buf, at);
    return v & 0xffff;
  }

  /** 32-bit value at {@code at} in the given byte order (use {@code & 0xffffffffL} if unsigned). */
  int i32(int at, boolean bigEndian) {
    return bigEndian ? (int) INT_BE.get(buf, at) : (int) INT_LE.get(buf, at);
  }

  /** Unsigned 32-bit value at {@code at} in the given byte order. */
  long u32(int at, boolean bigEndian) {
    return i32(at, bigEndian) & 0xffffffffL;
  }
}
