package io.voipdoc.decode.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written field splitters against the regular-expression forms they replace. */
class FieldsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "   ", "a", "a b", "a  b", " a b", "  a  b  ", "a b ", "audio 49170 RTP/AVP 0 8 101",
        "1 1 UDP 2130706431 192.0.2.1 5000 typ host", "x\tz  y"
      })
  void wordsSplitLikeARegexOnRunsOfSpaces(String v) {
    assertArrayEquals(v.split(" +"), Fields.words(v));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "  ", "a", "a b", "a  b", " a", "a ", "- 1 1 IN IP4 192.0.2.1", "0 0"})
  void splitSplitsAtEverySpaceLikeStringSplit(String v) {
    assertArrayEquals(v.isEmpty() ? new String[0] : v.split(" ", -1), Fields.split(v));
  }

  @Test
  void decimalOfARangeReadsOnlyThatRange() {
    assertEquals(101, Fields.decimal("101 telephone-event/8000", 0, 3, 127));
    assertEquals(-1, Fields.decimal("128 x", 0, 3, 127));
    assertEquals(-1, Fields.decimal("1a", 0, 2, 127));
    assertEquals(-1, Fields.decimal("12", 1, 1, 127));
  }

  @Test
  void rtpMapReadsNameRateAndChannels() {
    assertEquals(new RtpMap(111, "opus", 48000, 2), RtpMap.parse("111 opus/48000/2"));
    assertEquals(new RtpMap(0, "PCMU", 8000, 1), RtpMap.parse("0 PCMU/8000"));
    assertEquals(new RtpMap(0, "PCMU", 8000, 1), RtpMap.parse("0  PCMU/8000 "));
    // RFC 4475's torture messages carry "a=rtpmap:31 LPC": the name without a clock rate
    assertEquals(new RtpMap(31, "LPC", -1, 1), RtpMap.parse("31 LPC"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "0", "x PCMU/8000", "0 /8000", "0 PCMU/", "0 PCMU/x", "0 a/1/2/3", "0 a/8000/",
        "128 PCMU/8000", "0 "})
  void rtpMapRejectsWhatTheGrammarDoesNot(String v) {
    assertNull(RtpMap.parse(v));
  }
}
