package org.fheml.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of the Spark jobs' command lines ({@link SparkScore}, the client helper): each
 * option once, every one known, the required ones present, with a message saying which is wrong.
 */
public final class JobArguments {

    private final Map<String, String> values;

    private JobArguments(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args} as pairs {@code --name value}.
     *
     * @throws IllegalArgumentException naming the unknown, repeated or valueless option, or the missing required one
     */
    public static JobArguments parse(List<String> args, Set<String> required, Set<String> optional) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || !(required.contains(name.substring(2))
                    || optional.contains(name.substring(2)))) {
                throw new IllegalArgumentException("Unknown option " + name + "; the options are "
                        + describe(required, optional) + ".");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("Option " + name + " needs a value.");
            }
            if (values.put(name.substring(2), args.get(i + 1)) != null) {
                throw new IllegalArgumentException("Option " + name + " is given twice.");
            }
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("Missing option --" + name + "; the options are "
                        + describe(required, optional) + ".");
            }
        }
        return new JobArguments(values);
    }

    /** The value of an option, or null when it was not given. */
    public String get(String name) {
        return values.get(name);
    }

    /** The value of an option, or {@code fallback}. */
    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * An integer option of at least 1, or {@code fallback}.
     *
     * @throws IllegalArgumentException when it is not a positive integer
     */
    public int positive(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Option --" + name + " takes a positive integer, got '" + value + "'.");
    }

    private static String describe(Set<String> required, Set<String> optional) {
        StringBuilder out = new StringBuilder();
        required.stream().sorted().forEach(n -> out.append(out.isEmpty() ? "" : ", ").append("--").append(n));
        optional.stream().sorted().forEach(n -> out.append(out.isEmpty() ? "" : ", ").append("[--").append(n)
                .append(']'));
        return out.toString();
    }
}
