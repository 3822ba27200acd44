package org.interdict.console;

/** Where the console's pages are: the home page and everything under {@code /console/}. */
final class ConsolePaths {

    private ConsolePaths() {}

    static boolean isPage(String path) {
        return path.equals("/") || path.startsWith("/console/");
    }
}
