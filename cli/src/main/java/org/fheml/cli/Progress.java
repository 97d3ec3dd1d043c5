package org.fheml.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress of a long run, drawn on standard error by me.tongfei's progress bar, or nothing when silent. */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 100;

    private final ProgressBar bar;
    private final PrintWriter err;

    private Progress(ProgressBar bar, PrintWriter err) {
        this.bar = bar;
        this.err = err;
    }

    static Progress silent() {
        return new Progress(null, null);
    }

    /** A bar of {@code steps} steps on {@code err}; ANSI colours only when standard error is a terminal. */
    static Progress on(PrintWriter err, String task, long steps, boolean terminal) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(steps)
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r' + line);
                    err.flush();
                }, WIDTH))
                .build();
        return new Progress(bar, err);
    }

    /** Whether the process's standard error is a terminal (on Linux exactly; elsewhere as the JDK's console tells). */
    static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(stderr)) {
            try {
                String target = Files.readSymbolicLink(stderr).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Names what runs now. */
    void phase(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    /** One step more is done. */
    void done() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
