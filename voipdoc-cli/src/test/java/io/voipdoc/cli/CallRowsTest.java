package io.voipdoc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voipdoc.correlate.sip.Call;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CallRows}: the calls of a transfer end in either order, and the rows link them the same
 * way (lab/blind-transfer: call 1 sends the REFER, call 2 is the transferee's new call).
 */
class CallRowsTest {

  @Test
  void transferIsLinkedWhicheverCallEndsFirst() throws IOException {
    List<Call> calls =
        CallsCommand.correlate(
                List.of(Cli.root().resolve("lab/blind-transfer/pbx.pcapng").toString()), List.of(),
                new Messages(Locale.ENGLISH))
            .calls();
    assertEquals(2, calls.size());
    String transferCallId = calls.get(1).firstLeg().callId();
    List<Call> reversed = new ArrayList<>(calls);
    Collections.reverse(reversed);
    for (List<Call> order : List.of(calls, reversed)) {
      CallRows rows = new CallRows();
      order.forEach(rows);
      List<Map<String, Object>> json = rows.json();
      assertEquals(1, json.get(0).get("index"));
      assertNull(json.get(0).get("transferOf"));
      assertEquals(1, json.get(1).get("transferOf"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> transfers = (List<Map<String, Object>>) json.get(0).get("transfers");
      assertEquals(transferCallId, transfers.get(0).get("transferCallId"));
    }
  }
}
