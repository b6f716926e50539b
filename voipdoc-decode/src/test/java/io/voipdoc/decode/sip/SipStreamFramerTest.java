package io.voipdoc.decode.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SipStreamFramerTest {
  static final String INVITE =
      "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\n"
          + "Max-Forwards: 70\r\nTo: <sip:bob@example.com>\r\nFrom: <sip:a@b>;tag=1\r\n"
          + "Call-ID: one\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\n"
          + "Content-Length: 13\r\n\r\nv=0\r\ns=-\r\nt=0";
  static final String OK =
      "SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nTo: <sip:bob@example.com>;tag=2\r\n"
          + "From: <sip:a@b>;tag=1\r\nCall-ID: one\r\nCSeq: 1 INVITE\r\nl: 0\r\n\r\n";
  /** Two messages with a double-CRLF ping between them and a CRLF pong after. */
  static final byte[] STREAM = (INVITE + "\r\n\r\n" + OK + "\r\n").getBytes(StandardCharsets.UTF_8);

  static List<SipMessage> drain(SipStreamFramer f) {
    List<SipMessage> out = new ArrayList<>();
    for (SipMessage m = f.next(); m != null; m = f.next()) {
      out.add(m);
    }
    return out;
  }

  static void assertTwoMessages(List<SipMessage> got, String context) {
    assertEquals(2, got.size(), context);
    assertEquals("INVITE", got.get(0).method(), context);
    assertEquals("v=0\r\ns=-\r\nt=0", got.get(0).body().text(), context);
    assertEquals(200, got.get(1).statusCode(), context);
    assertEquals(0, got.get(1).body().length(), context);
    assertTrue(got.get(0).problems().isEmpty(), context + got.get(0).problems());
    assertTrue(got.get(1).problems().isEmpty(), context + got.get(1).problems());
  }

  @Test
  void severalMessagesInOneSegment() {
    SipStreamFramer f = new SipStreamFramer();
    f.feed(STREAM, 0, STREAM.length);
    assertTwoMessages(drain(f), "one feed");
    assertEquals(STREAM.length, f.position());
    assertTrue(f.drainProblems().isEmpty());
  }

  /** Every split point into two segments, then every fragment size (Netty everySplit). */
  @Test
  void everySplit() {
    for (int split = 0; split <= STREAM.length; split++) {
      SipStreamFramer f = new SipStreamFramer();
      f.feed(STREAM, 0, split);
      List<SipMessage> got = drain(f);
      f.feed(STREAM, split, STREAM.length - split);
      got.addAll(drain(f));
      assertTwoMessages(got, "split at " + split + ": ");
    }
    for (int size = 1; size <= STREAM.length; size++) {
      SipStreamFramer f = new SipStreamFramer();
      List<SipMessage> got = new ArrayList<>();
      for (int p = 0; p < STREAM.length; p += size) {
        f.feed(STREAM, p, Math.min(size, STREAM.length - p));
        got.addAll(drain(f));
      }
      assertTwoMessages(got, "fragments of " + size + ": ");
    }
  }

  @Test
  void missingContentLengthResynchronisesAtNextStartLine() {
    String noLength = "MESSAGE sip:x SIP/2.0\r\nCall-ID: two\r\n\r\nhello body\r\n";
    byte[] b = (noLength + OK).getBytes(StandardCharsets.UTF_8);
    SipStreamFramer f = new SipStreamFramer();
    f.feed(b, 0, b.length);
    List<SipMessage> got = drain(f);
    assertEquals(2, got.size());
    assertEquals("two", got.get(0).callId());
    assertEquals(0, got.get(0).body().length());
    assertTrue(got.get(0).has(SipProblem.CONTENT_LENGTH_MISSING));
    assertEquals(200, got.get(1).statusCode());
    List<SipProblem.At> framing = f.drainProblems();
    assertEquals(
        List.of(new SipProblem.At(SipProblem.JUNK_BEFORE_START_LINE, 39, "")), framing);
  }

  @Test
  void invalidContentLengthIsReported() {
    byte[] b = ("OPTIONS sip:x SIP/2.0\r\nContent-Length: -5\r\n\r\n" + OK).getBytes(StandardCharsets.UTF_8);
    SipStreamFramer f = new SipStreamFramer();
    f.feed(b, 0, b.length);
    List<SipMessage> got = drain(f);
    assertEquals(2, got.size());
    assertTrue(got.get(0).has(SipProblem.BAD_CONTENT_LENGTH));
  }

  @Test
  void oversizeBodyIsSkippedByItsLength() {
    SipStreamFramerConfig small =
        new SipStreamFramerConfig(256, 10, SipDecoderConfig.DEFAULT);
    String big = "INFO sip:x SIP/2.0\r\nCall-ID: big\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(1000);
    byte[] b = (big + OK).getBytes(StandardCharsets.UTF_8);
    SipStreamFramer f = new SipStreamFramer(small);
    for (int p = 0; p < b.length; p += 100) {
      f.feed(b, p, Math.min(100, b.length - p));
    }
    List<SipMessage> got = drain(f);
    assertEquals(2, got.size());
    assertEquals("big", got.get(0).callId());
    assertTrue(got.get(0).has(SipProblem.MESSAGE_TOO_LARGE));
    assertEquals(200, got.get(1).statusCode());
  }

  @Test
  void oversizeHeaderSectionIsDropped() {
    SipStreamFramerConfig small = new SipStreamFramerConfig(256, 10, SipDecoderConfig.DEFAULT);
    String endless = "INFO sip:x SIP/2.0\r\n" + "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(20);
    byte[] b = (endless + "\r\n" + OK).getBytes(StandardCharsets.UTF_8);
    SipStreamFramer f = new SipStreamFramer(small);
    f.feed(b, 0, b.length);
    List<SipMessage> got = drain(f);
    assertEquals(1, got.size());
    assertEquals(200, got.get(0).statusCode());
    assertEquals(
        List.of(SipProblem.MESSAGE_TOO_LARGE),
        f.drainProblems().stream().map(SipProblem.At::problem).collect(Collectors.toList()));
  }

  @Test
  void gapResynchronises() {
    byte[] b = STREAM;
    SipStreamFramer f = new SipStreamFramer();
    f.feed(b, 0, 40);
    f.gap(100);
    f.feed(b, 140, b.length - 140);
    List<SipMessage> got = drain(f);
    assertEquals(1, got.size());
    assertEquals(200, got.get(0).statusCode());
    assertEquals(SipProblem.RESYNCHRONISED, f.drainProblems().get(0).problem());
  }

  @Test
  void endDeliversMessageCutShort() {
    byte[] b = INVITE.getBytes(StandardCharsets.UTF_8);
    SipStreamFramer f = new SipStreamFramer();
    f.feed(b, 0, b.length - 5);
    assertNull(f.next());
    f.end();
    SipMessage m = f.next();
    assertEquals("one", m.callId());
    assertTrue(m.has(SipProblem.CONTENT_LENGTH_MISMATCH));
  }

  @Test
  void truncated() {
    for (int n = 0; n < STREAM.length; n++) {
      SipStreamFramer f = new SipStreamFramer();
      f.feed(STREAM, 0, n);
      List<SipMessage> got = drain(f);
      f.end();
      for (SipMessage m = f.next(); m != null; m = f.next()) {
        assertTrue(!m.problems().isEmpty(), "prefix " + n);
      }
      assertTrue(got.size() <= 2);
    }
  }
}
