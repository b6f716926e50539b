package io.voipdoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket from {@code java.net.http}, no
 * further dependency): opens pages, runs script in them, takes screenshots, and records every
 * console error, uncaught exception, browser log error (such as a Content-Security-Policy
 * violation) and network request.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
  private final String session;

  /** The browser, or a skipped test saying why there is none. */
  static Chromium start() throws Exception {
    Path binary = Path.of(System.getProperty("voipdoc.chromium", "/usr/bin/chromium"));
    Assumptions.assumeTrue(Files.isExecutable(binary), "no Chromium at " + binary + " (Debian package chromium); .ci/run installs it");
    return new Chromium(binary);
  }

  private Chromium(Path binary) throws Exception {
    profile = Files.createTempDirectory("voipdoc-chromium");
    process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                "--font-render-hinting=none",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectErrorStream(true)
            .start();
    String url = null;
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (String line; url == null && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
    }
    if (url == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium did not open its DevTools port");
    }
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "chromium-output");
    drain.setDaemon(true);
    drain.start();
    socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener()).get(30, TimeUnit.SECONDS);
    String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
    for (String domain : new String[] {"Page", "Runtime", "Log", "Network"}) {
      send(domain + ".enable", Map.of());
    }
    // a headless page never has focus, which the clipboard needs
    send("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
  }

  /** Opens {@code uri} in a window of the given size and waits for its load event. */
  void open(URI uri, int width, int height) throws Exception {
    send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    errors.clear();
    requests.clear();
    loaded = new CompletableFuture<>();
    send("Page.navigate", Map.of("url", uri.toString()));
    loaded.get(60, TimeUnit.SECONDS);
  }

  /** The value of a script expression, returned by value; it runs as if the user had clicked. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true, "userGesture", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
    }
    return r.get("result").path("value");
  }

  /**
   * A PNG of the page area at (x, y) of the given size, in CSS pixels of the page. The window
   * first grows to the whole page, so that parts the browser skips while off screen ({@code
   * content-visibility}) are drawn, and sticky headers stay at the top.
   */
  void screenshot(Path file, double x, double y, double width, double height) throws Exception {
    int pageWidth = eval("document.documentElement.clientWidth").asInt();
    int pageHeight = eval("document.documentElement.scrollHeight").asInt();
    send("Emulation.setDeviceMetricsOverride", Map.of("width", pageWidth, "height", pageHeight, "deviceScaleFactor", 1, "mobile", false));
    eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    JsonNode r = send("Page.captureScreenshot", Map.of(
        "format", "png",
        "captureBeyondViewport", true,
        "clip", Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1)));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
  }

  /** Console errors, uncaught exceptions and browser log errors since the page was opened. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  /** URLs the page requested since it was opened, the page itself included. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private JsonNode send(String method, Map<String, Object> params) throws Exception {
    return call(session, method, params);
  }

  private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = answer.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  private void event(JsonNode message) {
    String method = message.path("method").asText();
    JsonNode p = message.path("params");
    switch (method) {
      case "Page.loadEventFired" -> loaded.complete(null);
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
          errors.add("console: " + p.path("args"));
        }
      }
      case "Log.entryAdded" -> {
        if (p.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + p.path("entry").path("text").asText());
        }
      }
      default -> {}
    }
  }

  /** Puts WebSocket fragments together and routes answers and events. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
              answer.complete(message);
            }
          } else {
            event(message);
          }
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e);
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes away below in any case
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
