package io.voipdoc.correlate.sip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one source address asked for outside existing dialogs, and how it was answered: every
 * initial INVITE, every new REGISTER and every out-of-dialog request (OPTIONS, SUBSCRIBE, MESSAGE,
 * ...; RFC 3261 §11, §12.1), counted per method, with the user parts it named, the user agents it
 * gave, the final responses it got and the busiest burst. This is the view a scan leaves: one
 * source, many requests, many users, answered 401/403/404.
 *
 * <p>Everything kept is bounded; past a limit, requests are only counted.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>limit</th><th>value</th><th>why</th></tr>
 *   <tr><td>{@link #MAX_USERS}</td><td>{@value #MAX_USERS}</td>
 *       <td>distinct user parts kept; enough to see extension guessing, small for a flood</td></tr>
 *   <tr><td>{@link #MAX_USER_AGENTS}</td><td>{@value #MAX_USER_AGENTS}</td>
 *       <td>distinct User-Agent values kept, each with its first request</td></tr>
 *   <tr><td>{@link #MAX_REJECTIONS}</td><td>{@value #MAX_REJECTIONS}</td>
 *       <td>final responses of 300 or more kept as samples</td></tr>
 *   <tr><td>{@link #MAX_METHODS}</td><td>{@value #MAX_METHODS}</td>
 *       <td>distinct method names counted (a fuzzer may invent methods)</td></tr>
 *   <tr><td>{@link #BURST_WINDOW_NANOS}</td><td>10 s</td>
 *       <td>the window in which {@link #busiestBurst()} counts requests</td></tr>
 * </table>
 */
public final class SourceActivity {
  /** Distinct user parts kept. */
  public static final int MAX_USERS = 256;
  /** Distinct User-Agent values kept. */
  public static final int MAX_USER_AGENTS = 4;
  /** Final responses of 300 or more kept as samples. */
  public static final int MAX_REJECTIONS = 8;
  /** Distinct methods counted; others are counted under {@code "*"}. */
  public static final int MAX_METHODS = 16;
  /** The window of {@link #busiestBurst()}: 10 s. */
  public static final long BURST_WINDOW_NANOS = 10_000_000_000L;

  private final InetAddress address;
  private final SipEvent first;
  private SipEvent last;
  private long requests;
  private final Map<String, Long> methods = new LinkedHashMap<>();
  private final List<String> users = new ArrayList<>();
  private final Set<String> userSet = new HashSet<>();
  private boolean moreUsers;
  private final List<SipEvent> userAgents = new ArrayList<>(1);
  private final Map<Integer, Long> statuses = new TreeMap<>();
  private final List<SipEvent> rejections = new ArrayList<>();
  private @Nullable SipEvent firstAccepted;
  private long windowStart;
  private int inWindow;
  private int busiest;

  SourceActivity(SipEvent first) {
    this.address = first.source().address();
    this.first = first;
    this.last = first;
    this.windowStart = first.timeNanos();
  }

  /** One new request from this source; {@code user} is the user part it named, if any. */
  void request(SipEvent e, @Nullable String user) {
    requests++;
    last = e;
    String method = methods.size() < MAX_METHODS || methods.containsKey(e.method()) ? e.method() : "*";
    methods.merge(method, 1L, Long::sum);
    if (user != null && !user.isEmpty() && !userSet.contains(user)) {
      if (users.size() < MAX_USERS) {
        users.add(user);
        userSet.add(user);
      } else {
        moreUsers = true;
      }
    }
    String ua = e.userAgent();
    if (ua != null && userAgents.size() < MAX_USER_AGENTS
        && userAgents.stream().noneMatch(u -> ua.equals(u.userAgent()))) {
      userAgents.add(e);
    }
    // windows open at a request and last BURST_WINDOW_NANOS: cheap, and never more than 2x off
    if (e.timeNanos() - windowStart >= BURST_WINDOW_NANOS) {
      windowStart = e.timeNanos();
      inWindow = 0;
    }
    inWindow++;
    busiest = Math.max(busiest, inWindow);
  }

  /** The first final response to one of its requests. */
  void answer(SipEvent response) {
    int status = response.status();
    statuses.merge(status, 1L, Long::sum);
    if (status >= 300 && rejections.size() < MAX_REJECTIONS) {
      rejections.add(response);
    }
    if (status >= 200 && status < 300 && firstAccepted == null
        && (response.method().equals("INVITE") || response.method().equals("REGISTER"))) {
      firstAccepted = response;
    }
  }

  /** The source address (any port: scanners change ports). */
  public InetAddress address() {
    return address;
  }

  /** Its first request. */
  public SipEvent first() {
    return first;
  }

  /** Its last request. */
  public SipEvent last() {
    return last;
  }

  /** How many requests it sent (retransmissions not counted). */
  public long requests() {
    return requests;
  }

  /** Requests per method, in the order first seen. */
  public Map<String, Long> methods() {
    return Collections.unmodifiableMap(methods);
  }

  /** The distinct user parts it named (Request-URI user, else To user), in the order first named. */
  public List<String> users() {
    return Collections.unmodifiableList(users);
  }

  /** Whether it named more distinct users than {@link #MAX_USERS}. */
  public boolean moreUsers() {
    return moreUsers;
  }

  /** The first request with each distinct User-Agent, up to {@link #MAX_USER_AGENTS}. */
  public List<SipEvent> userAgents() {
    return Collections.unmodifiableList(userAgents);
  }

  /** Final responses it got, counted per status code, in code order. */
  public Map<Integer, Long> statuses() {
    return Collections.unmodifiableMap(statuses);
  }

  /** How many final responses it got. */
  public long finalResponses() {
    long n = 0;
    for (long c : statuses.values()) {
      n += c;
    }
    return n;
  }

  /** The first final responses of 300 or more, up to {@link #MAX_REJECTIONS}. */
  public List<SipEvent> rejections() {
    return Collections.unmodifiableList(rejections);
  }

  /** The first 2xx that answered an INVITE or REGISTER of it: a call set up or a user registered. */
  public @Nullable SipEvent firstAccepted() {
    return firstAccepted;
  }

  /** The most requests it sent within {@link #BURST_WINDOW_NANOS} of one of them. */
  public int busiestBurst() {
    return busiest;
  }

  @Override
  public String toString() {
    return address.getHostAddress() + " requests=" + requests + " methods=" + methods + " users="
        + users.size() + (moreUsers ? "+" : "") + " statuses=" + statuses;
  }
}
