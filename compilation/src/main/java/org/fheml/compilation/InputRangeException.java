package org.fheml.compilation;

/**
 * An argument value outside the range its circuit was compiled for, refused before anything is encrypted or
 * evaluated (the circuit's {@link InputRangeCheck} is {@link InputRangeCheck#REFUSE}). The message names the
 * argument, the element, the value and the range, and says how to widen the range or handle such values.
 */
public final class InputRangeException extends CompilationException {

    private static final long serialVersionUID = 1L;

    private final int argument;
    private final String argumentName;
    private final int element;
    private final long value;
    private final long lower;
    private final long upper;

    InputRangeException(int argument, String argumentName, int element, long value, long lower, long upper) {
        super("Argument " + argument + " (" + argumentName + "), element " + element + " is " + value
                + ", outside the range [" + lower + ", " + upper + "] the circuit was compiled for: encrypted, it "
                + "would wrap around and decrypt wrongly. Compile with an inputset or declared ranges "
                + "(Compiler.of with InputRange) that cover it, or choose CompileOptions.withInputRangeCheck(CLIP) "
                + "to clip such values.");
        this.argument = argument;
        this.argumentName = argumentName;
        this.element = element;
        this.value = value;
        this.lower = lower;
        this.upper = upper;
    }

    /** The argument's position, in declaration order. */
    public int argument() {
        return argument;
    }

    public String argumentName() {
        return argumentName;
    }

    /** The element's row-major position in the argument. */
    public int element() {
        return element;
    }

    public long value() {
        return value;
    }

    /** The smallest value the circuit was compiled for at this element. */
    public long lower() {
        return lower;
    }

    /** The largest value the circuit was compiled for at this element. */
    public long upper() {
        return upper;
    }
}
