package io.voipdoc.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The decompressed bytes of a gzip stream (RFC 1952; concatenated members are one stream). Damage
 * in the compression is reported as a {@link GzipProblem} and ends the stream, so the capture
 * reader sees a cut file rather than an exception; only failures of the underlying input are
 * thrown.
 */
final class GzipChannel implements ReadableByteChannel {
  private final GZIPInputStream gzip;
  private final String input;
  private final AnomalyLog anomalies;
  private long delivered;
  private boolean ended;
  private boolean open = true;

  /** Reads the gzip header of {@code compressed}; a damaged header is thrown as {@link ZipException}. */
  GzipChannel(InputStream compressed, int bufferBytes, String input, AnomalyLog anomalies)
      throws IOException {
    this.gzip = new GZIPInputStream(compressed, bufferBytes);
    this.input = input;
    this.anomalies = anomalies;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (ended) {
      return -1;
    }
    if (!dst.hasArray()) {
      throw new IllegalArgumentException("heap buffer expected");
    }
    int n;
    try {
      n = gzip.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
    } catch (EOFException e) {
      // "Unexpected end of ZLIB input stream": the compressed file was cut
      end(GzipProblem.STREAM_TRUNCATED, "");
      return -1;
    } catch (ZipException e) {
      String reason = e.getMessage();
      end(GzipProblem.STREAM_CORRUPT, reason == null ? "" : reason);
      return -1;
    }
    if (n < 0) {
      ended = true;
      return -1;
    }
    dst.position(dst.position() + n);
    delivered += n;
    return n;
  }

  private void end(GzipProblem problem, String detail) {
    ended = true;
    anomalies.report(problem.id(), input, 0, delivered, detail);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    gzip.close();
  }
}
