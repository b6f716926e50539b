package io.voipdoc.decode.tls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the TLS stream reader (input split at a fuzzed point, both directions) and the
 * DTLS datagram reader. Plain {@code mvn test} replays the seeds in {@code
 * TlsRecordFuzzerInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes for real for 30 s per target.
 */
class TlsRecordFuzzer {
  private static final TlsConfig SMALL = new TlsConfig(4096, 8192, 3);

  @FuzzTest(maxDuration = "30s")
  void tls(FuzzedDataProvider data) {
    int split = data.consumeInt(0, 4096);
    boolean otherSide = data.consumeBoolean();
    byte[] bytes = data.consumeRemainingAsBytes();
    TlsConnection.accepts(bytes, 0, bytes.length);
    TlsConnection c = new TlsConnection(SMALL, new TlsListener() {});
    int first = Math.min(split, bytes.length);
    c.onStreamData(0, bytes, 0, first);
    c.onStreamData(otherSide ? 1 : 0, bytes, first, bytes.length - first);
  }

  @FuzzTest(maxDuration = "30s")
  void dtls(byte[] data) {
    DtlsConnection.accepts(data, 0, data.length);
    DtlsConnection c = new DtlsConnection(SMALL, new TlsListener() {});
    c.onDatagram(0, data, 0, data.length);
    c.onDatagram(0, data, 0, data.length);
  }
}
