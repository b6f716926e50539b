package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter err = new StringWriter();

  private Progress progress(Locale locale) {
    return new Progress(new PrintWriter(err, true), new Messages(locale));
  }

  @Test
  void line_shows_bar_bytes_rate_and_time_left() {
    Progress p = progress(Locale.ENGLISH);
    p.start("captures/big.pcapng", 1_000_000);
    assertEquals(
        "captures/big.pcapng  [#####---------------] 25%  250.0 kB of 1.0 MB  250.0 kB/s  0:03 left",
        p.line(250_000, 1_000_000_000L));
    assertEquals(
        "captures/big.pcapng  [####################] 100%  1.0 MB of 1.0 MB  10.0 kB/s  0:00 left",
        p.line(1_000_000, 100_000_000_000L));
  }

  @Test
  void german_line_and_unknown_total() {
    Progress p = progress(Locale.GERMAN);
    p.start("-", -1);
    assertEquals("-  2,5 GB gelesen  1,3 GB/s", p.line(2_500_000_000L, 2_000_000_000L));
    p.start("a.pcapng", 2_000_000);
    assertEquals(
        "a.pcapng  [##########----------] 50 %  1,0 MB von 2,0 MB  500,0 kB/s  noch 0:02",
        p.line(1_000_000, 2_000_000_000L));
  }

  @Test
  void a_hostile_or_long_input_name_is_escaped_and_cut() {
    Progress p = progress(Locale.ENGLISH);
    p.start("\u001b[2J" + "x".repeat(40), -1);
    assertTrue(p.line(10, 1_000_000_000L).startsWith("\\x1b[2Jxxxxxxxxxxxxxxxx…  10 B read"));
  }

  @Test
  void appears_after_a_second_and_is_erased_when_done() throws InterruptedException {
    Progress p = progress(Locale.ENGLISH);
    p.start("a.pcapng", 1000);
    p.update(10);
    assertEquals("", err.toString(), "a short input shows no bar");
    Thread.sleep(1_100);
    p.update(500);
    assertTrue(err.toString().startsWith("\r"), err.toString());
    assertTrue(err.toString().contains("[##########----------] 50%  500 B of 1.0 kB"), err.toString());
    assertTrue(err.toString().endsWith("\u001b[K"), err.toString());
    p.done();
    assertTrue(err.toString().endsWith("\r\u001b[K"), "erased: " + err);
  }

  @Test
  void none_reports_nothing() {
    Progress.NONE.start("a", 10);
    Progress.NONE.update(5);
    Progress.NONE.done();
    assertEquals("", err.toString());
  }
}
