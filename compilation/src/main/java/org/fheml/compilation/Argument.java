package org.fheml.compilation;

/** One declared argument of a circuit: its name and whether it arrives encrypted. */
public record Argument(String name, Encryption encryption) {

    public Argument {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An argument needs a name.");
        }
        if (encryption == null) {
            throw new IllegalArgumentException("Argument " + name + " needs an Encryption (ENCRYPTED or CLEAR).");
        }
    }

    public static Argument encrypted(String name) {
        return new Argument(name, Encryption.ENCRYPTED);
    }

    public static Argument clear(String name) {
        return new Argument(name, Encryption.CLEAR);
    }
}
