package io.soltrade.data.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's demo in a real browser: {@code java -jar soltrade-data.jar simulate --serve 0} on the memory profile,
 * its page opened in headless Chromium. The SOL price changes at least 5 times within 2 seconds, the trade list grows,
 * and the page's screenshot is saved as {@code cli/target/live-view.png} (copied by hand to {@code docs/live-view.png},
 * which the README shows, when the page changes: a test run leaves the source tree as it found it). Without Chromium and
 * chromedriver ({@code chromium} and {@code chromedriver} on the PATH, or {@code SOLTRADE_CHROMIUM} and
 * {@code SOLTRADE_CHROMEDRIVER}) the test fails saying so: it is never skipped.
 */
class LiveViewBrowserIT {
    private static final Pattern SERVING = Pattern.compile("live view at http://127\\.0\\.0\\.1:(\\d+)/");
    /** Collects the distinct texts the SOL price cell shows for 2 s, then hands them back. */
    private static final String WATCH_SOL_FOR_2S = """
            const done = arguments[arguments.length - 1];
            const cell = document.getElementById('price-SOL');
            const seen = [cell.textContent];
            const observer = new MutationObserver(() => {
              if (cell.textContent !== seen[seen.length - 1]) seen.push(cell.textContent);
            });
            observer.observe(cell, {childList: true, characterData: true, subtree: true});
            setTimeout(() => { observer.disconnect(); done(seen); }, 2000);
            """;

    @TempDir
    Path dir;

    @Test
    void theSimulatedSessionIsLiveInTheBrowser() throws Exception {
        long started = System.nanoTime();
        Path chromium = HeadlessChromium.locate("chromium", "SOLTRADE_CHROMIUM");
        Path chromedriver = HeadlessChromium.locate("chromedriver", "SOLTRADE_CHROMEDRIVER");
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path jar = module.resolve("target/soltrade-data.jar");
        assertThat(jar).as("the runnable jar (built by the package phase, before integration tests)").isRegularFile();

        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process simulate = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString(), "simulate", "--serve", "0", "--duration", "5m",
                "--no-progress", "--seed", "16"))
                .redirectError(dir.resolve("simulate.err").toFile())
                .start();
        AtomicReference<String> url = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(simulate.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher serving = SERVING.matcher(line);
                    if (serving.find()) {
                        url.set("http://127.0.0.1:" + serving.group(1) + "/");
                    }
                }
            } catch (java.io.IOException e) {
                // the session ended
            }
        }, "simulate-stdout");
        reader.setDaemon(true);
        reader.start();
        try (HeadlessChromium browser = HeadlessChromium.start(chromedriver, chromium, dir, 1400, 1700)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> url.get() != null || !simulate.isAlive());
            assertThat(url.get()).as("simulate --serve printed its URL (stderr: %s)", Files.readString(dir.resolve("simulate.err"))).isNotNull();
            browser.open(url.get());

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode price = browser.script("const c = document.getElementById('price-SOL'); return c ? c.textContent : null;");
                return price.isTextual() && price.asText().matches("[0-9.]+");
            });
            JsonNode seen = browser.asyncScript(WATCH_SOL_FOR_2S);
            assertThat(seen.size() - 1).as("SOL price changes seen in 2 s: %s", seen).isGreaterThanOrEqualTo(5);

            long tradesBefore = tradeCount(browser);
            String newestBefore = browser.script("const r = document.querySelector('#trades-body tr'); return r ? r.title : '';").asText();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(tradeCount(browser)).isGreaterThan(tradesBefore);
                assertThat(browser.script("return document.querySelectorAll('#trades-body tr').length;").asInt()).isPositive();
                assertThat(browser.script("return document.querySelector('#trades-body tr').title;").asText()).isNotEqualTo(newestBefore);
            });

            // For the README: a page that has seen some seconds of trading (a chart and candles worth looking at).
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    browser.script("return document.getElementById('chart-range').textContent;").asText().matches("last ([2-9]\\d|\\d{3,}) s"));
            Path screenshot = module.resolve("target/live-view.png");
            Files.write(screenshot, browser.screenshot());
            assertThat(Files.size(screenshot)).isPositive();
        } finally {
            simulate.destroy();
            if (!simulate.waitFor(1, TimeUnit.MINUTES)) {
                simulate.destroyForcibly();
            }
        }
        assertThat(simulate.exitValue()).as("simulate ended cleanly on SIGTERM").isEqualTo(143);
        System.out.printf("LiveViewBrowserIT took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static long tradeCount(HeadlessChromium browser) throws java.io.IOException {
        return Long.parseLong(browser.script("return document.getElementById('trade-count').textContent;").asText().replace(",", ""));
    }
}
