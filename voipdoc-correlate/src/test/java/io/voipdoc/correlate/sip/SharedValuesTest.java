package io.voipdoc.correlate.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.voipdoc.correlate.Endpoint;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kept messages share their repeated values; the table of values stays at its size. */
class SharedValuesTest {

  @Test
  void messagesOfACallShareCallIdEndpointsAndHeaders() throws Exception {
    Replay r = Replay.corpus("sip/sipnab-b2bua-asterisk.pcapng");
    int events = 0;
    Map<Object, Object> first = new HashMap<>();
    for (Call c : r.calls) {
      for (CallLeg l : c.legs()) {
        for (SipEvent e : l.events()) {
          events++;
          assertSame(l.events().get(0).callId(), e.callId());
          for (Object v : new Object[] {e.source(), e.destination(), e.method(), e.userAgent(), e.viaSentBy()}) {
            if (v != null) {
              assertSame(first.computeIfAbsent(v, k -> v), v, v.toString());
            }
          }
        }
      }
    }
    assertEquals(2, r.calls.get(0).legs().size());
    assertEquals(true, events > 20, "events: " + events);
    Endpoint caller = r.calls.get(0).firstLeg().caller();
    assertSame(caller, r.calls.get(0).firstLeg().events().get(0).source());
  }

  @Test
  void aSlotHoldsTheValueSeenLastThere() {
    SharedValues shared = new SharedValues();
    String a = new String("a");
    assertSame(a, shared.share(a));
    assertSame(a, shared.share(new String("a")));
    // another value in the same slot takes it over: the table stays at its size
    String rival = null;
    for (int i = 0; rival == null; i++) {
      String v = "v" + i;
      if (slot(v) == slot(a)) {
        rival = v;
      }
    }
    assertSame(rival, shared.share(rival));
    String again = new String("a");
    assertSame(again, shared.share(again));
    assertNotSame(a, again);
    assertNull(shared.share(null));
  }

  private static int slot(Object v) {
    int h = v.hashCode();
    return (h ^ (h >>> 16)) & (SharedValues.SLOTS - 1);
  }
}
