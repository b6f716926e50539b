package io.voipdoc.correlate.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On every capture of the shared corpus, the legs the correlator builds hold as many Call-IDs with
 * an INVITE, and as many INVITE requests (retransmissions and re-INVITEs included), as tshark sees
 * ({@code invite_callids} and {@code invite_requests} in expected.tsv, made by facts.sh).
 */
class CorpusInvitesTest {

  static Stream<Arguments> captures() throws IOException {
    Path dir = Replay.corpus();
    List<String> lines = Files.readAllLines(dir.resolve("expected.tsv"));
    List<String> header = List.of(lines.get(0).split("\t"));
    int file = header.indexOf("file");
    int requests = header.indexOf("invite_requests");
    int callIds = header.indexOf("invite_callids");
    List<Arguments> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      out.add(
          Arguments.of(f[file], Integer.parseInt(f[callIds]), Integer.parseInt(f[requests])));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void invitesAgreeWithTshark(String file, int callIds, int requests) throws Exception {
    Replay r = Replay.corpus(file);
    Set<String> ids = new HashSet<>();
    int invites = 0;
    for (Call c : r.calls) {
      for (CallLeg l : c.legs()) {
        ids.add(l.callId());
        invites += l.inviteRequests();
      }
    }
    assertEquals(callIds, ids.size(), "Call-IDs with INVITE");
    assertEquals(requests, invites, "INVITE requests");
  }
}
