package org.fheml.core.datasets;

import java.nio.file.Path;

/**
 * A data file that cannot be turned into a dataset. The message names the file, the 1-based line and what to change;
 * {@link #file()} and {@link #line()} give the first two to programs.
 */
public final class DatasetFormatException extends IllegalArgumentException {

    private final transient Path file;
    private final long line;

    DatasetFormatException(Path file, long line, String problem) {
        super(file + ", line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the file the problem is on. */
    public long line() {
        return line;
    }
}
