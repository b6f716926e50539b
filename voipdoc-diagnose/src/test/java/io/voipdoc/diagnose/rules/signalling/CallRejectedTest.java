package io.voipdoc.diagnose.rules.signalling;

import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Evidence;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CallRejectedTest {
  @Test
  void debug() {
    var inc = Incidents.merged(LabCaptures.of("nat-binding-expired"));
    for (var c : inc.calls()) {
      System.out.println("call " + c.index() + " " + c.state() + " " + c.callIds() + " " + c.finalStatus());
      for (var l : c.legs()) for (var t : l.setupAttempts()) System.out.println("  " + t.request().frame() + " " + t.request().source() + "->" + t.request().destination() + " " + t.finalStatus() + " " + t.cancel());
    }
  }

  @Test
  void explore() {
    for (String s : new String[] {"nat-binding-expired", "sdp-rejected-488", "acl-rejected-403", "toll-fraud-scan", "forking", "acl-candidates-488"}) {
      List<Finding> found = Incidents.findingsMerged(new CallRejected(), LabCaptures.of(s));
      System.out.println("== " + s + " " + found.size());
      for (Finding f : found.subList(0, Math.min(2, found.size()))) {
        FindingText t = new FindingText(Locale.ENGLISH);
        System.out.println(f.severity() + " " + f.subject() + " " + f.titleArgs() + " | " + t.title(f));
        for (Evidence e : f.evidence()) {
          System.out.println("  " + e.key() + " " + (e.frame() == null ? "-" : e.frame().input() + "#" + e.frame().number()) + " " + e.args() + " " + e.displayFilter());
        }
        f.advice().forEach(a -> System.out.println("  advice " + a.key() + " " + a.args()));
      }
    }
  }
}
