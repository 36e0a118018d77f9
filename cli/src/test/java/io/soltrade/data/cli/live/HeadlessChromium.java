package io.soltrade.data.cli.live;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A headless Chromium driven through {@code chromedriver}'s W3C WebDriver HTTP API, on loopback: just what a browser
 * test needs (open a URL, run a script, take a screenshot), without a WebDriver library. The browser is told to
 * stay off the network (no background services, updates or sync).
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--disable-domain-reliability",
            "--disable-client-side-phishing-detection", "--no-pings", "--disable-features=Translate,OptimizationHints,MediaRouter");

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private String session;

    private HeadlessChromium(Process driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts {@code chromedriver} on a free loopback port and a browser session of {@code chromium} with a window of the size given. */
    static HeadlessChromium start(Path chromedriver, Path chromium, Path workDir, int width, int height) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("chromedriver.log").toFile()).start();
        HeadlessChromium browser = new HeadlessChromium(driver, URI.create("http://127.0.0.1:" + port));
        try {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> browser.call("GET", "/status", null).path("value").path("ready").asBoolean());
            Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
            List<String> arguments = new java.util.ArrayList<>(ARGUMENTS);
            arguments.add("--window-size=" + width + "," + height);
            arguments.add("--user-data-dir=" + profile);
            Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome",
                    "goog:chromeOptions", Map.of("binary", chromium.toString(), "args", arguments))));
            browser.session = browser.call("POST", "/session", capabilities).path("value").path("sessionId").asText();
            return browser;
        } catch (RuntimeException | IOException e) {
            browser.close();
            throw e;
        }
    }

    void open(String url) throws IOException {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs {@code script} in the page (W3C "execute sync") and returns its value. */
    JsonNode script(String script) throws IOException {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of())).path("value");
    }

    /** Runs {@code script}, which calls {@code arguments[0]} with its result when done (W3C "execute async"). */
    JsonNode asyncScript(String script) throws IOException {
        return call("POST", "/session/" + session + "/execute/async", Map.of("script", script, "args", List.of())).path("value");
    }

    /** The viewport as PNG. */
    byte[] screenshot() throws IOException {
        return Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).path("value").asText());
    }

    private JsonNode call(String method, String path, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted calling chromedriver", e);
        }
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("chromedriver " + method + " " + path + " answered " + response.statusCode() + ": "
                    + answer.path("value").path("message").asText(response.body()));
        }
        return answer;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            // the browser goes with the driver below
        } finally {
            driver.descendants().forEach(ProcessHandle::destroy);
            driver.destroy();
            try {
                if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.descendants().forEach(ProcessHandle::destroyForcibly);
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The executable {@code variable} names, else {@code name} on the PATH; fails with what to install when there is none
     * (the browser test is never skipped).
     */
    static Path locate(String name, String variable) {
        String named = System.getenv(variable);
        List<Path> candidates = named != null ? List.of(Path.of(named))
                : java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator))
                        .map(directory -> Path.of(directory, name)).toList();
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new UncheckedIOException(new IOException(
                (named != null ? variable + "=" + named + " is not an executable" : name + " is not on the PATH")
                        + ": the live view's browser test needs headless Chromium and chromedriver (Debian: apt-get install -y chromium"
                        + " chromium-driver, which .ci/run does when they are absent), or SOLTRADE_CHROMIUM and SOLTRADE_CHROMEDRIVER naming them")));
    }
}
