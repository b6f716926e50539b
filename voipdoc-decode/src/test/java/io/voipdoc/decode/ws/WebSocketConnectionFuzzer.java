package io.voipdoc.decode.ws;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for {@link WebSocketConnection}: a script of pieces for either direction, and gaps,
 * must never throw, never hand out a message above the limit, and keep its problem list bounded.
 *
 * <p>The input is a sequence of records {@code control(1) length(2, big-endian) bytes(length)}: bit
 * 0 of {@code control} is the side (0 client, 1 server), bit 1 makes the record a gap of {@code
 * length} bytes (its bytes are then skipped). A record longer than what is left takes the rest.
 * Seeds in {@code WebSocketConnectionFuzzerInputs/frames}: {@code lab-dave} and {@code lab-bob},
 * the two TCP connections of {@code lab/websocket-call/pbx.pcapng} with one record per segment
 * payload as {@code tshark -q -z follow,tcp,raw,N} lists them; {@code refused}, an upgrade answered
 * with 403; {@code fragments}, a message in two fragments with a ping between them, a 64-bit
 * length, a gap and a close with status 1001 (the last two built by hand).
 */
class WebSocketConnectionFuzzer {
  private static final WebSocketConfig SMALL = new WebSocketConfig(512, 4096, 2048, 16);

  @FuzzTest(maxDuration = "30s")
  void frames(byte[] script) {
    WebSocketConnection ws = new WebSocketConnection(SMALL);
    int p = 0;
    while (p < script.length) {
      int control = script[p++] & 0xff;
      int length = p + 1 < script.length ? ((script[p] & 0xff) << 8) | (script[p + 1] & 0xff) : 0;
      p = Math.min(p + 2, script.length);
      length = Math.min(length, script.length - p);
      int side = control & 1;
      if ((control & 2) != 0) {
        ws.gap(side, length);
      } else {
        ws.onStreamData(side, script, p, length);
      }
      p += length;
      for (WebSocketMessage m = ws.next(); m != null; m = ws.next()) {
        if (m.payload().length == 0 || m.payload().length > SMALL.maxMessageSize()) {
          throw new IllegalStateException("message of " + m.payload().length + " bytes");
        }
      }
      if (ws.drainProblems().size() > SMALL.maxProblemsKept()) {
        throw new IllegalStateException("problem list above its limit");
      }
    }
    int status = ws.upgradeStatus();
    if (status != -1 && (status < 100 || status > 999)) {
      throw new IllegalStateException("status " + status);
    }
  }
}
