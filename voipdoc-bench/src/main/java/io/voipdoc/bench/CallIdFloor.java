package io.voipdoc.bench;

import io.voipdoc.decode.Packet;
import io.voipdoc.decode.PacketListener;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The least work any pass that rebuilds calls from SIP datagrams has to do, as a reference for the
 * {@code calls} figure: find the end of each header line, pick the Call-ID (long or compact form,
 * RFC 3261 §7.3.3) and the CSeq method, and keep a table of the calls in progress, from which a
 * call leaves with the response to its BYE. Nothing is checked, parsed or kept beyond that, and
 * TCP is ignored; this is not a SIP decoder and is used by no command.
 */
final class CallIdFloor implements PacketListener {
  private final Map<String, int[]> inProgress = new HashMap<>();
  private long calls;

  /** Distinct Call-IDs seen so far. */
  long calls() {
    return calls;
  }

  @Override
  public void onDatagram(Packet packet) {
    byte[] b = packet.payload;
    int end = packet.payloadOffset + packet.payloadLength;
    int p = lineEnd(b, packet.payloadOffset, end) + 1;
    boolean response = b[packet.payloadOffset] == 'S';
    String callId = null;
    boolean bye = false;
    while (p < end && b[p] != '\r' && b[p] != '\n') {
      int eol = lineEnd(b, p, end);
      int colon = p;
      while (colon < eol && b[colon] != ':') {
        colon++;
      }
      int name = colon - p;
      if ((name == 1 && (b[p] == 'i' || b[p] == 'I'))
          || (name == 7 && (b[p] | 0x20) == 'c' && (b[p + 5] | 0x20) == 'i')) {
        int from = colon + 1;
        while (from < eol && b[from] == ' ') {
          from++;
        }
        int to = eol > from && b[eol - 1] == '\r' ? eol - 1 : eol;
        callId = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
      } else if (name == 4 && (b[p] | 0x20) == 'c' && (b[p + 1] | 0x20) == 's') {
        // CSeq: 1 BYE
        int method = colon + 1;
        while (method < eol && (b[method] == ' ' || (b[method] >= '0' && b[method] <= '9'))) {
          method++;
        }
        bye = method + 2 < eol && b[method] == 'B' && b[method + 1] == 'Y' && b[method + 2] == 'E';
      }
      p = eol + 1;
    }
    if (callId == null) {
      return;
    }
    if (response && bye) {
      inProgress.remove(callId);
    } else if (inProgress.putIfAbsent(callId, new int[1]) == null) {
      calls++;
    }
  }

  private static int lineEnd(byte[] b, int from, int end) {
    int i = from;
    while (i < end && b[i] != '\n') {
      i++;
    }
    return i;
  }
}
