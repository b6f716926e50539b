package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code voipdoc flow}: the ladder of a call, across legs and inputs, within the width. */
class FlowCommandTest {

  @Test
  void ladderOfB2buaCallFitsEightyColumns() {
    String file = Cli.corpus().resolve("sip/sipnab-b2bua-asterisk.pcapng").toString();
    Cli r = Cli.run("flow", file, "--call", "37686afc57ce24ac655742b3644a7bb8@172.16.98.101:5060");
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    String[] lines = r.out().split("\n");
    for (String l : lines) {
      assertTrue(l.length() <= 80, l.length() + ": " + l);
    }
    // three columns: the caller, the B2BUA, the callee
    assertTrue(lines[1].contains("172.16.98.1:44285"), lines[1]);
    assertTrue(lines[1].contains("172.16.98.101:5060"), lines[1]);
    assertTrue(lines[1].contains("172.16.98.145:40216"), lines[1]);
    assertTrue(r.out().contains("#24 "), r.out());
    assertTrue(r.out().contains("180 Ringing"), r.out());
  }

  @Test
  void callByIndexAcrossTwoInputs() {
    Cli r =
        Cli.run(
            "flow",
            Cli.corpus().resolve("sip/pkts-sipp.pcap").toString(),
            Cli.corpus().resolve("sip/pkts-cancel.pcap").toString(),
            "--call",
            "6",
            "--by-host");
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertTrue(r.out().contains("487 Request Terminated"), r.out());
    assertTrue(r.out().contains("1-6261@127.0.1.1"), r.out());
  }

  @Test
  void unknownCallIsAUsageError() {
    Cli r = Cli.run("flow", Cli.corpus().resolve("sip/pkts-cancel.pcap").toString(), "--call", "nope");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().contains("nope"), r.err());
  }

  @Test
  void widthFromColumns() {
    assertEquals(120, FlowCommand.width("120"));
    assertEquals(80, FlowCommand.width("x"));
    assertEquals(80, FlowCommand.width(null));
  }
}
