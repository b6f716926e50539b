package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line in a real pseudo-terminal (a detached tmux session, 100 × 40): colours on
 * a terminal, none with NO_COLOR or when piped, and a hostile capture that cannot change the
 * terminal. Skipped, saying so, where tmux is not installed.
 */
class TerminalTest {
  @TempDir static Path dir;
  private static int windows;

  @BeforeAll
  static void needsTmux() {
    boolean found = false;
    try {
      found = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      // not installed
    }
    Assumptions.assumeTrue(found, "tmux is not installed: the pseudo-terminal checks are skipped");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (windows > 0) {
      tmux("kill-server");
    }
  }

  private static String tmux(String... args) throws IOException, InterruptedException {
    // a tmux server of this test's own, its socket in the temporary folder: no other is touched
    List<String> cmd = new ArrayList<>(List.of("tmux", "-S", dir.resolve("tmux").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "tmux " + args[0]);
    return out;
  }

  /** The voipdoc command line of this build, as a shell command. */
  private static String voipdoc(String arguments) {
    String java = ProcessHandle.current().info().command().orElse("java");
    return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' io.voipdoc.cli.Main "
        + arguments;
  }

  /**
   * Runs {@code shell} in a new tmux window and returns the screen and its history (with the
   * attributes as escape sequences, {@code capture-pane -e}, wrapped lines joined) once the
   * command printed its end mark.
   */
  private static String screen(String shell) throws Exception {
    String name = "w" + windows++;
    Path script = dir.resolve(name + ".sh");
    Files.writeString(script, shell + "\necho '@@done'\nsleep 600\n");
    if (windows == 1) {
      tmux("new-session", "-d", "-x", "100", "-y", "40", "-s", "t", "-n", name, "sh " + script);
    } else {
      tmux("new-window", "-d", "-t", "t", "-n", name, "sh " + script);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String screen = tmux("capture-pane", "-p", "-e", "-J", "-S", "-", "-t", "t:" + name);
      if (screen.contains("@@done")) {
        return screen;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no end mark on the screen of: " + shell);
  }

  private static String lab(String scenario) {
    return Cli.root().resolve("lab").resolve(scenario).resolve("pbx.pcapng").toAbsolutePath().toString();
  }

  /** Whether the screen shows red text: tmux writes it as SGR 31, alone or with bold. */
  private static boolean red(String screen) {
    return screen.matches("(?s).*\u001b\\[[0-9;]*31m.*");
  }

  @Test
  void colours_on_a_terminal_and_none_with_no_color_or_in_a_pipe() throws Exception {
    String analyze = voipdoc("analyze --lang en " + lab("sdp-rejected-488"));

    String coloured = screen("unset NO_COLOR; " + analyze);
    assertTrue(coloured.contains("SDP_REJECTED_488"), coloured);
    assertTrue(red(coloured), "ERROR is red on a terminal:\n" + coloured);

    String noColor = screen("NO_COLOR=1 " + analyze);
    assertTrue(noColor.contains("SDP_REJECTED_488"), noColor);
    assertFalse(red(noColor), "NO_COLOR:\n" + noColor);
    assertFalse(noColor.contains("\u001b[1m"), "NO_COLOR: no bold either");

    String piped = screen("unset NO_COLOR; " + analyze + " | cat");
    assertTrue(piped.contains("SDP_REJECTED_488"), piped);
    assertFalse(red(piped), "piped:\n" + piped);

    String forced = screen("unset NO_COLOR; " + voipdoc("analyze --color always --lang en " + lab("sdp-rejected-488")) + " | cat");
    assertTrue(red(forced), "--color always:\n" + forced);
  }

  @Test
  void hostile_capture_cannot_change_the_terminal() throws Exception {
    Path capture = HostileCapture.write(dir.resolve("hostile.pcap"));
    String screen = screen(voipdoc("analyze --lang en --color never " + capture));
    assertTrue(screen.contains("Inputs         1: hostile.pcap"), screen);
    assertTrue(screen.contains("Call 1: mallory\\x1b[31m\\x1b]0;owned\\x07\\x1b[2J\\u202e"), screen);
    assertFalse(red(screen), "the red of the capture did not act:\n" + screen);
    assertFalse(screen.contains("\u202e"), "no right-to-left override reached the terminal");
    String title = tmux("display-message", "-p", "-t", "t:w" + (windows - 1), "#{pane_title}");
    assertFalse(title.contains("owned"), "the window title was not set: " + title);
  }
}
