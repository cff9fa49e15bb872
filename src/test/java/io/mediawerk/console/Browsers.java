package io.mediawerk.console;

import java.io.File;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium and its driver ({@code bin/check-tools} installs chromium and chromium-driver), headless. */
final class Browsers {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Browsers() {}

    static ChromeDriver chromium() {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("The console tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + DRIVER + "): run bin/check-tools, or sudo apt-get install -y chromium"
                    + " chromium-driver");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,800",
                        "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        return new ChromeDriver(service, options);
    }
}
