package io.voipdoc.cli;

import io.voipdoc.correlate.sip.Call;
import io.voipdoc.correlate.sip.CallLeg;
import io.voipdoc.correlate.sip.Refer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns each call the correlator hands on into its {@link CallRow} and lets the call go: memory
 * grows by a row per call (a few hundred bytes), not by the call's messages.
 *
 * <p>A transfer links two calls that end in either order: the call that sent the REFER and the call
 * the transferee started for it. Whichever ends first leaves what the other needs here (the REFER
 * with the index of its call, or the transfer call's row waiting for that index), and the second
 * completes the link. Only REFERs whose transfer call may still come are kept that way.
 */
final class CallRows implements Consumer<Call> {
  private final List<String> inputNames = new ArrayList<>();
  private final Map<String, Integer> inputNumbers = new HashMap<>();
  private final List<CallRow> rows = new ArrayList<>();
  // REFERs of ended calls whose transfer call has not ended (or not started) yet
  private final Map<Refer, Requested> requested = new IdentityHashMap<>();
  // ended transfer calls whose REFER's call is still open
  private final Map<Refer, CallRow> awaiting = new IdentityHashMap<>();

  /** A transfer requested in an ended call: that call's index and the transfer's JSON object. */
  private record Requested(int callIndex, Map<String, Object> json) {}

  @Override
  public void accept(Call c) {
    CallRow row = new CallRow(c, this);
    List<Refer> transfers = c.transfers();
    for (int i = 0; i < transfers.size(); i++) {
      Refer r = transfers.get(i);
      CallRow transferCall = awaiting.remove(r);
      if (transferCall != null) {
        transferCall.transferOf = c.index();
      } else if (r.transferLeg() != null || r.status() < 300) {
        // a refused REFER is never linked to a new call (SipCorrelator skips it)
        requested.put(r, new Requested(c.index(), row.transfers.get(i)));
      }
    }
    Refer of = c.transferOf();
    for (CallLeg l : c.legs()) {
      Refer r = l.transferOf();
      if (r == null) {
        continue;
      }
      Requested q = requested.remove(r);
      if (q != null) {
        q.json().put("transferCallId", l.callId());
        if (r == of) {
          row.transferOf = q.callIndex();
        }
      } else if (r == of) {
        awaiting.put(r, row);
      }
    }
    rows.add(row);
  }

  /** The number of an input name, the same for every frame of that input. */
  int inputNumber(String input) {
    Integer n = inputNumbers.get(input);
    if (n == null) {
      n = inputNames.size();
      inputNames.add(input);
      inputNumbers.put(input, n);
    }
    return n;
  }

  /** The rows in call order (the order the calls started). */
  List<CallRow> sorted() {
    rows.sort(Comparator.comparingInt(r -> r.index));
    return rows;
  }

  /**
   * The JSON objects of the rows in call order, each made when it is written, so that the whole
   * document is never in memory at once.
   */
  List<Map<String, Object>> json() {
    List<CallRow> sorted = sorted();
    return new AbstractList<>() {
      @Override
      public Map<String, Object> get(int i) {
        return sorted.get(i).json(inputNames);
      }

      @Override
      public int size() {
        return sorted.size();
      }
    };
  }
}
